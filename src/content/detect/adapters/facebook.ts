/**
 * Facebook: sponsored posts in the news feed. A post is a feed unit (`div[data-pagelet^="FeedUnit"]`, a
 * child of `[role="feed"]`, `div[aria-posinset]` or a top-level `[role="article"]`); it is sponsored when
 * its header shows "Sponsored" as a person sees it (split letters with hidden decoys, data-content letters,
 * an SVG <use> drawing the word, an aria-labelledby name: see text/reader.ts), or when it owns a link to
 * Facebook's "about this ad" page. "Suggested for you" posts are organic. Fixture: e2e/sites/www.facebook.test/.
 */
import type { PlatformAdapter } from '../types';
import { hasDisclosureLabel } from '../text/caption';
import { found, SPONSORED_LABELS, unitsAround } from './common';

const ID = 'facebook';
const NETWORK = 'Meta';

const POSTS = 'div[data-pagelet^="FeedUnit"], [role="feed"] > div, div[aria-posinset], [role="article"]';
/** Parts of a post where the word is prose, not the disclosure: the message, comments, shared posts. */
const NOT_HEADER = [
  '[data-ad-preview="message"]',
  '[data-ad-comet-preview="message"]',
  '[data-ad-rendering-role="story_message"]',
  '[role="article"] [role="article"]',
  'ul',
  'form',
].join(', ');

export const facebook: PlatformAdapter = {
  id: ID,
  platforms: ['facebook'],
  detect(root, ctx) {
    return unitsAround(root, POSTS)
      .filter((post) => ownsAboutAdLink(post) || hasDisclosureLabel(post, SPONSORED_LABELS, ctx.isRendered, { exclude: NOT_HEADER }))
      .map((post) => found(post, ID, 'sponsored-post', 'social', NETWORK));
  },
};

/** A link to /ads/about/ that belongs to this post, not to a post shared inside it. */
function ownsAboutAdLink(post: Element): boolean {
  for (const link of post.querySelectorAll('a[href*="/ads/about"]')) {
    const article = link.parentElement?.closest('[role="article"]');
    if (!article || article === post || !post.contains(article)) return true;
  }
  return false;
}
