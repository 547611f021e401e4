/**
 * Instagram: sponsored posts in the feed, an `article` whose header shows "Sponsored" under the account name.
 * The label must come before the post's action bar (the <section> of like / comment / share buttons): what
 * follows it is the caption and comments, where the word is someone's prose or hashtag. "Paid partnership"
 * (branded content a creator posts) and "Suggested for you" posts are not ads. Fixture: e2e/sites/www.instagram.test/.
 */
import type { PlatformAdapter } from '../types';
import { findDisclosureLabel } from '../text/caption';
import { found, SPONSORED_LABELS, unitsAround } from './common';

const ID = 'instagram';
const NETWORK = 'Meta';
/** The caption on a post's own page, comments and the comment form: prose there is not the disclosure. */
const NOT_HEADER = 'h1, ul, form, [role="dialog"]';

export const instagram: PlatformAdapter = {
  id: ID,
  platforms: ['instagram'],
  detect(root, ctx) {
    return unitsAround(root, 'article')
      .filter((post) => {
        const label = findDisclosureLabel(post, SPONSORED_LABELS, ctx.isRendered, { exclude: NOT_HEADER });
        const actions = post.querySelector('section');
        return label !== null && (!actions || (label.compareDocumentPosition(actions) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0);
      })
      .map((post) => found(post, ID, 'sponsored-post', 'social', NETWORK));
  },
};
