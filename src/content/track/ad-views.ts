/** What the page view shows of its ads to the tools that ask: the detections list and the on-page audit. */
import { cssPath } from '../../common/css-path';
import type { AdKind, DetectedAd } from '../../common/types';
import type { AdLedger, AdProgress } from './ad-ledger';
import type { AdRegistry } from './ad-registry';
import type { ExposureTracker } from './exposure';
import { isMeasurable } from './measurable';

/** An ad still in the page, with how far it got in this page view. */
export interface AdWithProgress {
  adId: string;
  element: Element;
  state: AdProgress;
  kind: AdKind;
  network: string | null;
  rule: string;
}

/** The page view's ads a person could see: measurable now, or already seen (an impression). Reads layout. */
function visibleAds(registry: AdRegistry, seen: (adId: string) => boolean) {
  return registry.all().filter((ad) => ad.element.isConnected && (seen(ad.id) || isMeasurable(ad.element)));
}

/**
 * How many ads a person could see on the page now, the length of `detectionsOf`: the toolbar badge's number.
 * Seen means an impression recorded in the ledger, the same as the exposure tracker's.
 */
export function visibleAdCount(registry: AdRegistry, ledger: AdLedger): number {
  return visibleAds(registry, (adId) => ledger.progress(adId) !== 'detected').length;
}

/** The page view's ads a person could see, each with where it is and why it is an ad. */
export function detectionsOf(registry: AdRegistry, exposure: ExposureTracker): DetectedAd[] {
  return visibleAds(registry, (adId) => exposure.hasImpression(adId)).map((ad) => {
    const box = ad.element.getBoundingClientRect();
    const { id: adId, rule, kind, network } = ad;
    return { adId, path: cssPath(ad.element), rule, kind, network, width: Math.round(box.width), height: Math.round(box.height) };
  });
}

/** Every ad of the page view still in the page, with its progress. */
export function adsWithProgress(registry: AdRegistry, ledger: AdLedger): AdWithProgress[] {
  return registry
    .all()
    .filter((ad) => ad.element.isConnected)
    .map((ad) => ({ adId: ad.id, element: ad.element, state: ledger.progress(ad.id), kind: ad.kind, network: ad.network, rule: ad.rule }));
}
