/**
 * One page view (docs/measurement.md): from load, or a back/forward-cache restore, until the page is left.
 * It owns the ads found in it and everything that watches them; `end()` stops all of it.
 */
import { cssPath } from '../common/css-path';
import type { AdEvent, AdEventType, DetectedAd } from '../common/types';
import { randomId } from '../common/ids';
import type { Outbox } from './outbox';
import { watchForAds } from './scan';
import type { RequestRules } from './scan';
import { AdRegistry } from './track/ad-registry';
import type { Ad } from './track/ad-registry';
import { ClickGate } from './track/click-gate';
import { adOfFocusedFrame, watchClicks } from './track/clicks';
import { ImpressionTracker } from './track/impression-rule';
import { watchViewport } from './track/viewport';

export interface PageView {
  id: string;
  registry: AdRegistry;
  /** A child frame reported a trusted click: credit the ad whose iframe has focus. */
  onFrameClick(): void;
  /** The ads found so far that are still in the page. */
  detections(): DetectedAd[];
  end(): void;
}

export function startPageView(outbox: Outbox, requestRules: RequestRules, parentSignal: AbortSignal): PageView {
  const controller = new AbortController();
  const signal = controller.signal;
  parentSignal.addEventListener('abort', () => controller.abort(), { once: true, signal });
  const id = randomId();
  const registry = new AdRegistry();
  const gate = new ClickGate();

  const record = (ad: Ad, type: AdEventType, inFrame = false) => outbox.add(eventFor(ad, type, id, inFrame));
  const tracker = new ImpressionTracker(document.visibilityState === 'visible', (adId) => {
    const ad = registry.byAdId(adId);
    if (ad) record(ad, 'impression');
  });
  const viewport = watchViewport(registry, tracker, signal);

  const onClick = (ad: Ad, inFrame: boolean) => {
    if (!gate.allow(ad.id, Date.now())) return;
    // A click proves the ad was seen: count its impression too, so CTR never exceeds 100%.
    if (tracker.markImpressed(ad.id)) record(ad, 'impression');
    record(ad, 'click', inFrame);
    // A click often navigates away: send now rather than at the next tick.
    void outbox.flush();
  };
  watchClicks(registry, (ad) => onClick(ad, false), signal);

  void watchForAds(
    (found) => {
      for (const detection of found) {
        const ad = registry.add(detection);
        if (ad) viewport.observe(ad.element);
      }
    },
    requestRules,
    signal,
  );

  return {
    id,
    registry,
    onFrameClick: () => {
      const ad = adOfFocusedFrame(registry);
      if (ad) onClick(ad, true);
    },
    detections: () =>
      registry
        .all()
        .filter((ad) => ad.element.isConnected)
        .map((ad) => {
          const box = ad.element.getBoundingClientRect();
          const { id: adId, rule, kind, network } = ad;
          return { adId, path: cssPath(ad.element), rule, kind, network, width: Math.round(box.width), height: Math.round(box.height) };
        }),
    end: () => controller.abort(),
  };
}

function eventFor(ad: Ad, type: AdEventType, pageViewId: string, inFrame: boolean): AdEvent {
  const box = ad.element.getBoundingClientRect();
  return {
    id: randomId(),
    type,
    time: Date.now(),
    pageViewId,
    adId: ad.id,
    rule: ad.rule,
    kind: ad.kind,
    network: ad.network,
    width: Math.round(box.width),
    height: Math.round(box.height),
    inFrame,
  };
}
