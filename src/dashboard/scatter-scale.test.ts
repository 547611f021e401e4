import { describe, expect, it } from 'vitest';
import { logAxis, niceStep, percentAxis } from './scatter-scale';

describe('logAxis', () => {
  it('spans whole decades around the values, each decade the same width', () => {
    const axis = logAxis([3, 40, 700], 0, 300);
    expect(axis.ticks).toEqual([1, 10, 100, 1000]);
    expect(axis.at(1)).toBe(0);
    expect(axis.at(10)).toBeCloseTo(100);
    expect(axis.at(100)).toBeCloseTo(200);
    expect(axis.at(1000)).toBeCloseTo(300);
  });

  it('labels 2 and 5 times each power of ten over two decades or fewer', () => {
    expect(logAxis([12, 80], 0, 100).ticks).toEqual([10, 20, 50, 100]);
    // 5 to 300 spans three decades (1 to 1,000): powers of ten only.
    expect(logAxis([5, 300], 0, 100).ticks).toEqual([1, 10, 100, 1000]);
  });

  it('gives one value, or a power of ten, a decade of its own', () => {
    expect(logAxis([10], 0, 100).ticks).toEqual([10, 20, 50, 100]);
    expect(logAxis([10], 0, 100).at(10)).toBe(0);
    expect(logAxis([], 0, 100).ticks).toEqual([1, 2, 5, 10]);
  });

  it('runs the other way when the pixels do (an SVG y axis)', () => {
    const axis = logAxis([1, 100], 200, 0);
    expect(axis.at(1)).toBe(200);
    expect(axis.at(100)).toBe(0);
  });
});

describe('percentAxis', () => {
  it('runs from 0 to a round value above the highest CTR', () => {
    const axis = percentAxis([3.3, 20, 4.8], 300, 0);
    expect(axis.ticks).toEqual([0, 5, 10, 15, 20]);
    expect(axis.at(0)).toBe(300);
    expect(axis.at(20)).toBe(0);
    expect(axis.at(10)).toBe(150);
  });

  it('keeps ticks round in floating point and an axis of at least 1%', () => {
    expect(percentAxis([0, 0], 0, 100).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(percentAxis([0.7], 0, 100).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(percentAxis([100], 0, 100).ticks).toEqual([0, 20, 40, 60, 80, 100]);
  });
});

describe('niceStep', () => {
  it('rounds up to 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(0.13)).toBe(0.2);
    expect(niceStep(3)).toBe(5);
    expect(niceStep(5)).toBe(5);
    expect(niceStep(7)).toBe(10);
    expect(niceStep(40)).toBe(50);
    expect(niceStep(0)).toBe(1);
  });
});
