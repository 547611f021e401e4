/**
 * Reddit: promoted posts. The current site renders each as a `shreddit-ad-post`; old.reddit.com marks the
 * listing with `.promotedlink`; a post element (`shreddit-post`, the 2018 redesign's `.Post`) whose credit
 * bar shows "Promoted" is one as well. A post titled "Got promoted!" is not. Fixture: e2e/sites/www.reddit.test/.
 */
import type { AdKind } from '../../../common/types';
import type { PlatformAdapter } from '../types';
import { hasDisclosureLabel } from '../text/caption';
import { found, hasContent, outermostElements, PROMOTED_LABELS, unitsAround } from './common';

const ID = 'reddit';
const NETWORK = 'Reddit';

/** Title, body text and comments: prose there is not the label. */
const NOT_CREDIT_BAR = '[slot="title"], [slot="text-body"], h1, h2, h3, .md, [data-click-id="text"], shreddit-comment-tree';

export const reddit: PlatformAdapter = {
  id: ID,
  platforms: ['reddit'],
  detect(root, ctx) {
    const units = new Map<Element, string>();
    for (const el of unitsAround(root, 'shreddit-ad-post')) if (hasContent(el)) units.set(el, 'ad-post');
    for (const el of unitsAround(root, '.promotedlink')) if (hasContent(el) && !units.has(el)) units.set(el, 'promotedlink');
    for (const el of unitsAround(root, 'shreddit-post, .Post')) {
      if (units.has(el) || !hasDisclosureLabel(el, PROMOTED_LABELS, ctx.isRendered, { exclude: NOT_CREDIT_BAR })) continue;
      units.set(el, 'promoted-label');
    }
    const kind: AdKind = 'social';
    return outermostElements(units.keys()).map((el) => found(el, ID, units.get(el)!, kind, NETWORK));
  },
};
