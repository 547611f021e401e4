/**
 * The scales and ticks of the impressions-vs-CTR chart (insight-chart.tsx), pure so every axis is unit-tested
 * without a browser: impressions on a log axis (a site with 5 and one with 5,000 both stay readable), CTR on
 * a linear one from 0.
 */

/** A map from data values to pixels, and the values to label. */
export interface Axis {
  at: (value: number) => number;
  ticks: number[];
}

/**
 * The log axis of impressions: whole decades around the values (1 to 10, 10 to 1,000 …), mapped onto
 * [start, end] pixels. Ticks at each power of ten, and at 2 and 5 times it when the axis spans at most two
 * decades (else they crowd). Impressions below 1 have no place on it; callers leave such items out.
 */
export function logAxis(values: readonly number[], start: number, end: number): Axis {
  const positive = values.filter((v) => v >= 1);
  const low = Math.floor(Math.log10(positive.length ? Math.min(...positive) : 1));
  let high = Math.ceil(Math.log10(positive.length ? Math.max(...positive) : 10));
  if (high <= low) high = low + 1;
  const at = (value: number) => start + ((Math.log10(Math.max(value, 10 ** low)) - low) / (high - low)) * (end - start);
  const multiples = high - low <= 2 ? [1, 2, 5] : [1];
  const ticks: number[] = [];
  for (let power = low; power <= high; power++) {
    for (const m of multiples) {
      const tick = m * 10 ** power;
      if (tick <= 10 ** high) ticks.push(tick);
    }
  }
  return { at, ticks };
}

/**
 * The linear axis of a CTR in percent: 0 to a round value above the highest of `values` (the points and the
 * overall CTR), with about five ticks at 1, 2 or 5 times a power of ten. At least 1%: a chart of CTRs all 0
 * still has an axis.
 */
export function percentAxis(values: readonly number[], start: number, end: number): Axis {
  const top = Math.max(1, ...values.filter(Number.isFinite));
  const step = niceStep(top / 5);
  const max = Math.ceil(top / step) * step;
  const ticks: number[] = [];
  // Rounded to the step's decimals: 0.1 × 3 is 0.30000000000000004 in floating point.
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  for (let n = 0; n * step <= max + step / 1e6; n++) ticks.push(Number((n * step).toFixed(decimals)));
  return { at: (value: number) => start + (value / max) * (end - start), ticks };
}

/** The smallest of 1, 2 or 5 times a power of ten that is at least `rough`. */
export function niceStep(rough: number): number {
  if (!(rough > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  for (const m of [1, 2, 5, 10]) if (m * power >= rough - power * 1e-9) return m * power;
  return 10 * power;
}
