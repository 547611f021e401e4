import { describe, expect, it } from 'vitest';
import { parsePageAds } from './page-ads';

describe('pageAds: the count for the toolbar badge', () => {
  it('accepts a whole number of ads from 0 to 1,000', () => {
    for (const count of [0, 4, 1000]) expect(parsePageAds({ count })).toEqual({ ok: true, payload: { count } });
  });

  it('refuses anything else, so the badge keeps its number', () => {
    for (const count of [-1, 1.5, 1001, '4', null, undefined, Number.NaN, Infinity]) expect(parsePageAds({ count }).ok).toBe(false);
  });
});
