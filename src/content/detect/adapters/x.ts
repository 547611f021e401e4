/**
 * X (Twitter): promoted posts, an `article[data-testid="tweet"]` that shows "Ad" (or the older "Promoted")
 * as a label of its own, outside the post text, the author's name and link cards. The
 * `[data-testid="placementTracking"]` wrapper alone is not a signal: it also wraps video players in organic
 * posts. Fixture: e2e/sites/x.test/.
 */
import type { PlatformAdapter } from '../types';
import { hasDisclosureLabel } from '../text/caption';
import { labelsMeaning } from '../text/dictionary';
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

export const x: PlatformAdapter = {
  id: ID,
  platforms: ['x', 'twitter'],
  detect(root, ctx) {
    return unitsAround(root, 'article[data-testid="tweet"]')
      .filter((post) => hasDisclosureLabel(post, X_AD_LABELS, ctx.isRendered, { exclude: NOT_LABEL }))
      .map((post) => found(post, ID, 'promoted-post', 'social', NETWORK));
  },
  // Every post is judged here, with the post's own structure (its text, its author's name): a post the
  // adapter finds organic is not re-judged by the generic label layer (a user named "Ad" posting "Ad").
  owns: (root) => unitsAround(root, 'article[data-testid="tweet"]'),
};
