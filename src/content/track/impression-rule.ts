/**
 * The impression rule of docs/measurement.md, pure so unit tests can drive it:
 * at least 50% of the ad's area in the viewport (30% for ads of 242,500 px² or more, MRC's large-ad rule)
 * while the document is visible, the ad rendered and at least 10×10 CSS px.
 */
export interface Observation {
  /** Fraction of the ad's box inside the viewport, 0 when it does not intersect. */
  ratio: number;
  width: number;
  height: number;
  /** False when CSS hides the ad (visibility:hidden, opacity 0) although it has a box. */
  rendered: boolean;
  /**
   * False when the box lies above or left of the page, where no scrolling brings it (ad-blocker bait at
   * -10000px): such an ad is not measured. Absent: within the page.
   */
  inPage?: boolean;
}

export const LARGE_AD_AREA = 242_500;
export const MIN_SIDE = 10;

export function requiredRatio(width: number, height: number): number {
  return width * height >= LARGE_AD_AREA ? 0.3 : 0.5;
}

export function meetsImpressionCondition(obs: Observation, pageVisible: boolean): boolean {
  if (!pageVisible || !obs.rendered) return false;
  // A zero-area target reports intersectionRatio 1 when it touches the viewport, so size is checked apart.
  if (obs.width < MIN_SIDE || obs.height < MIN_SIDE) return false;
  return obs.ratio >= requiredRatio(obs.width, obs.height);
}

/**
 * Whether an ad counts as measured (docs/measurement.md, Measured ad): on a visible page, within the page's
 * reach and at least the size an impression needs, whether or not it is in view.
 */
export function isMeasuredNow(obs: Observation, pageVisible: boolean): boolean {
  return pageVisible && obs.inPage !== false && obs.width >= MIN_SIDE && obs.height >= MIN_SIDE;
}
