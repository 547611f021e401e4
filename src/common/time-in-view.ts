/**
 * The time-in-view distribution: each impression's time in view in its page view (its dwell event, one per
 * ad per page view) falls in one bucket. Each bucket includes its lower bound and excludes its upper one, so
 * exactly 1 s is in "1–2 s" and exactly 30 s in "30 s or more" (docs/measurement.md). Pure: the write path,
 * the upgrade and the dashboard share it.
 */

export interface TimeInViewBucket {
  /** The stored key: the bucket's lower bound in milliseconds, as text. */
  key: string;
  fromMs: number;
  label: string;
}

export const TIME_IN_VIEW_BUCKETS: readonly TimeInViewBucket[] = [
  { key: '0', fromMs: 0, label: 'under 1 s' },
  { key: '1000', fromMs: 1000, label: '1–2 s' },
  { key: '2000', fromMs: 2000, label: '2–5 s' },
  { key: '5000', fromMs: 5000, label: '5–10 s' },
  { key: '10000', fromMs: 10_000, label: '10–30 s' },
  { key: '30000', fromMs: 30_000, label: '30 s or more' },
];

/** The key of the bucket a time in view falls in. */
export function timeInViewBucketOf(dwellMs: number): string {
  let key = TIME_IN_VIEW_BUCKETS[0]!.key;
  for (const bucket of TIME_IN_VIEW_BUCKETS) if (dwellMs >= bucket.fromMs) key = bucket.key;
  return key;
}
