import { describe, expect, it } from 'vitest';
import { addCounts, addInto, ZERO_COUNTS } from './counts';
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
