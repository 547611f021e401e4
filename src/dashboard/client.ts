/**
 * The dashboard's one connection to the extension (convention 11): data through messages to the
 * background, the range in the page's address. Components get everything as props.
 */
import { localDay } from '../common/day';
import type { ResponseOf, TopDimension, UiMessages } from '../common/messages';
import { sendToBackground } from '../ui/send';
import type { DayRange } from '../common/types';
import { DEFAULT_RANGE, isRangeId } from './series';
import type { RangeId } from './series';


export function loadSeries(days: DayRange): Promise<ResponseOf<UiMessages, 'getDailySeries'>> {
  return sendToBackground({ type: 'getDailySeries', days });
}

export function loadTop(dimension: TopDimension, days: DayRange, limit: number): Promise<ResponseOf<UiMessages, 'getTopKeys'>> {
  return sendToBackground({ type: 'getTopKeys', dimension, days, limit });
}

export function today(): string {
  return localDay(Date.now());
}

/** The range in the address (`?range=7d|30d|1y|all`), so a view can be bookmarked and reloaded. */
export function initialRange(): RangeId {
  const value = new URLSearchParams(location.search).get('range');
  return isRangeId(value) ? value : DEFAULT_RANGE;
}

export function rememberRange(range: RangeId): void {
  const url = new URL(location.href);
  url.searchParams.set('range', range);
  history.replaceState(null, '', url);
}
