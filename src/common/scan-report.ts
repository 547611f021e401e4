/**
 * What the top frame's scan did in a page view and whether one of its caps stopped it (content/scan-limits.ts;
 * docs/measurement.md, "Ad"): a page view hands at most a fixed number of ads to counting and reads at most a
 * fixed number of elements, so that no page can make AdTally work without bound. Past a cap the page view's
 * count is a lower bound, and this says so.
 */
export type CapReason = 'ads' | 'elements';

export interface ScanReport {
  /** Distinct ad elements handed to counting. */
  ads: number;
  /** Elements handed to detection, rescans included. */
  elements: number;
  /** Which cap stopped the scan, or null while it runs. */
  capped: CapReason | null;
  /** Ads detection found that were not handed on because the ad cap was reached (a lower bound: the scan stopped there). */
  adsOverCap: number;
  /** Elements the page had added, or the scan had queued, that were never read because a cap stopped the scan (a lower bound). */
  elementsNotScanned: number;
  /** Class names, ids and link targets not reported for rules because the token survey's own cap was reached. */
  tokensOverCap: number;
  /** Times the scan yielded to the page between slices of work. */
  slices: number;
  limits: { maxAds: number; maxElements: number; sliceMs: number };
}
