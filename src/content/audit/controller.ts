/**
 * Whether the on-page audit is on (the popup's switch), and the one audit overlay while it is. Turning it off,
 * or the content script's end (its lifetime signal), removes the overlay and everything it listens to.
 */
import type { AuditAd } from './overlay';
import { startAudit } from './overlay';
import { selectorFor } from './selector-for';

export interface AuditSources {
  /** The current page view's ads, as they are now. */
  listAds(): AuditAd[];
  /** Stores a correction as a rule line in the person's own rules; resolves to the line written. */
  addUserRule(kind: 'ad' | 'not-ad', selector: string): Promise<string>;
}

export interface AuditController {
  readonly on: boolean;
  /** Switches the audit on or off; switching to the state it is in does nothing. */
  set(on: boolean): void;
}

export function auditController(sources: AuditSources, lifetime: AbortSignal): AuditController {
  let audit: AbortController | null = null;
  return {
    get on() {
      return audit !== null;
    },
    set(on) {
      if (on === (audit !== null)) return;
      if (!on) {
        audit?.abort();
        audit = null;
        return;
      }
      audit = new AbortController();
      lifetime.addEventListener('abort', () => audit?.abort(), { once: true, signal: audit.signal });
      startAudit({ listAds: sources.listAds, correct: (kind, element) => sources.addUserRule(kind, selectorFor(element)) }, audit.signal);
    },
  };
}
