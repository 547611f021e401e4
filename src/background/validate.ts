/**
 * Validation of what comes from outside the background (docs/architecture.md, "Distrust senders"): events from
 * content scripts, which run inside pages AdTally does not control, and lines of an imported file. Every
 * field is checked before anything is stored, and a rejection names the field.
 */
import { AD_KINDS } from '../common/types';
import type { AdEvent, StoredEvent } from '../common/types';

const EVENT_TYPES = new Set(['impression', 'viewable', 'click', 'dwell']);
const KINDS = new Set<string>(AD_KINDS);
export const MAX_BATCH = 500;
// Events are queued in the page at most a few minutes; allow clock skew between page and worker.
const MAX_FUTURE_MS = 5 * 60_000;
const EARLIEST = Date.UTC(2024, 0, 1);
// A page view longer than a day is not a measurement any standard would report.
const MAX_DWELL_MS = 24 * 3600_000;

const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 64;
const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isSize = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 100_000;
const isHttpUrl = (v: unknown): boolean => isText(v, FIELD_LIMITS.landingUrl) && /^https?:\/\//.test(v);
const isNullOr = (check: (v: unknown) => boolean) => (v: unknown) => v === null || check(v);

/**
 * The longest rule, landing URL and page address an event keeps (docs/data-format.md). Longer ones are cut
 * by `shortenOverlong` before validation, never refused: real EasyList rules exceed 1,000 characters, and
 * their ads' events were being dropped.
 */
export const FIELD_LIMITS = { rule: 1000, landingUrl: 4096, pageUrl: 65_536 } as const;
/** What a cut value ends with: this mark, then the first HASH_CHARS hex digits of the whole value's SHA-256. */
export const CUT_MARK = '…#';
const HASH_CHARS = 16;

type Check = (value: unknown, now: number) => boolean;

/** Every field of an AdEvent and what it must be; the order is the order problems are reported in. */
const EVENT_FIELDS: Record<keyof AdEvent, Check> = {
  id: isId,
  type: (v) => typeof v === 'string' && EVENT_TYPES.has(v),
  time: (v, now) => typeof v === 'number' && Number.isFinite(v) && v >= EARLIEST && v <= now + MAX_FUTURE_MS,
  pageViewId: isId,
  adId: isId,
  rule: (v) => isText(v, FIELD_LIMITS.rule),
  kind: (v) => typeof v === 'string' && KINDS.has(v),
  network: isNullOr((v) => isText(v, 100)),
  width: isSize,
  height: isSize,
  inFrame: (v) => typeof v === 'boolean',
  inferred: (v) => typeof v === 'boolean',
  focused: (v) => typeof v === 'boolean',
  dwellMs: (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= MAX_DWELL_MS,
  fingerprint: (v) => isText(v, 64),
  landingUrl: isNullOr(isHttpUrl),
  // Any string: an address AdTally cannot use is replaced by the tab's (see page-address.ts), never a lost event.
  pageUrl: (v) => isText(v, FIELD_LIMITS.pageUrl),
};

/** The fields of an event as stored and exported: an import file must carry all of them. */
const STORED_FIELDS: Record<keyof StoredEvent, Check> = {
  ...(({ pageUrl: _, ...rest }) => rest)(EVENT_FIELDS),
  site: (v) => isText(v, 253) && /^[a-z0-9.:[\]_-]+$/.test(v),
  day: (v) => typeof v === 'string' && /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(v),
  advertiser: isNullOr((v) => isText(v, 253) && v.length > 0),
  pageUrl: isNullOr(isHttpUrl),
};

function problemWith(fields: Record<string, Check>, value: unknown, now: number): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const e = value as Record<string, unknown>;
  for (const [field, check] of Object.entries(fields)) {
    if (!(field in e)) return `"${field}" is missing`;
    if (!check(e[field], now)) return `"${field}" is not valid`;
  }
  return null;
}

export function isValidEvent(value: unknown, now: number): value is AdEvent {
  return problemWith(EVENT_FIELDS, value, now) === null;
}

/**
 * Why an imported line cannot be stored, or null when it can. Times may be far in the past (an old export)
 * but not more than a day in the future of this machine's clock.
 */
export function storedEventProblem(value: unknown, now: number): string | null {
  return problemWith(STORED_FIELDS, value, now + 24 * 3600_000);
}

/**
 * An event from a content script with its over-long rule, landing URL or page address cut to
 * FIELD_LIMITS: the first characters, CUT_MARK and a hash of the whole value, so two long values stay
 * apart and a person can still read what the value was. The event is kept; the first cut of each field
 * in a worker's life is logged. Anything else is returned as it is, for validation to judge.
 */
export async function shortenOverlong(value: unknown): Promise<unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const event = value as Record<string, unknown>;
  let copy: Record<string, unknown> | null = null;
  for (const [field, max] of Object.entries(FIELD_LIMITS)) {
    const text = event[field];
    if (typeof text !== 'string' || text.length <= max) continue;
    copy ??= { ...event };
    copy[field] = await cutText(text, max);
    if (!warned.has(field)) {
      warned.add(field);
      console.warn(`AdTally: an event's ${field} had ${text.length} characters, over the ${max} kept; stored its start and a hash of the whole (further cuts of ${field} are not logged)`);
    }
  }
  return copy ?? value;
}
const warned = new Set<string>();

/** `text` in at most `max` characters: its start, CUT_MARK and the start of its SHA-256 in hex. */
export async function cutText(text: string, max: number): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  const hash = [...digest].map((b) => b.toString(16).padStart(2, '0')).join('').slice(0, HASH_CHARS);
  let keep = max - CUT_MARK.length - HASH_CHARS;
  // Never half a surrogate pair (an emoji) at the cut.
  if (/[\uD800-\uDBFF]/.test(text.charAt(keep - 1))) keep--;
  return `${text.slice(0, keep)}${CUT_MARK}${hash}`;
}

/** Keeps only the fields AdTally defines, so a hostile page cannot smuggle extra data into the database. */
export function pickEventFields(e: AdEvent): AdEvent {
  return pick(e, EVENT_FIELDS) as unknown as AdEvent;
}

/** The same for an imported event. */
export function pickStoredFields(e: StoredEvent): StoredEvent {
  return pick(e, STORED_FIELDS) as unknown as StoredEvent;
}

function pick(e: object, fields: object): Record<string, unknown> {
  const source = e as Record<string, unknown>;
  return Object.fromEntries(Object.keys(fields).map((key) => [key, source[key]]));
}
