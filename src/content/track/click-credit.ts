/**
 * Crediting clicks to the page view's ads: trusted clicks on an ad, clicks a child frame reports, and clicks
 * inferred from focus moving into a frame that runs no script (frame-focus.ts), each through the debounce
 * (click-gate.ts). A click is recorded with the impression it proves, and sent at once.
 */
import type { AdEvent } from '../../common/types';
import type { Outbox } from '../outbox';
import type { AdLedger } from './ad-ledger';
import type { Ad, AdRegistry } from './ad-registry';
import { ClickGate } from './click-gate';
import { adOfFocusedFrame, watchClicks } from './clicks';
import type { ExposureTracker } from './exposure';
import { watchFrameFocus } from './frame-focus';

export interface ClickCreditDeps {
  registry: AdRegistry;
  ledger: AdLedger;
  exposure: ExposureTracker;
  outbox: Pick<Outbox, 'add'>;
  /** Sends what the page view owes now: a click often navigates away. */
  sendNow(): void;
}

interface How {
  inFrame?: boolean;
  inferred?: boolean;
  landingUrl?: string | null;
  time?: number;
}

export function creditClicks({ registry, ledger, exposure, outbox, sendNow }: ClickCreditDeps, signal: AbortSignal) {
  const gate = new ClickGate();
  const record = (ad: Ad, type: AdEvent['type'], extra?: Partial<AdEvent>) => {
    const events = ledger.happened(ad, type, extra);
    for (const event of events) outbox.add(event);
    return events[0]!;
  };

  /** Records a click unless the gate stops it; returns the click event recorded. */
  const onClick = (ad: Ad, how: How = {}) => {
    if (!gate.allow(ad.id, Date.now())) return undefined;
    // A click proves the ad was seen: count its impression too, so CTR never exceeds 100%.
    if (exposure.markImpressed(ad.id)) record(ad, 'impression');
    const click = record(ad, 'click', {
      inFrame: how.inFrame ?? false,
      inferred: how.inferred ?? false,
      landingUrl: how.landingUrl ?? ledger.attribution(ad).landingUrl,
      ...(how.time === undefined ? {} : { time: how.time }),
    });
    sendNow();
    return click;
  };
  watchClicks(registry, (ad) => onClick(ad), signal);
  // An inferred click is dated when the focus moved into the frame, the moment of the press.
  const frameFocus = watchFrameFocus(registry, (ad, time) => onClick(ad, { inFrame: true, inferred: true, time }), signal);

  return {
    /** A child frame reported a trusted click at `time`: credit the ad whose iframe has focus. */
    onFrameClick(landingUrl: string | null, time: number): void {
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
  };
}
