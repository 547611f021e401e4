import { describe, expect, it } from 'vitest';
import { meetsImpressionCondition, requiredRatio } from './impression-rule';
import type { Observation } from './impression-rule';

const obs = (ratio: number, width = 300, height = 250, rendered = true): Observation => ({
  ratio,
  width,
  height,
  rendered,
});

describe('requiredRatio', () => {
  it('is 50% for ordinary ads and 30% from 242,500 px² up', () => {
    expect(requiredRatio(300, 250)).toBe(0.5);
    expect(requiredRatio(969, 250)).toBe(0.5); // 242,250 px²
    expect(requiredRatio(970, 250)).toBe(0.3); // 242,500 px²
    expect(requiredRatio(1000, 600)).toBe(0.3);
  });
});

describe('meetsImpressionCondition', () => {
  it('needs half of an ordinary ad in view', () => {
    expect(meetsImpressionCondition(obs(0.5), true)).toBe(true);
    expect(meetsImpressionCondition(obs(1), true)).toBe(true);
    expect(meetsImpressionCondition(obs(0.49), true)).toBe(false);
    expect(meetsImpressionCondition(obs(0.4), true)).toBe(false);
    expect(meetsImpressionCondition(obs(0), true)).toBe(false);
  });

  it('needs 30% of a large ad (970x250 and up) in view', () => {
    expect(meetsImpressionCondition(obs(0.3, 970, 250), true)).toBe(true);
    expect(meetsImpressionCondition(obs(0.29, 970, 250), true)).toBe(false);
    // Just under the large-ad area, 30% is not enough.
    expect(meetsImpressionCondition(obs(0.3, 969, 250), true)).toBe(false);
    expect(meetsImpressionCondition(obs(0.5, 969, 250), true)).toBe(true);
  });

  it('needs at least 10x10 CSS pixels', () => {
    expect(meetsImpressionCondition(obs(1, 10, 10), true)).toBe(true);
    expect(meetsImpressionCondition(obs(1, 9, 10), true)).toBe(false);
    expect(meetsImpressionCondition(obs(1, 10, 9), true)).toBe(false);
    expect(meetsImpressionCondition(obs(1, 1, 1), true)).toBe(false);
    // A zero-height element touching the viewport reports ratio 1.
    expect(meetsImpressionCondition(obs(1, 728, 0), true)).toBe(false);
    expect(meetsImpressionCondition(obs(1, 0, 0), true)).toBe(false);
  });

  it('needs the ad rendered', () => {
    expect(meetsImpressionCondition(obs(1, 300, 250, false), true)).toBe(false);
  });

  it('needs the page visible', () => {
    expect(meetsImpressionCondition(obs(1), false)).toBe(false);
  });
});
