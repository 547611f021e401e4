import type { ContentMessages, PayloadOf } from '../../common/messages';
import { accept, refuse } from './parsed';
import type { Parsed, Unchecked } from './parsed';

/** More than a page view ever counts (content/scan-limits.ts, MAX_ADS): no badge can need more digits. */
export const MAX_PAGE_ADS = 1000;

/** A count of ads: a whole number from 0 to 1,000; anything else is refused (the badge stays as it was). */
export function parsePageAds(message: Unchecked): Parsed<PayloadOf<ContentMessages, 'pageAds'>> {
  const { count } = message;
  return typeof count === 'number' && Number.isInteger(count) && count >= 0 && count <= MAX_PAGE_ADS ? accept({ count }) : refuse('not a count of ads');
}
