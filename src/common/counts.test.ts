import { describe, expect, it } from 'vitest';
import { addCounts, addInto, measuredRates, pickCounts, ZERO_COUNTS } from './counts';
import type { Totals } from './types';

describe('adding counts', () => {
  const row: Totals = { impressions: 3, viewable: 2, clicks: 1, dwellMs: 900 };

  it('adds into a sum in place, or takes away with sign -1', () => {
    const sum = { ...ZERO_COUNTS };
    expect(addInto(sum, row)).toBe(sum);
    addInto(sum, row);
    expect(sum).toEqual({ impressions: 6, viewable: 4, clicks: 2, dwellMs: 1800 });
    addInto(sum, row, -1);
    expect(sum).toEqual(row);
  });

  it('counts no dwell time for a row stored before it was counted', () => {
    const old = { impressions: 1, viewable: 1, clicks: 0 } as Totals;
    expect(addInto({ ...row }, old).dwellMs).toBe(900);
  });

  it('addCounts leaves both sides as they are and returns only the counts', () => {
    const a = { ...row, key: 'news.example' };
    expect(addCounts(a, row)).toEqual({ impressions: 6, viewable: 4, clicks: 2, dwellMs: 1800 });
    expect(a).toEqual({ ...row, key: 'news.example' });
    expect(addCounts(ZERO_COUNTS, row, -1)).toEqual({ impressions: -3, viewable: -2, clicks: -1, dwellMs: -900 });
  });
});

describe('measured rates', () => {
  it('divides by measured ads, and is none where nothing was measured (data from before): n/a, never 0%', () => {
    expect(measuredRates({ measured: 8, measuredInView: 4, measuredViewable: 2 })).toEqual({ inView: 0.5, viewable: 0.25 });
    expect(measuredRates({})).toBeNull();
    expect(measuredRates({ measured: 0 })).toBeNull();
  });

  it('adds measured counts only where a row has them, so older rows keep their shape', () => {
    const older = { impressions: 1, viewable: 0, clicks: 0, dwellMs: 0 };
    expect(addCounts(older, older)).toEqual({ impressions: 2, viewable: 0, clicks: 0, dwellMs: 0 });
    expect(addCounts(older, { ...older, measured: 3, measuredInView: 1, measuredViewable: 0 })).toEqual({ impressions: 2, viewable: 0, clicks: 0, dwellMs: 0, measured: 3, measuredInView: 1, measuredViewable: 0 });
    expect(pickCounts({ ...older, measured: 2, key: 'x' } as never)).toEqual({ ...older, measured: 2 });
  });
});
