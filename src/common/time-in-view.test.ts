import { describe, expect, it } from 'vitest';
import { TIME_IN_VIEW_BUCKETS, timeInViewBucketOf } from './time-in-view';

describe('timeInViewBucketOf', () => {
  it('puts each boundary in the bucket it starts', () => {
    const label = (ms: number) => TIME_IN_VIEW_BUCKETS.find((b) => b.key === timeInViewBucketOf(ms))!.label;
    expect([0, 999, 1000, 1999, 2000, 4999, 5000, 9999, 10_000, 29_999, 30_000, 86_400_000].map(label)).toEqual([
      'under 1 s',
      'under 1 s',
      '1–2 s',
      '1–2 s',
      '2–5 s',
      '2–5 s',
      '5–10 s',
      '5–10 s',
      '10–30 s',
      '10–30 s',
      '30 s or more',
      '30 s or more',
    ]);
  });

  it('keys each bucket by its lower bound in milliseconds, in order', () => {
    expect(TIME_IN_VIEW_BUCKETS.map((b) => b.key)).toEqual(['0', '1000', '2000', '5000', '10000', '30000']);
    for (const b of TIME_IN_VIEW_BUCKETS) expect(b.key).toBe(String(b.fromMs));
  });
});
