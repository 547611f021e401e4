/**
 * Instagram: sponsored posts in the feed, an `article` whose header shows "Sponsored" under the account name.
 * "Paid partnership" (branded content a creator posts) and "Suggested for you" posts are not ads.
 * Fixture: e2e/sites/www.instagram.test/.
 */
import type { PlatformAdapter } from '../types';
import { hasDisclosureLabel } from '../label-text';
import { found, SPONSORED_LABELS, unitsAround } from './common';

const ID = 'instagram';
const NETWORK = 'Meta';
/** The caption, comments and comment form: prose there is not the disclosure. */
const NOT_HEADER = 'h1, ul, form, [role="dialog"]';

export const instagram: PlatformAdapter = {
  id: ID,
  platforms: ['instagram'],
  detect(root, ctx) {
    return unitsAround(root, 'article')
      .filter((post) => hasDisclosureLabel(post, SPONSORED_LABELS, ctx.isRendered, { exclude: NOT_HEADER }))
      .map((post) => found(post, ID, 'sponsored-post', 'social', NETWORK));
  },
};
