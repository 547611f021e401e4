/**
 * The dashboard's one connection to the extension (docs/architecture.md, "The UI is a pure render"): data through messages to the
 * background, the range and filters in the page's address, the watchlist in storage (watchlist-store.ts).
 * Components get everything as props.
 */
import type { CellFilter } from '../common/cells';
import { localDay } from '../common/day';
import type { ResponseOf, TopDimension, UiMessages } from '../common/messages';
import type { WatchEntry } from '../common/watchlist';
import { sendToBackground } from '../ui/send';
import type { DayRange } from '../common/types';
import { filterFromSearch, withFilter } from './filters';
import { DEFAULT_RANGE, isRangeId } from './series';
import type { RangeId } from './series';

export function loadSeries(days: DayRange): Promise<ResponseOf<UiMessages, 'getDailySeries'>> {
  return sendToBackground({ type: 'getDailySeries', days });
}

export function loadTop(dimension: TopDimension, days: DayRange, limit: number): Promise<ResponseOf<UiMessages, 'getTopKeys'>> {
  return sendToBackground({ type: 'getTopKeys', dimension, days, limit });
}

export function loadSlice(days: DayRange, filter: CellFilter, limit: number): Promise<ResponseOf<UiMessages, 'getSlice'>> {
  return sendToBackground({ type: 'getSlice', days, filter, limit });
}

export function loadFrequency(days: DayRange, filter: CellFilter, limit: number): Promise<ResponseOf<UiMessages, 'getFrequency'>> {
  return sendToBackground({ type: 'getFrequency', days, filter, limit });
}

export function loadPlacement(days: DayRange): Promise<ResponseOf<UiMessages, 'getPlacement'>> {
  return sendToBackground({ type: 'getPlacement', days });
}

export function loadWatchStats(days: DayRange, entries: WatchEntry[]): Promise<ResponseOf<UiMessages, 'getWatchStats'>> {
  return sendToBackground({ type: 'getWatchStats', days, entries });
}

export function loadGallery(days: DayRange, filter: CellFilter, watch: WatchEntry[] | null, offset: number, limit: number): Promise<ResponseOf<UiMessages, 'getGallery'>> {
  return sendToBackground({ type: 'getGallery', days, filter, watch, offset, limit });
}

export function today(): string {
  return localDay(Date.now());
}

/** The range in the address (`?range=7d|30d|1y|all`), so a view can be bookmarked and reloaded. */
export function initialRange(): RangeId {
  const value = new URLSearchParams(location.search).get('range');
  return isRangeId(value) ? value : DEFAULT_RANGE;
}

export function initialFilter(): CellFilter {
  return filterFromSearch(location.search);
}

export function rememberView(range: RangeId, filter: CellFilter): void {
  const url = new URL(withFilter(location.href, filter));
  url.searchParams.set('range', range);
  history.replaceState(null, '', url);
}
