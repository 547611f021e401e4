/**
 * The dashboard's placement and time-in-view panels, from the `placement` and `timeInView` rows of the
 * range (the all-time rows when it covers every day, as the top tables read), never the raw events. Those
 * rows are not cut by site or advertiser, so the panels cover every ad of the range (docs/architecture.md,
 * "Placement and time in view do not follow the filter bar").
 */
import { addInto, ZERO_COUNTS } from '../../common/counts';
import type { PayloadOf, ResponseOf, UiMessages } from '../../common/messages';
import { PLACEMENT_PARTS, sumPlacements } from '../../common/placement';
import { getDb } from '../db/open';
import { readTotalsBy, topByImpressions } from '../db/totals';

const EVERY_ROW = Number.MAX_SAFE_INTEGER;

export async function handleGetPlacement({ days }: PayloadOf<UiMessages, 'getPlacement'>): Promise<ResponseOf<UiMessages, 'getPlacement'>> {
  const db = await getDb();
  const [placements, buckets, all] = await Promise.all([readTotalsBy(db, 'placement', days), readTotalsBy(db, 'timeInView', days), readTotalsBy(db, 'all', days)]);
  const sums = sumPlacements([...placements].map(([key, counts]) => ({ key, ...counts })));
  const [fold, size, kind] = PLACEMENT_PARTS.map((part) => topByImpressions(sums[part], EVERY_ROW));
  const totals = { ...ZERO_COUNTS };
  for (const t of all.values()) addInto(totals, t);
  return { fold: fold!, size: size!, kind: kind!, timeInView: topByImpressions(buckets, EVERY_ROW), totals };
}
