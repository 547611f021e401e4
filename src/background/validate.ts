/**
 * Validation of what comes from outside the background (docs/architecture.md, "Distrust senders"): events from
 * content scripts, which run inside pages AdTally does not control, and lines of an imported file. Every
 * field is checked before anything is stored, and a rejection names the field.
 */
import { FIELD_LIMITS, IMPORTED_EVENT_CHECKS, IMPORTED_WHEN_ABSENT, PAGE_EVENT_CHECKS } from '../common/event-fields';
import type { FieldCheck } from '../common/event-fields';
import type { AdEvent, StoredEvent } from '../common/types';

export { FIELD_LIMITS };
export const MAX_BATCH = 500;
/** What a cut value ends with: this mark, then the first HASH_CHARS hex digits of the whole value's SHA-256. */
export const CUT_MARK = '…#';
const HASH_CHARS = 16;

/** The first problem, in file order: a field missing or not what common/event-fields.ts says. */
function problemWith(fields: Record<string, FieldCheck>, value: unknown, now: number, whenAbsent: Record<string, unknown> = {}): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const e = value as Record<string, unknown>;
  for (const [field, check] of Object.entries(fields)) {
    if (!(field in e)) {
      if (field in whenAbsent) continue;
      return `"${field}" is missing`;
    }
    if (!check(e[field], now)) return `"${field}" is not valid`;
  }
  return null;
}

export function isValidEvent(value: unknown, now: number): value is AdEvent {
  return problemWith(PAGE_EVENT_CHECKS, value, now) === null;
}

/**
 * Why an imported line cannot be stored, or null when it can. Times may be far in the past (an old export)
 * but not more than a day in the future of this machine's clock.
 */
export function storedEventProblem(value: unknown, now: number): string | null {
  return problemWith(IMPORTED_EVENT_CHECKS, value, now + 24 * 3600_000, IMPORTED_WHEN_ABSENT);
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
  return pick(e, PAGE_EVENT_CHECKS) as unknown as AdEvent;
}

/** The same for an imported event. */
export function pickStoredFields(e: StoredEvent): StoredEvent {
  return { ...IMPORTED_WHEN_ABSENT, ...pick(e, IMPORTED_EVENT_CHECKS, true) } as unknown as StoredEvent;
}

/** The listed fields of `e`; with `presentOnly`, only those it has (the absent ones then take their defaults). */
function pick(e: object, fields: object, presentOnly = false): Record<string, unknown> {
  const source = e as Record<string, unknown>;
  return Object.fromEntries(Object.keys(fields).filter((key) => !presentOnly || key in source).map((key) => [key, source[key]]));
}
