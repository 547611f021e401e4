/** Median and spread of a handful of runs, and column padding for the printed tables. */
export function median(values) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return NaN;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

export function fmtRange(values, digits = 0) {
  const v = values.filter((x) => Number.isFinite(x));
  if (!v.length) return '—';
  return `${median(v).toFixed(digits)} (${Math.min(...v).toFixed(digits)}–${Math.max(...v).toFixed(digits)})`;
}

export function pad(text, width, left = false) {
  const s = String(text);
  return left ? s.padStart(width) : s.padEnd(width);
}

/** The p-th percentile by nearest rank (p95 of 20 runs is the 19th smallest): a value that was measured. */
export function percentile(values, p) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return NaN;
  return v[Math.min(v.length, Math.max(1, Math.ceil((p / 100) * v.length))) - 1];
}
