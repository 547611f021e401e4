/**
 * How far an import has got and how long it has left, from what the reader and the background have reported.
 * Pure, so the estimate's rules are tested apart from the page: the file's event count is unknown until its
 * last byte is read, so until then it is extrapolated from the lines per byte read so far.
 */
import { formatCount, formatDuration } from '../common/format';

export interface ImportProgress {
  /** Bytes of the file read so far, and its size. */
  readBytes: number;
  totalBytes: number;
  /** Lines read so far (blank lines aside): events to store and lines that could not be. */
  linesRead: number;
  /** Lines the background has answered for (stored, already stored or rejected), plus lines that were not JSON. */
  linesDone: number;
  /** Milliseconds since the file was chosen. */
  elapsedMs: number;
}

export interface ImportEstimate {
  done: number;
  /** The file's lines: exact once it is read to the end, else extrapolated from the bytes read. */
  total: number;
  exact: boolean;
  /** Lines answered per second since the start; null before the first answer. */
  perSecond: number | null;
  /** Time left at that rate; null while there is no rate. */
  msLeft: number | null;
}

export function estimateImport({ readBytes, totalBytes, linesRead, linesDone, elapsedMs }: ImportProgress): ImportEstimate {
  const exact = readBytes >= totalBytes;
  const total = exact || readBytes === 0 ? linesRead : Math.max(linesRead, Math.round((linesRead / readBytes) * totalBytes));
  const perSecond = linesDone > 0 && elapsedMs > 0 ? (linesDone / elapsedMs) * 1000 : null;
  const msLeft = perSecond ? (Math.max(0, total - linesDone) / perSecond) * 1000 : null;
  return { done: linesDone, total, exact, perSecond, msLeft };
}

/** "240,000 of about 1,000,000 events · 2,400 events/s · about 5 min 30 s left". */
export function importProgressText(e: ImportEstimate): string {
  const parts = [`${formatCount(e.done)} of ${e.exact ? '' : 'about '}${formatCount(e.total)} events`];
  if (e.perSecond !== null) parts.push(`${formatCount(Math.round(e.perSecond))} events/s`);
  if (e.msLeft !== null) parts.push(`about ${formatDuration(e.msLeft)} left`);
  return parts.join(' · ');
}
