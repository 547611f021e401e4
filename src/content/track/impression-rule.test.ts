import { describe, expect, it, vi } from 'vitest';
import { ImpressionTracker, meetsImpressionCondition, requiredRatio } from './impression-rule';
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

describe('ImpressionTracker', () => {
  it('fires once per ad, with the observation that met the rule', () => {
    const onImpression = vi.fn();
    const tracker = new ImpressionTracker(true, onImpression);
    tracker.observe('ad1', obs(0.2));
    expect(onImpression).not.toHaveBeenCalled();
    expect(tracker.hasImpression('ad1')).toBe(false);
    const seen = obs(0.6);
    tracker.observe('ad1', seen);
    expect(onImpression).toHaveBeenCalledTimes(1);
    expect(onImpression).toHaveBeenCalledWith('ad1', seen);
    expect(tracker.hasImpression('ad1')).toBe(true);
    tracker.observe('ad1', obs(1));
    expect(onImpression).toHaveBeenCalledTimes(1);
  });

  it('does not fire again after the ad scrolls away and back', () => {
    const onImpression = vi.fn();
    const tracker = new ImpressionTracker(true, onImpression);
    tracker.observe('ad1', obs(1));
    tracker.observe('ad1', obs(0));
    tracker.observe('ad1', obs(1));
    tracker.setPageVisible(false);
    tracker.setPageVisible(true);
    expect(onImpression).toHaveBeenCalledTimes(1);
  });

  it('tracks ads independently', () => {
    const onImpression = vi.fn();
    const tracker = new ImpressionTracker(true, onImpression);
    tracker.observe('ad1', obs(1));
    tracker.observe('ad2', obs(0.1));
    tracker.observe('ad3', obs(0.7));
    expect(onImpression.mock.calls.map(([id]) => id)).toEqual(['ad1', 'ad3']);
    expect(tracker.hasImpression('ad2')).toBe(false);
  });

  it('does not fire while the page is hidden, and fires when it becomes visible with the ad in view', () => {
    const onImpression = vi.fn();
    const tracker = new ImpressionTracker(false, onImpression);
    const inView = obs(0.8);
    tracker.observe('ad1', inView);
    tracker.observe('ad2', obs(0.1));
    expect(onImpression).not.toHaveBeenCalled();
    tracker.setPageVisible(true);
    expect(onImpression).toHaveBeenCalledTimes(1);
    expect(onImpression).toHaveBeenCalledWith('ad1', inView);
    tracker.setPageVisible(false);
    tracker.setPageVisible(true);
    expect(onImpression).toHaveBeenCalledTimes(1);
  });

  it('uses the latest observation when the page becomes visible', () => {
    const onImpression = vi.fn();
    const tracker = new ImpressionTracker(false, onImpression);
    tracker.observe('ad1', obs(1));
    tracker.observe('ad1', obs(0)); // scrolled away while hidden
    tracker.setPageVisible(true);
    expect(onImpression).not.toHaveBeenCalled();
  });

  it('stops firing once the page is hidden', () => {
    const onImpression = vi.fn();
    const tracker = new ImpressionTracker(true, onImpression);
    tracker.setPageVisible(false);
    tracker.observe('ad1', obs(1));
    expect(onImpression).not.toHaveBeenCalled();
    tracker.setPageVisible(true);
    expect(onImpression).toHaveBeenCalledTimes(1);
  });

  it('markImpressed returns true once, then false, and suppresses a later onImpression', () => {
    const onImpression = vi.fn();
    const tracker = new ImpressionTracker(true, onImpression);
    expect(tracker.markImpressed('ad1')).toBe(true);
    expect(tracker.hasImpression('ad1')).toBe(true);
    expect(tracker.markImpressed('ad1')).toBe(false);
    tracker.observe('ad1', obs(1));
    expect(onImpression).not.toHaveBeenCalled();
  });

  it('markImpressed returns false for an ad that already made its impression', () => {
    const onImpression = vi.fn();
    const tracker = new ImpressionTracker(true, onImpression);
    tracker.observe('ad1', obs(1));
    expect(tracker.markImpressed('ad1')).toBe(false);
    expect(tracker.markImpressed('ad2')).toBe(true);
    expect(onImpression).toHaveBeenCalledTimes(1);
  });
});
