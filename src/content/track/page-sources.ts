/** The page's side of the ad ledger: what an event reads from the DOM at the moment it is recorded. */
import { randomId } from '../../common/ids';
import { attributeAd } from '../attribution/attribute';
import type { LedgerSources } from './ad-ledger';

export const pageSources: LedgerSources = {
  attribute: attributeAd,
  boxOf: (element) => element.getBoundingClientRect(),
  focused: () => document.hasFocus(),
  pageUrl: () => location.href,
  now: () => Date.now(),
  newId: randomId,
};
