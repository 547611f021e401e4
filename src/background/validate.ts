/**
 * Validation of what content scripts send (convention 2: distrust senders). A content script runs inside
 * pages AdTally does not control, so every field is checked before anything is stored.
 */
import { AD_KINDS } from '../common/types';
import type { AdEvent } from '../common/types';

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
const isSize = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 100_000;

export function isValidEvent(value: unknown, now: number): value is AdEvent {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Record<string, unknown>;
  return (
    isId(e.id) &&
    typeof e.type === 'string' &&
    EVENT_TYPES.has(e.type) &&
    typeof e.time === 'number' &&
    Number.isFinite(e.time) &&
    e.time >= EARLIEST &&
    e.time <= now + MAX_FUTURE_MS &&
    isId(e.pageViewId) &&
    isId(e.adId) &&
    isText(e.rule, 1000) &&
    typeof e.kind === 'string' &&
    KINDS.has(e.kind) &&
    (e.network === null || isText(e.network, 100)) &&
    isSize(e.width) &&
    isSize(e.height) &&
    typeof e.inFrame === 'boolean' &&
    typeof e.inferred === 'boolean' &&
    typeof e.focused === 'boolean' &&
    typeof e.dwellMs === 'number' &&
    Number.isFinite(e.dwellMs) &&
    e.dwellMs >= 0 &&
    e.dwellMs <= MAX_DWELL_MS &&
    isText(e.fingerprint, 64) &&
    (e.landingUrl === null || (isText(e.landingUrl, 4096) && /^https?:\/\//.test(e.landingUrl)))
  );
}

/** Keeps only the fields AdTally defines, so a hostile page cannot smuggle extra data into the database. */
export function pickEventFields(e: AdEvent): AdEvent {
  const { id, type, time, pageViewId, adId, rule, kind, network, width, height, inFrame, inferred, focused, dwellMs } = e;
  const { fingerprint, landingUrl } = e;
  return { id, type, time, pageViewId, adId, rule, kind, network, width, height, inFrame, inferred, focused, dwellMs, fingerprint, landingUrl };
}
