/**
 * YouTube: ad slots in the home feed, search results and the watch-page sidebar (`ytd-ad-slot-renderer` and
 * the promoted-video renderers it or older layouts use), the masthead ad, the companion ad beside the player,
 * and the ad playing in the player itself. Paid promotion inside a creator's video ("Includes paid
 * promotion") is the creator's content, not an ad slot. Fixture: e2e/sites/www.youtube.test/.
 */
import type { AdKind } from '../../../common/types';
import type { PlatformAdapter } from '../types';
import { allAround, found, hasContent, outermostElements, unitsAround } from './common';

const ID = 'youtube';
const NETWORK = 'YouTube';

/** In-feed, search and sidebar ads; ytd-ad-slot-renderer wraps the newer ones. */
const FEED_ADS = [
  'ytd-ad-slot-renderer',
  'ytd-in-feed-ad-layout-renderer',
  'ytd-promoted-sparkles-web-renderer',
  'ytd-promoted-sparkles-text-search-renderer',
  'ytd-promoted-video-renderer',
  'ytd-compact-promoted-video-renderer',
  'ytd-search-pyv-renderer',
  'ytd-display-ad-renderer',
].join(', ');
/** The masthead ad at the top of the home page. */
const MASTHEAD_ADS = '#masthead-ad, ytd-video-masthead-ad-v3-renderer';
/** The companion ad above the watch-page sidebar. */
const COMPANION_ADS =
  'ytd-player-legacy-desktop-watch-ads-renderer, ytd-action-companion-ad-renderer, ytd-companion-slot-renderer';
/** The overlay YouTube lays over the video while an ad plays, inside .ytp-ad-module (empty otherwise). */
const PLAYER_AD_OVERLAY = '.ytp-ad-module .ytp-ad-player-overlay-layout, .ytp-ad-module .ytp-ad-player-overlay';

export const youtube: PlatformAdapter = {
  id: ID,
  platforms: ['youtube'],
  detect(root, ctx) {
    const units = new Map<Element, [unit: string, kind: AdKind]>();
    const take = (selector: string, unit: string, kind: AdKind) => {
      for (const el of unitsAround(root, selector)) if (hasContent(el) && !units.has(el)) units.set(el, [unit, kind]);
    };
    take(MASTHEAD_ADS, 'masthead-ad', 'display');
    take(COMPANION_ADS, 'companion-ad', 'display');
    take(FEED_ADS, 'feed-ad', 'native');

    // The ad in the player: its overlay while the ad plays. A player marked "ad-showing" without an overlay
    // (a layout without one) is the ad itself for as long as the scan sees it.
    const players = allAround(root, '.html5-video-player');
    for (const overlay of unitsAround(root, PLAYER_AD_OVERLAY)) {
      if (hasContent(overlay) && ctx.isRendered(overlay)) units.set(overlay, ['player-ad', 'video']);
    }
    for (const player of players) {
      if (!player.matches('.ad-showing, .ad-interrupting') || player.querySelector(PLAYER_AD_OVERLAY)) continue;
      units.set(player, ['player-ad', 'video']);
    }

    return outermostElements(units.keys()).map((el) => {
      const [unit, kind] = units.get(el)!;
      return found(el, ID, unit, kind, NETWORK);
    });
  },
};
