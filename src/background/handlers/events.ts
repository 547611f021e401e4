import type { Runtime } from 'webextension-polyfill';
import type { ResponseOf, ContentMessages } from '../../common/messages';
import type { AdEvent } from '../../common/types';
import { localDay } from '../../common/day';
import { pageAddressFor } from '../../common/page-address';
import { isTracked } from '../../common/settings';
import { siteOf } from '../../common/site';
import { getDb } from '../db/open';
import { writeEvents } from '../db/events';
import { resolveSenderPage } from '../sender-page';
import { readSettings } from '../settings';
import { reportWriteFailure, reportWriteSuccess } from '../storage/write-health';
import { isValidEvent, MAX_BATCH, pickEventFields, shortenOverlong } from '../validate';

/**
 * Stores a batch from a top frame's outbox. The site comes from the sender's tab (or, for a page handing
 * over its last events as it is left, from the sender's document: sender-page.ts), never from the payload:
 * a page cannot file its events under another site, and ads in iframes belong to the page that shows them.
 * A failed write is recorded for the popup and thrown back, so the outbox keeps the batch and retries.
 */
export async function handleEvents(
  payload: { events: unknown },
  sender: Runtime.MessageSender,
): Promise<ResponseOf<ContentMessages, 'events'>> {
  const page = await resolveSenderPage(sender);
  // Over-long rules and addresses are cut here, the one place they are (validate.ts), so the events are kept.
  const events: unknown[] = Array.isArray(payload.events) ? await Promise.all(payload.events.slice(0, MAX_BATCH).map(shortenOverlong)) : [];
  const now = Date.now();
  const valid = events.filter((e): e is AdEvent => isValidEvent(e, now));
  const validSet = new Set<unknown>(valid);
  const rejected = events
    .filter((e) => !validSet.has(e))
    .map((e) => (e as { id?: unknown })?.id)
    .filter((id): id is string => typeof id === 'string');
  if (!page) {
    // Only top frames of web pages report events (sender-page.ts); anything else is dropped whole.
    return { stored: [], rejected: [...valid.map((e) => e.id), ...rejected] };
  }
  const { site } = page;
  const settings = await readSettings();
  if (!isTracked(settings, site)) {
    // Paused by the user: nothing is stored, and the outbox forgets the events (they will never be wanted).
    return { stored: [], rejected: [...valid.map((e) => e.id), ...rejected] };
  }
  const stored = valid.map((e) => ({
    ...pickEventFields(e),
    site,
    day: localDay(e.time),
    advertiser: siteOf(e.landingUrl ?? undefined),
    pageUrl: pageAddressFor(e.pageUrl, page.url, site, settings.pageAddress),
  }));
  try {
    const result = await writeEvents(await getDb(), stored);
    await reportWriteSuccess();
    return { stored: result.stored, rejected };
  } catch (error) {
    await reportWriteFailure(error);
    throw error;
  }
}
