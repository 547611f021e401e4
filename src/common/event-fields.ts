/**
 * Every field of a stored event, in the order of an export file (CSV columns, NDJSON keys), with what its
 * value must be. The export's columns, the background's validation and the storage bench's generated file
 * all read this one table; docs/data-format.md documents each field.
 */
import { AD_FOLDS, AD_KINDS, MEASURED_REACHES } from './types';
import type { AdEvent, StoredEvent } from './types';

/** Whether a field's value is acceptable; `now` bounds times. */
export type FieldCheck = (value: unknown, now: number) => boolean;

export interface EventField {
  /**
   * What the value must be. A field with `fromPage` is sent by a content script and checked when it
   * arrives; the others are derived by the background, so only an imported line carries them.
   */
  readonly check: FieldCheck;
  readonly fromPage: boolean;
  /** What the value must be in an imported line, where that differs from `check`. */
  readonly imported?: FieldCheck;
  /**
   * A field added after files were first exported: an imported line without it reads as this value, so
   * every older export still imports. (A content script always sends it.)
   */
  readonly importedWhenAbsent?: unknown;
}

/**
 * The longest rule, landing URL and page address an event keeps (docs/data-format.md). Longer ones are cut
 * by the background before validation, never refused: real EasyList rules exceed 1,000 characters, and
 * their ads' events were being dropped.
 */
export const FIELD_LIMITS = { rule: 1000, landingUrl: 4096, pageUrl: 65_536 } as const;

const EVENT_TYPES = new Set(['impression', 'viewable', 'click', 'dwell', 'measured']);
const KINDS = new Set<string>(AD_KINDS);
// Events are queued in the page at most a few minutes; allow clock skew between page and worker.
const MAX_FUTURE_MS = 5 * 60_000;
const EARLIEST = Date.UTC(2024, 0, 1);
// A page view longer than a day is not a measurement any standard would report.
const MAX_DWELL_MS = 24 * 3600_000;

const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 64;
const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isSize = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 100_000;
const isFlag = (v: unknown): boolean => typeof v === 'boolean';
const isHttpUrl = (v: unknown): boolean => isText(v, FIELD_LIMITS.landingUrl) && /^https?:\/\//.test(v);
const isNullOr = (check: (v: unknown) => boolean) => (v: unknown) => v === null || check(v);

const fromPage = (check: FieldCheck) => ({ check, fromPage: true as const });
const fromBackground = (check: FieldCheck) => ({ check, fromPage: false as const });

export const EVENT_FIELDS = {
  id: fromPage(isId),
  type: fromPage((v) => typeof v === 'string' && EVENT_TYPES.has(v)),
  time: fromPage((v, now) => typeof v === 'number' && Number.isFinite(v) && v >= EARLIEST && v <= now + MAX_FUTURE_MS),
  day: fromBackground((v) => typeof v === 'string' && /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(v)),
  site: fromBackground((v) => isText(v, 253) && /^[a-z0-9.:[\]_-]+$/.test(v)),
  pageUrl: {
    // Any string from a page: an address AdTally cannot use is replaced by the tab's (see page-address.ts), never a lost event.
    check: (v) => isText(v, FIELD_LIMITS.pageUrl),
    fromPage: true as const,
    // Stored as far as the user allows: null for "site only".
    imported: isNullOr(isHttpUrl),
  },
  pageViewId: fromPage(isId),
  adId: fromPage(isId),
  rule: fromPage((v) => isText(v, FIELD_LIMITS.rule)),
  kind: fromPage((v) => typeof v === 'string' && KINDS.has(v)),
  network: fromPage(isNullOr((v) => isText(v, 100))),
  width: fromPage(isSize),
  height: fromPage(isSize),
  inFrame: fromPage(isFlag),
  inferred: fromPage(isFlag),
  focused: fromPage(isFlag),
  dwellMs: fromPage((v) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= MAX_DWELL_MS),
  fingerprint: fromPage((v) => isText(v, 64)),
  landingUrl: fromPage(isNullOr(isHttpUrl)),
  advertiser: fromBackground(isNullOr((v) => isText(v, 253) && v.length > 0)),
  // Last, so older files' columns keep their places. Files exported before measured ads were counted have
  // no `reached`: none of their events is a measured one.
  reached: { ...fromPage(isNullOr((v) => (MEASURED_REACHES as readonly unknown[]).includes(v))), importedWhenAbsent: null },
  // After `reached` for the same reason; files exported before version 7 have no `fold`: unknown.
  fold: { ...fromPage(isNullOr((v) => (AD_FOLDS as readonly unknown[]).includes(v))), importedWhenAbsent: null },
} as const satisfies Record<keyof StoredEvent, EventField>;

export type EventFieldName = keyof typeof EVENT_FIELDS;

/** The field names in file order. */
export const EVENT_FIELD_NAMES = Object.keys(EVENT_FIELDS) as EventFieldName[];

/** The fields a content script sends. */
type PageFieldName = { [K in EventFieldName]: (typeof EVENT_FIELDS)[K]['fromPage'] extends true ? K : never }[EventFieldName];
// The compiler holds the table to the AdEvent type: a page field missing or extra here fails the typecheck.
const pageFieldsAreAdEvent: [PageFieldName] extends [keyof AdEvent] ? ([keyof AdEvent] extends [PageFieldName] ? true : never) : never = true;
void pageFieldsAreAdEvent;

/** The fields a content script sends, each with its check, in file order. */
export const PAGE_EVENT_CHECKS = Object.fromEntries(
  EVENT_FIELD_NAMES.filter((name) => EVENT_FIELDS[name].fromPage).map((name) => [name, EVENT_FIELDS[name].check]),
) as Record<PageFieldName, FieldCheck>;

/** Every field with its check for an imported line: a file must carry all of them. */
export const IMPORTED_EVENT_CHECKS = Object.fromEntries(
  EVENT_FIELD_NAMES.map((name) => {
    const field: EventField = EVENT_FIELDS[name];
    return [name, field.imported ?? field.check];
  }),
) as Record<keyof StoredEvent, FieldCheck>;

/** What an imported line that lacks a field reads as, for the fields added after the first exports. */
export const IMPORTED_WHEN_ABSENT: Partial<Record<keyof StoredEvent, unknown>> = Object.fromEntries(
  EVENT_FIELD_NAMES.flatMap((name) => {
    const field: EventField = EVENT_FIELDS[name];
    return 'importedWhenAbsent' in field ? [[name, field.importedWhenAbsent]] : [];
  }),
);
