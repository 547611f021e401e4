/**
 * One page view (docs/measurement.md): from load, a back/forward-cache restore, a prerender activation or an
 * SPA navigation, until the next one or until the page is left. It owns the ads found in it and everything
 * that watches them; `end()` reports dwell and stops all of it. What it keeps per ad is in the ledger.
 */
import { randomId } from '../common/ids';
import type { DetectedAd } from '../common/types';
import type { Outbox } from './outbox';
import type { RequestRules, RulesReply } from './scan';
import { AdLedger } from './track/ad-ledger';
import { AdRegistry } from './track/ad-registry';
import { reportAdCount } from './track/ad-count';
import { afterNextFrame } from './track/after-frame';
import { adsWithProgress, detectionsOf, visibleAdCount } from './track/ad-views';
import type { AdWithProgress } from './track/ad-views';
import { creditClicks } from './track/click-credit';
import { creativeSightings } from './track/creative-sightings';
import type { CreativeSighting } from '../common/pictures';
import { watchPresses } from './track/clicks';
import { reportDwell } from './track/dwell-reports';
import { ExposureTracker } from './track/exposure';
import { watchFoundAds } from './track/found-ads';
import { pageSources } from './track/page-sources';
import { watchViewport } from './track/viewport';

export interface PageView {
  id: string;
  /** A child frame reported a trusted click at `time`: credit the ad whose iframe has focus. */
  onFrameClick(landingUrl: string | null, time: number): void;
  /** The ads found so far that are still in the page and that a person could see (track/measurable.ts). */
  detections(): DetectedAd[];
  /** The ads for the on-page audit, with how far each got in this page view. */
  auditAds(): AdWithProgress[];
  /** Elements observed for exposure: 0 once the page view ended (the leak check reads it). */
  observedCount(): number;
  end(): void;
}

/** What a page view needs from the content script: where events go, the rules for its page, the badge's count. */
export interface PageViewDeps {
  outbox: Outbox;
  requestRules: RequestRules;
  /** The background's first answer for this page view (first-rules.ts): it said the page is tracked. */
  firstRules: RulesReply;
  reportAdCount(count: number): void;
  /** A creative's first time viewable in this page view, for its picture. */
  reportSighting(sighting: CreativeSighting): void;
}

export function startPageView({ outbox, requestRules, firstRules, reportAdCount: sendCount, reportSighting }: PageViewDeps, parentSignal: AbortSignal): PageView {
  const controller = new AbortController();
  const signal = controller.signal;
  parentSignal.addEventListener('abort', () => controller.abort(), { once: true, signal });
  const registry = new AdRegistry();
  // An event's box is the one the viewport observer last reported for its ad: reading it costs no layout.
  const observedBox = (element: Element) => {
    const ad = registry.get(element);
    return ad ? exposure.observedBox(ad.id) : null;
  };
  const ledger = new AdLedger(randomId(), pageSources(observedBox));
  const adCount = reportAdCount(() => visibleAdCount(registry, ledger), sendCount, signal, afterNextFrame);
  const sightings = creativeSightings(reportSighting);
  const recordOn = (type: 'measured' | 'impression' | 'viewable') => (adId: string) => {
    const ad = registry.byAdId(adId);
    if (ad) for (const event of ledger.happened(ad, type)) outbox.add(event);
    // The picture's box and text are read once the frame is drawn, when reading them forces no layout.
    if (ad && type === 'viewable') afterNextFrame(() => ad.element.isConnected && sightings.viewable(ad.element, ledger.attribution(ad)));
    adCount.changed();
  };
  const listener = { onMeasured: recordOn('measured'), onImpression: recordOn('impression'), onViewable: recordOn('viewable') };
  const exposure = new ExposureTracker(document.visibilityState === 'visible', listener);
  const viewport = watchViewport(registry, exposure, signal);
  const dwell = reportDwell({ registry, ledger, exposure, outbox }, signal);
  // A click often navigates away: send now, with the dwell so far, rather than at the next tick.
  const sendNow = () => {
    dwell.report();
    void outbox.flush();
  };
  const clicks = creditClicks({ registry, ledger, exposure, outbox, sendNow }, signal);
  // A press on an ad may end in a click that leaves the page: what the page view owes goes first.
  watchPresses(registry, sendNow, signal);
  watchFoundAds({ registry, ledger, exposure, viewport, onChange: adCount.changed }, requestRules, firstRules, signal);

  return {
    id: ledger.pageViewId,
    onFrameClick: clicks.onFrameClick,
    detections: () => detectionsOf(registry, exposure),
    auditAds: () => adsWithProgress(registry, ledger),
    observedCount: () => viewport.observedCount,
    end: () => {
      if (signal.aborted) return;
      exposure.stop();
      dwell.report();
      controller.abort();
    },
  };
}
