/**
 * Finding the page view's ads and keeping up with them: the scanner's finds join the registry, the ledger,
 * the exposure tracker and the viewport; a node that comes to show another creative (a recycled list node,
 * an ad rotation) lets its ad leave view and goes back to the scanner to be detected afresh.
 */
import { attributeAd } from '../attribution/attribute';
import type { Detection } from '../detect/detect';
import { watchForAds } from '../scan';
import type { RequestRules, RulesReply, Scanner } from '../scan';
import type { AdLedger } from './ad-ledger';
import { watchAdChanges } from './ad-changes';
import { identityOf } from './ad-registry';
import type { AdRegistry } from './ad-registry';
import type { ExposureTracker } from './exposure';
import type { watchViewport } from './viewport';

export interface FoundAdsDeps {
  registry: AdRegistry;
  ledger: AdLedger;
  exposure: ExposureTracker;
  viewport: ReturnType<typeof watchViewport>;
  /** An ad joined or left the page view (the toolbar badge recounts). */
  onChange(): void;
}

export function watchFoundAds(
  { registry, ledger, exposure, viewport, onChange }: FoundAdsDeps,
  requestRules: RequestRules,
  firstRules: RulesReply,
  signal: AbortSignal,
): Scanner {
  // The scanner and the change watcher feed each other: the scanner's finds are watched for changes, and a
  // changed node goes back to the scanner. The scanner starts last; until then there is nothing to rescan.
  let scanner: Scanner | null = null;

  const changes = watchAdChanges(
    registry,
    (elements) => {
      for (const element of elements) {
        const ad = registry.get(element);
        if (!ad || attributeAd(element).fingerprint === ledger.attribution(ad).fingerprint) continue;
        // The node now shows something else: the ad it showed has left view; what it shows now is detected afresh.
        registry.release(element);
        viewport.unobserve(element);
        exposure.observe(ad.id, { ratio: 0, width: 0, height: 0, rendered: false });
        onChange();
        scanner?.rescan(element);
      }
    },
    signal,
  );

  const onFound = (found: Detection[]) => {
    for (const detection of found) {
      // An ad already known (found again by a later scan) costs nothing more.
      if (registry.closest(detection.element)) continue;
      const attribution = attributeAd(detection.element);
      const added = registry.add(detection, identityOf(detection.element, attribution.fingerprint));
      if (!added) continue;
      if (!added.rebound) {
        ledger.enter(added.ad, attribution);
        exposure.track(added.ad.id, added.ad.kind === 'video');
      }
      viewport.observe(added.ad.element);
      changes.watch(added.ad.element);
      onChange();
    }
  };

  scanner = watchForAds(onFound, requestRules, signal, { first: firstRules });
  return scanner;
}
