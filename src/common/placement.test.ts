import { describe, expect, it } from 'vitest';
import { parsePlacementKey, placementKey, sumPlacements } from './placement';

describe('placement keys', () => {
  it('round-trips the three fields, unknown fold included', () => {
    expect(parsePlacementKey(placementKey({ fold: 'above', size: '300x250', kind: 'display' }))).toEqual({ fold: 'above', size: '300x250', kind: 'display' });
    expect(placementKey({ fold: '', size: 'other', kind: 'native' })).toBe('["","other","native"]');
  });

  it('refuses keys AdTally never writes', () => {
    for (const key of ['', 'x', '["above","300x250"]', '["left","300x250","display"]', '[1,"a","b"]']) expect(parsePlacementKey(key)).toBeNull();
  });
});

describe('sumPlacements', () => {
  it('sums the rows per fold, per size and per kind, and skips keys that are no placement', () => {
    const row = (fold: 'above' | 'below' | '', size: string, kind: string, impressions: number, clicks: number) => ({ key: placementKey({ fold, size, kind }), impressions, viewable: 0, clicks, dwellMs: 0, measured: impressions });
    const sums = sumPlacements([row('above', '300x250', 'display', 3, 1), row('below', '300x250', 'display', 2, 0), row('above', 'other', 'native', 5, 2), row('', '728x90', 'display', 1, 0), { key: 'junk', impressions: 9, viewable: 0, clicks: 0, dwellMs: 0 }]);
    expect(Object.fromEntries([...sums.fold].map(([k, t]) => [k, [t.impressions, t.clicks, t.measured]]))).toEqual({ above: [8, 3, 8], below: [2, 0, 2], '': [1, 0, 1] });
    expect(Object.fromEntries([...sums.size].map(([k, t]) => [k, t.impressions]))).toEqual({ '300x250': 5, other: 5, '728x90': 1 });
    expect(Object.fromEntries([...sums.kind].map(([k, t]) => [k, t.impressions]))).toEqual({ display: 6, native: 5 });
  });
});
