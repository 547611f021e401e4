/**
 * LinkedIn: promoted updates in the feed, a `.feed-shared-update-v2` whose actor sub-description (where an
 * organic post shows its age) reads "Promoted" or "Promoted by …". "Promoted" in the post's text ("I got
 * promoted!") or in a member's headline is not a label, and "Suggested" posts are organic.
 * Fixture: e2e/sites/www.linkedin.test/.
 */
import type { PlatformAdapter } from '../types';
import { hasDisclosureLabel } from '../text/caption';
import { normaliseLabelText } from '../text/normalise';
import { renderedLabelText } from '../text/reader';
import { found, PROMOTED_LABELS, unitsAround } from './common';

const ID = 'linkedin';
const NETWORK = 'LinkedIn';

const UPDATES = '.feed-shared-update-v2';
/** The line under the actor's name and headline: "2d • Edited" for organic posts, "Promoted" for ads. */
const SUB_DESCRIPTION = '.update-components-actor__sub-description, .feed-shared-actor__sub-description';

export const linkedin: PlatformAdapter = {
  id: ID,
  platforms: ['linkedin'],
  detect(root, ctx) {
    return unitsAround(root, UPDATES)
      .filter((update) => [...update.querySelectorAll(SUB_DESCRIPTION)].some((sub) => isPromoted(update, sub, ctx.isRendered)))
      .map((update) => found(update, ID, 'promoted-update', 'social', NETWORK));
  },
};

function isPromoted(update: Element, sub: Element, isRendered: (el: Element) => boolean): boolean {
  // The sub-description of an update nested inside this one belongs to that update.
  if (sub.closest(UPDATES) !== update) return false;
  if (hasDisclosureLabel(sub, PROMOTED_LABELS, isRendered)) return true;
  return /^promoted by \S/.test(normaliseLabelText(renderedLabelText(sub, isRendered)));
}
