/** The page's side of the ad ledger: what an event reads from the DOM at the moment it is recorded. */
import { randomId } from '../../common/ids';
import { attributeAd } from '../attribution/attribute';
import type { LedgerSources } from './ad-ledger';
import { foldAt, viewportBottom } from './fold';
import { oncePerTask } from './once-per-task';

/**
 * The sources of one page view; its first viewport is taken now, as the page view starts. `observedBox` is
 * the box the viewport observer last reported for an element (free to read); without one, the box is read.
 */
export function pageSources(observedBox: (element: Element) => { width: number; height: number } | null = () => null): LedgerSources {
  const firstViewportBottom = viewportBottom(window);
  return {
    attribute: attributeAd,
    boxOf: (element) => observedBox(element) ?? element.getBoundingClientRect(),
    // An element with no box (display:none, or not in the document) has no place on the page to judge.
    foldOf: (element) => (element.getClientRects().length === 0 ? null : foldAt(element.getBoundingClientRect().top + window.scrollY, firstViewportBottom)),
    focused: oncePerTask(() => document.hasFocus()),
    pageUrl: oncePerTask(() => location.href),
    now: () => Date.now(),
    newId: randomId,
  };
}
