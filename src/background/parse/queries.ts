/**
 * The popup's and the dashboard's questions. None is ever refused: a missing or malformed field reads as its
 * default (an open range, no filter, the top 10 sites), so a page always gets an answer.
 */
import { cellFilterFrom } from '../../common/cells';
import { dayRange } from '../../common/day';
import { TOP_DIMENSIONS } from '../../common/messages';
import type { PayloadOf, TopDimension, UiMessages } from '../../common/messages';
import { watchlistFrom } from '../../common/watchlist';
import { accept, wholeNumberOf } from './parsed';
import type { Parsed, Unchecked } from './parsed';

/**
 * The longest top table a page may ask for: the dashboard's "Show all" (its ALL_ROWS, the same number).
 * High enough that "all" is all for any real history (a million events in the storage bench fall on about
 * 500 sites), low enough that one answer stays about 1 MB: past it a table is not read but exported.
 */
export const MAX_TOP = 10_000;
const DEFAULT_TOP = 10;

type Payload<K extends keyof UiMessages> = Parsed<PayloadOf<UiMessages, K>>;

/** A whole number of rows from 1 up; more than MAX_TOP is cut to it, anything else reads as 10. */
function limitOf(value: unknown): number {
  return wholeNumberOf(value, 1, DEFAULT_TOP, MAX_TOP);
}

export function parseGetStats(message: Unchecked): Payload<'getStats'> {
  return accept({ tabId: typeof message.tabId === 'number' ? message.tabId : null, days: dayRange(message.days) });
}

export function parseGetTabSite(message: Unchecked): Payload<'getTabSite'> {
  return accept({ tabId: typeof message.tabId === 'number' ? message.tabId : null });
}

export function parseGetDailySeries(message: Unchecked): Payload<'getDailySeries'> {
  return accept({ days: dayRange(message.days) });
}

export function parseGetTopKeys(message: Unchecked): Payload<'getTopKeys'> {
  const dimension = TOP_DIMENSIONS.includes(message.dimension as TopDimension) ? (message.dimension as TopDimension) : 'site';
  return accept({ dimension, days: dayRange(message.days), limit: limitOf(message.limit) });
}

export function parseGetPlacement(message: Unchecked): Payload<'getPlacement'> {
  return accept({ days: dayRange(message.days) });
}

/** getSlice and getFrequency ask the same: a range, a filter and a table length. */
export function parseFilteredQuery(message: Unchecked): Payload<'getSlice' | 'getFrequency'> {
  return accept({ days: dayRange(message.days), filter: cellFilterFrom(message.filter), limit: limitOf(message.limit) });
}

/** Malformed watchlist entries are left out, and only the first MAX_WATCH_ENTRIES are read (watchlistFrom). */
export function parseGetWatchStats(message: Unchecked): Payload<'getWatchStats'> {
  return accept({ days: dayRange(message.days), entries: watchlistFrom(message.entries) });
}

/** For the messages that carry nothing. */
export function parseNothing(): Parsed<object> {
  return accept({});
}
