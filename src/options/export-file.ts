/**
 * Exports raw events a page at a time, so a year of data never sits in one message or one transaction;
 * each page becomes a Blob (which Chromium keeps out of the JavaScript heap, on disk when large) and the
 * file is saved through a download link.
 */
import { csvHeader, csvRows } from '../common/data-files/csv';
import { ndjsonLines } from '../common/data-files/ndjson';
import type { EventPosition, ResponseOf, UiMessages } from '../common/messages';
import { loadUserRulesText, send } from './client';
import { loadWatchlist } from '../ui/watchlist-store';

export type ExportFormat = 'csv' | 'ndjson' | 'aggregates' | 'pictures';

const PAGE = 5000;

export async function buildExport(format: ExportFormat, onProgress: (done: number, total: number) => void): Promise<Blob> {
  if (format === 'aggregates') {
    const [aggregates, userRules, watchlist] = await Promise.all([send({ type: 'exportAggregates' }), loadUserRulesText(), loadWatchlist()]);
    onProgress(1, 1);
    // The user's rules travel with the counts they shaped, so a study can see what each participant corrected;
    // the watchlist says which advertisers "My ads" meant.
    const file = { format: 'adtally-aggregates', version: 1, exported: new Date().toISOString(), ...aggregates, userRules, watchlist };
    return new Blob([JSON.stringify(file, null, 1)], { type: 'application/json' });
  }
  if (format === 'pictures') return buildPicturesExport(onProgress);
  const parts: Blob[] = format === 'csv' ? [new Blob([csvHeader()])] : [];
  let after: EventPosition | null = null;
  let done = 0;
  for (;;) {
    const page: ResponseOf<UiMessages, 'exportEvents'> = await send({ type: 'exportEvents', after, limit: PAGE });
    done += page.events.length;
    parts.push(new Blob([format === 'csv' ? csvRows(page.events) : ndjsonLines(page.events)]));
    onProgress(done, Math.max(page.total, done));
    if (!page.next) break;
    after = page.next;
  }
  return new Blob(parts, { type: format === 'csv' ? 'text/csv' : 'application/x-ndjson' });
}

/** Only "Ad pictures" exports pictures: one NDJSON line per picture, its image a data: URL (docs/data-format.md). */
async function buildPicturesExport(onProgress: (done: number, total: number) => void): Promise<Blob> {
  const parts: Blob[] = [];
  let after: string | null = null;
  let done = 0;
  for (;;) {
    const page: ResponseOf<UiMessages, 'exportPictures'> = await send({ type: 'exportPictures', after, limit: PICTURES_PAGE });
    done += page.pictures.length;
    parts.push(new Blob(page.pictures.map((picture) => `${JSON.stringify(picture)}\n`)));
    onProgress(done, Math.max(page.total, done));
    if (!page.next) break;
    after = page.next;
  }
  return new Blob(parts, { type: 'application/x-ndjson' });
}

/** Pictures per message: about 20 kB each as data: URLs, so a page is about 1 MB. */
const PICTURES_PAGE = 50;

export function exportFileName(format: ExportFormat, now = new Date()): string {
  const stamp = now.toISOString().slice(0, 10);
  if (format === 'pictures') return `adtally-pictures-${stamp}.ndjson`;
  return format === 'aggregates' ? `adtally-aggregates-${stamp}.json` : `adtally-events-${stamp}.${format === 'csv' ? 'csv' : 'ndjson'}`;
}

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The download has its own reference; the URL can go once the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
