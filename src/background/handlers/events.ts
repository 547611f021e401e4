import type { Runtime } from 'webextension-polyfill';
import type { ResponseOf, ContentMessages } from '../../common/messages';
import { localDay } from '../../common/day';
import { pageAddressFor } from '../../common/page-address';
import { isTracked } from '../../common/settings';
import { siteOf } from '../../common/site';
import { getDb } from '../db/open';
import { writeEvents } from '../db/events';
import { readSettings } from '../settings';
import { reportWriteFailure, reportWriteSuccess } from '../storage/write-health';
import { isValidEvent, MAX_BATCH, pickEventFields } from '../validate';

/**
 * Stores a batch from a top frame's outbox. The site comes from the sender's tab, never from the payload:
 * a page cannot file its events under another site, and ads in iframes belong to the page that shows them.
 * A failed write is recorded for the popup and thrown back, so the outbox keeps the batch and retries.
 */
export async function handleEvents(
  payload: { events: unknown },
  sender: Runtime.MessageSender,
): Promise<ResponseOf<ContentMessages, 'events'>> {
  const site = siteOf(sender.tab?.url);
  const events = Array.isArray(payload.events) ? payload.events.slice(0, MAX_BATCH) : [];
  const now = Date.now();
  const valid = events.filter((e) => isValidEvent(e, now));
  const rejected = events
    .filter((e) => !valid.includes(e))
    .map((e) => (e as { id?: unknown })?.id)
    .filter((id): id is string => typeof id === 'string');
  if (!site || sender.frameId !== 0) {
    // Only top frames of web pages report events; anything else is dropped whole.
    return { stored: [], rejected: [...valid.map((e) => e.id), ...rejected] };
  }
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
    pageUrl: pageAddressFor(e.pageUrl, sender.tab?.url, site, settings.pageAddress),
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
