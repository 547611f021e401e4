/**
 * One page view (docs/measurement.md): from load, a back/forward-cache restore, a prerender activation or an
 * SPA navigation, until the next one or until the page is left. It owns the ads found in it and everything
 * that watches them; `end()` reports dwell and stops all of it.
 */
import { cssPath } from '../common/css-path';
import { randomId } from '../common/ids';
import type { AdEvent, AdEventType, DetectedAd } from '../common/types';
import { attributeAd } from './attribution/attribute';
import type { AuditAd, AuditState } from './audit/overlay';
import type { Attribution } from './attribution/attribute';
import type { Outbox } from './outbox';
import { watchForAds } from './scan';
import type { RequestRules } from './scan';
import { watchAdChanges } from './track/ad-changes';
import { AdRegistry, identityOf } from './track/ad-registry';
import type { Ad } from './track/ad-registry';
import { ClickGate } from './track/click-gate';
import { adOfFocusedFrame, watchClicks, watchPresses } from './track/clicks';
import { ExposureTracker } from './track/exposure';
import { watchFrameFocus } from './track/frame-focus';
import { isMeasurable } from './track/measurable';
import { watchViewport } from './track/viewport';

/** Dwell is re-sent this often, so a crash or a killed tab loses little (measurement.md). */
const DWELL_FLUSH_MS = 5000;

export interface PageView {
  id: string;
  /** A child frame reported a trusted click at `time`: credit the ad whose iframe has focus. */
  onFrameClick(landingUrl: string | null, time: number): void;
  /** The ads found so far that are still in the page and that a person could see (track/measurable.ts). */
  detections(): DetectedAd[];
  /** The ads for the on-page audit, with what was recorded for each in this page view. */
  auditAds(): AuditAd[];
  /** Elements observed for exposure: 0 once the page view ended (the leak check reads it). */
  observedCount(): number;
  end(): void;
}

export function startPageView(outbox: Outbox, requestRules: RequestRules, parentSignal: AbortSignal): PageView {
  const controller = new AbortController();
  const signal = controller.signal;
  parentSignal.addEventListener('abort', () => controller.abort(), { once: true, signal });
  const id = randomId();
  const registry = new AdRegistry();
  const gate = new ClickGate();
  const attributions = new Map<string, Attribution>();
  const reportedDwell = new Map<string, number>();

  const attributionOf = (ad: Ad) => {
    let found = attributions.get(ad.id);
    if (!found) {
      found = attributeAd(ad.element);
      attributions.set(ad.id, found);
    }
    return found;
  };
  // The furthest each ad got in this page view, for the audit badges.
  const states = new Map<string, AuditState>();
  const RANK: Record<AuditState, number> = { detected: 0, impression: 1, viewable: 2, clicked: 3 };
  const record = (ad: Ad, type: AdEventType, extra: Partial<AdEvent> = {}): AdEvent => {
    const state: AuditState | null = type === 'click' ? 'clicked' : type === 'dwell' ? null : type;
    if (state && RANK[state] > RANK[states.get(ad.id) ?? 'detected']) states.set(ad.id, state);
    const event = { ...eventFor(ad, type, id, attributionOf(ad)), ...extra };
    outbox.add(event);
    return event;
  };
  const byId = (adId: string, fn: (ad: Ad) => void) => {
    const ad = registry.byAdId(adId);
    if (ad) fn(ad);
  };
  const exposure = new ExposureTracker(document.visibilityState === 'visible', {
    onImpression: (adId) => byId(adId, (ad) => record(ad, 'impression')),
    onViewable: (adId) => byId(adId, (ad) => record(ad, 'viewable')),
  });
  const viewport = watchViewport(registry, exposure, signal);

  /** Records a click unless the gate stops it; returns the click event recorded. */
  const onClick = (ad: Ad, how: { inFrame?: boolean; inferred?: boolean; landingUrl?: string | null; time?: number } = {}) => {
    if (!gate.allow(ad.id, Date.now())) return undefined;
    // A click proves the ad was seen: count its impression too, so CTR never exceeds 100%.
    if (exposure.markImpressed(ad.id)) record(ad, 'impression');
    const landingUrl = how.landingUrl ?? attributionOf(ad).landingUrl;
    const click = record(ad, 'click', {
      inFrame: how.inFrame ?? false,
      inferred: how.inferred ?? false,
      landingUrl,
      ...(how.time === undefined ? {} : { time: how.time }),
    });
    sendNow();
    return click;
  };
  // A click often navigates away: send now, with the dwell so far, rather than at the next tick.
  const sendNow = () => {
    reportDwell();
    void outbox.flush();
  };
  watchClicks(registry, (ad) => onClick(ad), signal);
  // An inferred click is dated when the focus moved into the frame, the moment of the press.
  const frameFocus = watchFrameFocus(registry, (ad, time) => onClick(ad, { inFrame: true, inferred: true, time }), signal);

  const reportDwell = () => {
    for (const [adId, ms] of exposure.dwellReport()) {
      const rounded = Math.round(ms);
      if (reportedDwell.get(adId) === rounded) continue;
      reportedDwell.set(adId, rounded);
      // One dwell event per ad per page view, re-sent with the same id as it grows: the latest value wins.
      byId(adId, (ad) => record(ad, 'dwell', { id: `${id}:${adId}:dwell`, dwellMs: rounded }));
    }
  };
  const dwellTimer = setInterval(reportDwell, DWELL_FLUSH_MS);
  signal.addEventListener('abort', () => clearInterval(dwellTimer), { once: true });
  // A press on an ad may end in a click that leaves the page: what the page view owes goes first.
  watchPresses(registry, sendNow, signal);

  const changes = watchAdChanges(registry, (elements) => {
    for (const element of elements) {
      const ad = registry.get(element);
      if (!ad || attributeAd(element).fingerprint === attributionOf(ad).fingerprint) continue;
      // The node now shows something else: the ad it showed has left view; what it shows now is detected afresh.
      registry.release(element);
      viewport.unobserve(element);
      exposure.observe(ad.id, { ratio: 0, width: 0, height: 0, rendered: false });
      scanner.rescan(element);
    }
  }, signal);
  const scanner = watchForAds(
    (found) => {
      for (const detection of found) {
        // An ad already known (found again by a later scan) costs nothing more.
        if (registry.closest(detection.element)) continue;
        const attribution = attributeAd(detection.element);
        const added = registry.add(detection, identityOf(detection.element, attribution.fingerprint));
        if (!added) continue;
        if (!added.rebound) {
          attributions.set(added.ad.id, attribution);
          exposure.track(added.ad.id, added.ad.kind === 'video');
        }
        viewport.observe(added.ad.element);
        changes.watch(added.ad.element);
      }
    },
    requestRules,
    signal,
  );

  return {
    id,
    onFrameClick: (landingUrl, time) => {
      const ad = adOfFocusedFrame(registry);
      if (!ad) return;
      const late = frameFocus.childReported(ad, time);
      if (!late) {
        onClick(ad, { inFrame: true, landingUrl });
        return;
      }
      // The click was inferred while this report was on its way: the same click, now confirmed by its frame
      // (same id: the background stores it once, and replaces an inferred one it already stored).
      outbox.add({ ...late.confirms, inferred: false, landingUrl: landingUrl ?? late.confirms.landingUrl });
      sendNow();
    },
    // The page view's ads a person could see: measurable now, or already seen (an impression).
    detections: () =>
      registry
        .all()
        .filter((ad) => ad.element.isConnected && (exposure.hasImpression(ad.id) || isMeasurable(ad.element)))
        .map((ad) => {
          const box = ad.element.getBoundingClientRect();
          const { id: adId, rule, kind, network } = ad;
          return { adId, path: cssPath(ad.element), rule, kind, network, width: Math.round(box.width), height: Math.round(box.height) };
        }),
    auditAds: () =>
      registry
        .all()
        .filter((ad) => ad.element.isConnected)
        .map((ad) => ({ adId: ad.id, element: ad.element, state: states.get(ad.id) ?? 'detected', kind: ad.kind, network: ad.network, rule: ad.rule })),
    observedCount: () => viewport.observedCount,
    end: () => {
      if (signal.aborted) return;
      exposure.stop();
      reportDwell();
      controller.abort();
    },
  };
}

function eventFor(ad: Ad, type: AdEventType, pageViewId: string, attribution: Attribution): AdEvent {
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
    inFrame: false,
    inferred: false,
    focused: document.hasFocus(),
    dwellMs: 0,
    fingerprint: attribution.fingerprint,
    landingUrl: attribution.landingUrl,
    pageUrl: location.href,
  };
}
