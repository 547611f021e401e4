/**
 * Imports an NDJSON export: the file is read as a stream, split into numbered lines, and sent to the
 * background in batches, which validates and stores them (already stored events stay as they are).
 */
import { NdjsonReader } from '../common/data-files/ndjson';
import type { LineError, ParsedLine } from '../common/data-files/ndjson';
import { send } from './client';
import type { ImportProgress } from './import-estimate';

/**
 * Lines per message. 20,000 shared more aggregate rows among a batch's events (8 % fewer writes) and still
 * imported more slowly than 5,000 in each of three runs side by side: the first batch waits for 20,000
 * lines to be read and parsed, and the backend's time per write grew (docs/performance.md, "Imports: where
 * the time goes").
 */
const BATCH = 5000;
/** Enough to find and fix the problem; the total count is always given. */
export const MAX_ERRORS_SHOWN = 100;

export interface ImportReport {
  lines: number;
  added: number;
  alreadyStored: number;
  errorCount: number;
  /** The first MAX_ERRORS_SHOWN problems, by line. */
  errors: LineError[];
  /** From choosing the file to the last answer. */
  elapsedMs: number;
}

/** `now` is the clock progress is timed by (performance.now in the page). */
export async function importFile(file: Blob, onProgress: (progress: ImportProgress) => void, now = () => performance.now()): Promise<ImportReport> {
  const started = now();
  const report: ImportReport = { lines: 0, added: 0, alreadyStored: 0, errorCount: 0, errors: [], elapsedMs: 0 };
  let read = 0;
  // Lines answered for: stored, already stored, rejected by the background, or not JSON.
  let linesDone = 0;
  const progress = () => onProgress({ readBytes: read, totalBytes: file.size, linesRead: report.lines, linesDone, elapsedMs: now() - started });
  const noteErrors = (errors: LineError[]) => {
    report.errorCount += errors.length;
    report.errors.push(...errors.slice(0, MAX_ERRORS_SHOWN - report.errors.length));
  };
  let batch: ParsedLine[] = [];
  // One batch is being stored while the next is read and parsed: at most two are in flight.
  let inFlight: Promise<void> = Promise.resolve();
  const flush = async () => {
    if (batch.length === 0) return;
    const lines = batch;
    batch = [];
    const previous = inFlight;
    inFlight = send({ type: 'importEvents', lines }).then((result) => {
      report.added += result.added;
      report.alreadyStored += result.alreadyStored;
      noteErrors(result.errors);
      linesDone += lines.length;
      progress();
    });
    inFlight.catch(() => {}); // awaited below or by the next flush; not an unhandled rejection meanwhile
    await previous;
  };
  const take = async ({ lines, errors }: { lines: ParsedLine[]; errors: LineError[] }) => {
    report.lines += lines.length + errors.length;
    linesDone += errors.length;
    noteErrors(errors);
    for (const line of lines) {
      batch.push(line);
      if (batch.length >= BATCH) await flush();
    }
  };
  const reader = new NdjsonReader();
  const decoder = new TextDecoder();
  const stream = file.stream().getReader();
  for (;;) {
    const { done, value } = await stream.read();
    if (done) break;
    read += value.byteLength;
    await take(reader.push(decoder.decode(value, { stream: true })));
    progress();
  }
  await take(reader.push(decoder.decode()));
  await take(reader.end());
  await flush();
  await inFlight;
  report.errors.sort((a, b) => a.line - b.line);
  report.elapsedMs = now() - started;
  progress();
  return report;
}
