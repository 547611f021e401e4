/**
 * "My ads": the advertisers a marketer watches, and which ads each entry matches. Pure, so the dashboard's
 * editor, the background's counts and the tests agree on one meaning (docs/dashboard.md).
 *
 * Three kinds of entry:
 * - `domain`: an advertiser domain, as AdTally files advertisers: the registrable domain of the ad's landing
 *   page (`https://shop.acme.co.uk/x` is typed, `acme.co.uk` is watched and matched exactly);
 * - `name`: a word found in the advertiser's domain, case-insensitive (`acme` matches acme.com and
 *   acme-store.de): for a brand that advertises under several domains;
 * - `url`: a landing-URL pattern where `*` stands for any characters and the pattern covers the whole URL,
 *   case-insensitive (`https://acme.com/winter-sale*`, `*utm_campaign=winter*`): for one campaign.
 */
import { cellKeyParser, sumCells } from './cells';
import type { CellRow, Slice } from './cells';
import { siteFromInput } from './site';

export type WatchKind = 'domain' | 'name' | 'url';
export const WATCH_KINDS: readonly WatchKind[] = ['domain', 'name', 'url'];

export interface WatchEntry {
  kind: WatchKind;
  /** The normalised value: a registrable domain, a lower-case word, or a pattern as typed. */
  value: string;
}

export const MAX_WATCH_ENTRIES = 200;
const MAX_VALUE = 2000;

/** An entry from what a person typed, or why it cannot be one (a sentence for the editor). */
export function parseWatchEntry(kind: WatchKind, text: string): { ok: true; entry: WatchEntry } | { ok: false; error: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: 'Type a domain, a name or a landing-URL pattern.' };
  if (trimmed.length > MAX_VALUE) return { ok: false, error: `At most ${MAX_VALUE} characters.` };
  if (kind === 'domain') {
    const domain = siteFromInput(trimmed);
    return domain ? { ok: true, entry: { kind, value: domain } } : { ok: false, error: `"${trimmed}" is not a domain (e.g. acme.com).` };
  }
  if (kind === 'name') {
    if (/\s/.test(trimmed)) return { ok: false, error: 'A name is one word, as it appears in the advertiser\'s domain (e.g. acme).' };
    return { ok: true, entry: { kind, value: trimmed.toLowerCase() } };
  }
  if (!trimmed.replace(/\*/g, '')) return { ok: false, error: 'A pattern needs more than "*".' };
  if (/\s/.test(trimmed)) return { ok: false, error: 'A landing URL has no spaces.' };
  return { ok: true, entry: { kind, value: trimmed } };
}

/**
 * A watchlist from storage or a message, keeping only well-formed entries (neither is trusted to be what was
 * written): stored/watchlist.ts reads the stored one with it.
 */
export function watchlistFrom(stored: unknown): WatchEntry[] {
  if (!Array.isArray(stored)) return [];
  const entries: WatchEntry[] = [];
  for (const item of stored.slice(0, MAX_WATCH_ENTRIES)) {
    const { kind, value } = (item ?? {}) as Record<string, unknown>;
    if (!WATCH_KINDS.includes(kind as WatchKind) || typeof value !== 'string') continue;
    const parsed = parseWatchEntry(kind as WatchKind, value);
    if (parsed.ok && parsed.entry.value === value && !entries.some((e) => sameEntry(e, parsed.entry))) entries.push(parsed.entry);
  }
  return entries;
}

export function sameEntry(a: WatchEntry, b: WatchEntry): boolean {
  return a.kind === b.kind && a.value === b.value;
}

/** What an ad is matched on: its advertiser ('' when unknown) and landing URL (null when unknown). */
export interface WatchedAd {
  advertiser: string;
  landingUrl: string | null;
}

/** A test of one entry against an ad; a `url` entry needs the landing URL, which only raw events have. */
export function watchMatcher(entry: WatchEntry): (ad: WatchedAd) => boolean {
  if (entry.kind === 'domain') return (ad) => ad.advertiser === entry.value;
  if (entry.kind === 'name') return (ad) => ad.advertiser !== '' && ad.advertiser.includes(entry.value);
  const pattern = globToRegExp(entry.value);
  return (ad) => ad.landingUrl !== null && pattern.test(ad.landingUrl);
}

/** Whether any entry needs landing URLs (then counts come from raw events, not from the cells). */
export function needsLandingUrls(entries: WatchEntry[]): boolean {
  return entries.some((e) => e.kind === 'url');
}

/** `*` is any run of characters; everything else is literal; the whole URL must match. */
export function globToRegExp(pattern: string): RegExp {
  const body = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`, 'is');
}

/** How an entry reads in a table: what kind it is and its value. */
export function describeEntry(entry: WatchEntry): string {
  if (entry.kind === 'domain') return entry.value;
  if (entry.kind === 'name') return `name: ${entry.value}`;
  return `URL: ${entry.value}`;
}

/** One row of counts with the ad it counts: a cell row (no landing URL) or a raw event (with it). */
export interface WatchedRow {
  row: CellRow;
  ad: WatchedAd;
}

/**
 * The slice of each entry and of the whole watchlist. `combined` counts an ad matched by several entries
 * once, so "all my ads" is never more than what was seen.
 */
export function watchSlices(items: Iterable<WatchedRow>, entries: WatchEntry[], parse = cellKeyParser()): { perEntry: Slice[]; combined: Slice } {
  const matchers = entries.map(watchMatcher);
  const perEntry: CellRow[][] = entries.map(() => []);
  const combined: CellRow[] = [];
  for (const { row, ad } of items) {
    let any = false;
    matchers.forEach((matches, i) => {
      if (!matches(ad)) return;
      perEntry[i]!.push(row);
      any = true;
    });
    if (any) combined.push(row);
  }
  const all = () => true;
  return { perEntry: perEntry.map((rows) => sumCells(rows, all, parse)), combined: sumCells(combined, all, parse) };
}
