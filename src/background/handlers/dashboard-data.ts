/**
 * The dashboard's first screen: the chart's daily series and the top sites and advertisers. Everything
 * comes from the aggregates (the `all` rows per day; the all-time rows or the daily rows of a range), never
 * from the raw events, so it stays fast at millions of events.
 */
import { TOP_DIMENSIONS } from '../../common/messages';
import type { ResponseOf, TopDimension, UiMessages } from '../../common/messages';
import { getDb } from '../db/open';
import { readDailySeries, readTotalsBy, topByImpressions } from '../db/totals';
import { dayRange } from './stats';

/** The longest top table a page may ask for. */
export const MAX_TOP = 100;

export async function handleGetDailySeries(payload: { days: unknown }): Promise<ResponseOf<UiMessages, 'getDailySeries'>> {
  return { rows: await readDailySeries(await getDb(), 'all', '', dayRange(payload.days)) };
}

export async function handleGetTopKeys(payload: { dimension: unknown; days: unknown; limit: unknown }): Promise<ResponseOf<UiMessages, 'getTopKeys'>> {
  const dimension = TOP_DIMENSIONS.includes(payload.dimension as TopDimension) ? (payload.dimension as TopDimension) : 'site';
  const limit = typeof payload.limit === 'number' && Number.isInteger(payload.limit) && payload.limit > 0 ? Math.min(payload.limit, MAX_TOP) : 10;
  const sums = await readTotalsBy(await getDb(), dimension, dayRange(payload.days));
  return { rows: topByImpressions(sums, limit), total: sums.size };
}
