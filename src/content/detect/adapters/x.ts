/**
 * X (Twitter): promoted posts, an `article[data-testid="tweet"]` that shows "Ad" (or the older "Promoted")
 * as a label of its own, outside the post text, the author's name and link cards. The
 * `[data-testid="placementTracking"]` wrapper alone is not a signal: it also wraps video players in organic
 * posts. Promoted trends, a `[data-testid="trend"]` in "What's happening" whose by-line says who paid
 * ("Promoted by <brand>"): a trend's name may be any word, "Promoted" too. Fixture: e2e/sites/x.test/.
 */
import type { PlatformAdapter } from '../types';
import { hasDisclosureLabel } from '../text/caption';
import { disclosureOfByLine, labelsMeaning } from '../text/dictionary';
import { normaliseLabelText } from '../text/normalise';
import { found, unitsAround } from './common';

const ID = 'x';
const NETWORK = 'X';

/** X prints "Ad" (formerly "Promoted"), and its translations. */
export const X_AD_LABELS: readonly string[] = labelsMeaning('ad', 'promoted', 'sponsored', 'advertisement');

/** Where "Ad" is someone's words or name: the post text, the author's name links, cards, quoted posts. */
const NOT_LABEL = [
  '[data-testid="tweetText"]',
  '[data-testid="User-Name"] a',
  '[data-testid="card.wrapper"]',
  '[data-testid="socialContext"]',
  'div[role="link"]',
].join(', ');

const POST = 'article[data-testid="tweet"]';
const TREND = '[data-testid="trend"]';

export const x: PlatformAdapter = {
  id: ID,
  platforms: ['x', 'twitter'],
  detect(root, ctx) {
    const posts = unitsAround(root, POST)
      .filter((post) => hasDisclosureLabel(post, X_AD_LABELS, ctx.isRendered, { exclude: NOT_LABEL }))
      .map((post) => found(post, ID, 'promoted-post', 'social', NETWORK));
    const trends = unitsAround(root, TREND)
      .filter((trend) => isPromotedTrend(trend, ctx.isRendered))
      .map((trend) => found(trend, ID, 'promoted-trend', 'social', NETWORK));
    return [...posts, ...trends];
  },
  // Every post and trend is judged here, with its own structure (a post's text, its author's name; a trend's
  // name): one the adapter finds organic is not re-judged by the generic label layer (a user named "Ad"
  // posting "Ad", a trend named "Promoted").
  owns: (root) => [...unitsAround(root, POST), ...unitsAround(root, TREND)],
};

/** A trend whose shown line is a by-line of X's labels: "Promoted by Trackside Motors". */
function isPromotedTrend(trend: Element, isRendered: (el: Element) => boolean): boolean {
  for (const line of trend.querySelectorAll('div, span')) {
    if (line.querySelector('div, span') || !isRendered(line)) continue;
    const disclosure = disclosureOfByLine(normaliseLabelText(line.textContent ?? ''));
    if (disclosure && X_AD_LABELS.includes(disclosure.label)) return true;
  }
  return false;
}
