/**
 * A count for people, digits grouped by commas (1,234,567) whatever the browser's language: AdTally's text is
 * English, and the e2e tests read these numbers.
 */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** A percentage with one decimal: 12.5%. */
export function formatPercent(percent: number): string {
  return `${percent.toFixed(1)}%`;
}

/** CTR as the popup shows it: a percentage with one decimal, or an em dash when there were no impressions. */
export function formatCtr(clicks: number, impressions: number): string {
  if (impressions <= 0) return '—';
  return formatPercent((clicks / impressions) * 100);
}

/** A rate (a fraction) as a percentage with one decimal, or "n/a" where there is none (nothing measured). */
export function formatRate(fraction: number | null): string {
  return fraction === null ? 'n/a' : formatPercent(fraction * 100);
}

/** What went wrong, for a line of text: an Error's message, or whatever was thrown as text. */
export function errorText(error: unknown): string {
  return String((error as Error)?.message ?? error);
}

/** A size in bytes for people: 0 B, 512 B, 1.5 kB, 23.4 MB, 1.2 GB (decimal units, as disks are sold). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${Math.max(0, Math.round(bytes))} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/** Time in view for people: 0 s, 42 s, 3 min 05 s, 2 h 07 min. */
export function formatDuration(ms: number): string {
  const seconds = Math.round(Math.max(0, ms) / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** A short time for people, to a tenth of a second under a minute (an average time in view: 4.2 s). */
export function formatShortDuration(ms: number): string {
  const seconds = Math.max(0, ms) / 1000;
  return seconds < 59.95 ? `${seconds.toFixed(1)} s` : formatDuration(ms);
}
