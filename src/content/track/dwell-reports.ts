import type { Outbox } from '../outbox';
import type { AdLedger } from './ad-ledger';
import type { AdRegistry } from './ad-registry';
import type { ExposureTracker } from './exposure';

/** Dwell is re-sent this often, so a crash or a killed tab loses little (docs/measurement.md). */
const DWELL_FLUSH_MS = 5000;

/**
 * Reports each ad's dwell so far every DWELL_FLUSH_MS while the page view lasts, and whenever `report()` is
 * called (a press that may leave the page, the page view's end). The ledger sends a value only when it changed.
 */
export function reportDwell(
  { registry, ledger, exposure, outbox }: { registry: AdRegistry; ledger: AdLedger; exposure: ExposureTracker; outbox: Pick<Outbox, 'add'> },
  signal: AbortSignal,
) {
  const report = () => {
    for (const [adId, ms] of exposure.dwellReport()) {
      const ad = registry.byAdId(adId);
      const event = ad && ledger.dwell(ad, ms);
      if (event) outbox.add(event);
    }
  };
  const timer = setInterval(report, DWELL_FLUSH_MS);
  signal.addEventListener('abort', () => clearInterval(timer), { once: true });
  return { report };
}
