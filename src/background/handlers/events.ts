import type { Runtime } from 'webextension-polyfill';
import type { ResponseOf, ContentMessages } from '../../common/messages';
import { localDay } from '../../common/day';
import { siteOf } from '../../common/site';
import { getDb } from '../db/open';
import { writeEvents } from '../db/events';
import { isValidEvent, MAX_BATCH, pickEventFields } from '../validate';

/**
 * Stores a batch from a top frame's outbox. The site comes from the sender's tab, never from the payload:
 * a page cannot file its events under another site, and ads in iframes belong to the page that shows them.
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
  const stored = valid.map((e) => ({ ...pickEventFields(e), site, day: localDay(e.time), advertiser: siteOf(e.landingUrl ?? undefined) }));
  const ids = await writeEvents(await getDb(), stored);
  return { stored: ids, rejected };
}
