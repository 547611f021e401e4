import { describe, expect, it } from 'vitest';
import { drawOrder, insightPoints } from './insight-points';
import type { InsightItem } from './insight-points';

const item = (key: string, impressions: number, clicks: number, mine = false): InsightItem => ({ key, label: key, impressions, viewable: 0, clicks, mine });

describe('insightPoints', () => {
  // All ads: 9 clicks in 189 impressions (4.8%), as in e2e/dashboard.spec.ts's twelve sites.
  const overall = 9 / 189;

  it('gives each item its CTR in percent and flags only a CTR whose interval excludes the overall one', () => {
    const { points, overallCtr, medianImpressions } = insightPoints([item('big.test', 40, 8), item('mid.test', 20, 0), item('tiny.test', 3, 1), item('low.test', 2, 0)], overall);
    expect(overallCtr).toBeCloseTo(4.76, 2);
    expect(medianImpressions).toBe(11.5);
    expect(points.map((p) => [p.key, p.ctr, p.reading])).toEqual([
      ['big.test', 20, 'widely-seen-compelling'],
      // 0 in 20 is below 4.8%, but 20 impressions are too few to say so.
      ['mid.test', 0, null],
      // 1 in 3 (33%) is far above, and three people are an anecdote.
      ['tiny.test', (1 / 3) * 100, null],
      ['low.test', 0, null],
    ]);
    expect(points[0]!.interval.low).toBeGreaterThan(overall);
  });

  it('reads a widely seen item clicked rarely and a small audience clicking often', () => {
    const { points } = insightPoints([item('wide.test', 1000, 5), item('small.test', 60, 12), item('a.test', 100, 5), item('b.test', 90, 4)], 0.05);
    expect(Object.fromEntries(points.map((p) => [p.key, p.reading]))).toEqual({
      'wide.test': 'widely-seen-not-compelling',
      'small.test': 'small-engaged-audience',
      'a.test': null,
      'b.test': null,
    });
  });

  it('lists My ads first, then most impressions, more clicks, the key; leaves out items without impressions', () => {
    const { points, left } = insightPoints([item('b', 5, 0), item('mine-small', 2, 0, true), item('a', 5, 1), item('c', 9, 0), item('none', 0, 0), item('mine-big', 7, 0, true)], 0.1);
    expect(points.map((p) => p.key)).toEqual(['mine-big', 'mine-small', 'c', 'a', 'b']);
    expect(left).toBe(1);
  });

  it('draws My ads last, so they stay on top of the others', () => {
    const { points } = insightPoints([item('b', 5, 0), item('mine', 2, 0, true), item('a', 9, 1), item('mine-too', 1, 0, true)], 0.1);
    expect(drawOrder(points).map((p) => p.key)).toEqual(['b', 'a', 'mine-too', 'mine']);
  });
});
