import type { ResponseOf, ContentMessages } from '../../common/messages';
import { localDay } from '../../common/day';
import { pageAddressFor } from '../../common/page-address';
import { isTracked } from '../../common/settings';
import { siteOf } from '../../common/site';
import { getDb } from '../db/open';
import { writeEvents } from '../db/events';
import { everyId } from '../parse/events';
import type { EventBatch } from '../parse/events';
import type { SenderPage } from '../sender-page';
import { readSettings } from '../settings';
import { reportWriteFailure, reportWriteSuccess } from '../storage/write-health';
import { pickEventFields } from '../validate';

/**
 * Stores a batch from a top frame's outbox, already checked event by event (parse/events.ts). The site comes
 * from the sender's page (its tab, or for a page handing over its last events as it is left, its document:
 * sender-page.ts), never from the payload: a page cannot file its events under another site, and ads in
 * iframes belong to the page that shows them. A failed write is recorded for the popup and thrown back, so
 * the outbox keeps the batch and retries.
 */
export async function handleEvents(batch: EventBatch, page: SenderPage): Promise<ResponseOf<ContentMessages, 'events'>> {
  const { site } = page;
  const settings = await readSettings();
  if (!isTracked(settings, site)) {
    // Paused by the user: nothing is stored, and the outbox forgets the events (they will never be wanted).
    return { stored: [], rejected: everyId(batch) };
  }
  const stored = batch.events.map((e) => ({
    ...pickEventFields(e),
    site,
    day: localDay(e.time),
    advertiser: siteOf(e.landingUrl ?? undefined),
    pageUrl: pageAddressFor(e.pageUrl, page.url, site, settings.pageAddress),
  }));
  try {
    const result = await writeEvents(await getDb(), stored);
    await reportWriteSuccess();
    return { stored: result.stored, rejected: batch.rejected };
  } catch (error) {
    await reportWriteFailure(error);
    throw error;
  }
}
