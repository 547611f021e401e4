import type { CapReason, ScanReport } from '../common/scan-report';

export type { CapReason, ScanReport } from '../common/scan-report';

/**
 * What one page view may make the scan do (docs/performance.md, "Hostile pages"; docs/measurement.md, "Ad"):
 * the scan works in slices of a few milliseconds with the page's own tasks between them, hands at most
 * MAX_ADS distinct ads to counting and reads at most MAX_ELEMENTS elements in detection. Past either cap it
 * stops looking for ads in this page view, and says so (`ScanReport`): the ads found go on being measured.
 * Pure logic, no DOM: unit tests drive it with a fake clock.
 */

/** Distinct ad elements one page view hands to counting. A heavy real page has tens, a long feed hundreds. */
export const MAX_ADS = 1000;
/** Elements one page view hands to detection, rescans included (a huge single-page document has ~300,000). */
export const MAX_ELEMENTS = 500_000;
/** One slice of work: after this, the scan yields to the page. */
export const SLICE_MS = 10;

export interface Limits {
  maxAds: number;
  maxElements: number;
  sliceMs: number;
}

export const DEFAULT_LIMITS: Limits = { maxAds: MAX_ADS, maxElements: MAX_ELEMENTS, sliceMs: SLICE_MS };

/**
 * The page view's account of ads and elements against its caps. Elements are booked when a subtree is
 * queued (`enqueue`), so the queue itself never holds more than the budget, and moved to `elements` when
 * detection reads them (`take`) or released when the subtree is skipped (`drop`).
 */
export class ScanBudget {
  ads = 0;
  elements = 0;
  queued = 0;
  capped: CapReason | null = null;
  /** A subtree was refused for the element budget: the scan ends, capped, once the queue has drained. */
  full = false;
  adsOverCap = 0;
  elementsNotScanned = 0;
  slices = 0;

  constructor(readonly limits: Limits = DEFAULT_LIMITS) {}

  /** Books a subtree of n elements into the queue; false (counted as not scanned) when it would exceed the budget. */
  enqueue(n: number): boolean {
    if (this.capped || this.full || this.elements + this.queued + n > this.limits.maxElements) {
      if (!this.capped) this.full = true;
      this.elementsNotScanned += n;
      return false;
    }
    this.queued += n;
    return true;
  }

  /** A queued subtree is read by detection. */
  take(n: number): void {
    this.queued -= n;
    this.elements += n;
  }

  /** A queued subtree is skipped (gone from the page, or inside an ad already found). */
  drop(n: number): void {
    this.queued -= n;
  }

  /** The queue has drained: a refused subtree now caps the scan. */
  drained(): void {
    if (this.full) this.capped ??= 'elements';
  }

  /**
   * Books one more distinct ad. False once the cap is reached (the ad is counted over the cap). Reaching the
   * cap caps the scan; the ad that reaches it is still taken.
   */
  takeAd(): boolean {
    if (this.ads >= this.limits.maxAds) {
      this.capped ??= 'ads';
      this.adsOverCap++;
      return false;
    }
    this.ads++;
    if (this.ads >= this.limits.maxAds) this.capped ??= 'ads';
    return true;
  }

  /** The scan stopped: what was still queued was never read. */
  stop(): void {
    this.elementsNotScanned += this.queued;
    this.queued = 0;
  }

  report(tokensOverCap: number): ScanReport {
    const { ads, elements, capped, adsOverCap, elementsNotScanned, slices } = this;
    return { ads, elements, capped, adsOverCap, elementsNotScanned, tokensOverCap, slices, limits: { ...this.limits } };
  }
}

/**
 * A slice of main-thread time: `expired()` once `ms` have passed since it began. The scan checks it between
 * units of work (one subtree's detection) and yields to the page when it has expired.
 */
export class Slice {
  private started: number;

  constructor(
    private readonly ms: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.started = now();
  }

  expired(): boolean {
    return this.now() - this.started >= this.ms;
  }

  restart(): void {
    this.started = this.now();
  }
}

/**
 * Lets the page run: a macrotask, so the page's own tasks already due (its timers, input, rendering) go
 * first. A timer, not scheduler.yield(), whose continuation would jump ahead of the page's tasks; chained
 * timers are clamped to 4 ms, which leaves the page at least that between two of AdTally's slices.
 */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
