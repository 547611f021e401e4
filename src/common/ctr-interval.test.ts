import { describe, expect, it } from 'vitest';
import { compareCtr, ctrSortValue, median, readingOf, wilsonInterval } from './ctr-interval';

describe('the 95% Wilson interval of a CTR', () => {
  it('matches published values', () => {
    // 1 success in 10 trials: 0.0179–0.4042 (Newcombe 1998, Table I, method 3).
    const ten = wilsonInterval(1, 10)!;
    expect(ten.low).toBeCloseTo(0.0179, 4);
    expect(ten.high).toBeCloseTo(0.4042, 4);
    // 81 of 263: 0.2553–0.3662 (Newcombe 1998, Table I).
    const big = wilsonInterval(81, 263)!;
    expect(big.low).toBeCloseTo(0.2553, 4);
    expect(big.high).toBeCloseTo(0.3662, 4);
  });

  it('stays within 0–100% at the edges, and has none without impressions', () => {
    expect(wilsonInterval(0, 3)!.low).toBe(0);
    expect(wilsonInterval(0, 3)!.high).toBeCloseTo(0.5615, 4);
    expect(wilsonInterval(5, 5)!.high).toBe(1);
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(wilsonInterval(7, 3)!.high).toBe(1);
  });

  it('narrows as impressions grow', () => {
    const width = (c: number, n: number) => wilsonInterval(c, n)!.high - wilsonInterval(c, n)!.low;
    expect(width(2, 9)).toBeGreaterThan(width(20, 90));
    expect(width(20, 90)).toBeGreaterThan(width(200, 900));
  });
});

describe('sorting by CTR with its uncertainty', () => {
  it('ranks 2 clicks in 9 impressions (22%) below 150 in 1,000 (15%) when highest first', () => {
    expect(ctrSortValue(150, 1000, true)).toBeGreaterThan(ctrSortValue(2, 9, true));
  });

  it('ranks 0 clicks in 3 impressions above 2 in 1,000 when lowest first: 3 impressions prove little', () => {
    expect(ctrSortValue(0, 3, false)).toBeGreaterThan(ctrSortValue(2, 1000, false));
  });

  it('puts rows without impressions last either way', () => {
    expect(ctrSortValue(0, 0, true)).toBeLessThan(ctrSortValue(0, 1, true));
    expect(ctrSortValue(0, 0, false)).toBeGreaterThan(ctrSortValue(1, 1, false));
  });
});

describe('a CTR clearly above or below the overall one', () => {
  it('never flags fewer than 30 impressions, even where the interval alone would', () => {
    expect(compareCtr(0, 3, 0.02)).toBe('unclear');
    expect(compareCtr(3, 3, 0.02)).toBe('unclear');
    expect(compareCtr(20, 29, 0.02)).toBe('unclear');
    expect(compareCtr(20, 30, 0.02)).toBe('above');
  });

  it('flags a rate whose whole interval lies on one side', () => {
    expect(compareCtr(1, 2000, 0.02)).toBe('below');
    expect(compareCtr(30, 100, 0.02)).toBe('above');
    expect(compareCtr(2, 100, 0.02)).toBe('unclear');
  });
});

describe('the impressions-vs-clicks reading', () => {
  it('names the quadrant only where the CTR clearly differs from the overall one', () => {
    // Overall 2%; the median row has 100 impressions.
    expect(readingOf(1, 2000, 0.02, 100)).toBe('widely-seen-not-compelling');
    expect(readingOf(12, 40, 0.02, 100)).toBe('small-engaged-audience');
    expect(readingOf(200, 1000, 0.02, 100)).toBe('widely-seen-compelling');
    expect(readingOf(0, 60, 0.2, 100)).toBe('rarely-seen-not-compelling');
    expect(readingOf(2, 100, 0.02, 100)).toBeNull();
    expect(readingOf(3, 3, 0.02, 1)).toBeNull();
  });

  it('takes the median of the rows', () => {
    expect(median([])).toBe(0);
    expect(median([5, 1, 9])).toBe(5);
    expect(median([4, 1, 9, 2])).toBe(3);
  });
});
