/**
 * The data a person takes out, brings in or deletes: exports a page at a time, imports of NDJSON exports
 * (validated line by line in parse/user-data.ts), and deletions. Only AdTally's own pages may send these (routes.ts).
 */
import type { PayloadOf, ResponseOf, UiMessages } from '../../common/messages';
import { deleteAllEvents, deleteEvents, writeEvents } from '../db/events';
import { readEventPage } from '../db/event-pages';
import { getDb } from '../db/open';
import type { ImportPage } from '../parse/user-data';
import { deleteAllPictures, deletePicturesOf, getPicturesDb } from '../pictures/db';

export async function handleExportEvents({ after, limit }: PayloadOf<UiMessages, 'exportEvents'>): Promise<ResponseOf<UiMessages, 'exportEvents'>> {
  const db = await getDb();
  const [page, total] = await Promise.all([readEventPage(db, after, limit), db.count('events')]);
  return { ...page, total };
}

export async function handleExportAggregates(): Promise<ResponseOf<UiMessages, 'exportAggregates'>> {
  const db = await getDb();
  const [totals, creatives] = await Promise.all([db.getAll('totals'), db.getAll('creatives')]);
  return { totals, creatives };
}

export async function handleImportEvents({ events, errors }: ImportPage): Promise<ResponseOf<UiMessages, 'importEvents'>> {
  // Several lines with one id: the first is stored, like a second import of the same line.
  const { added } = await writeEvents(await getDb(), events, 'import');
  return { added, alreadyStored: events.length - added, errors };
}

export async function handleDeleteData({ site }: PayloadOf<UiMessages, 'deleteData'>): Promise<ResponseOf<UiMessages, 'deleteData'>> {
  const db = await getDb();
  if (site) {
    const deleted = await deleteEvents(db, { site });
    // The pictures taken on the site, and those of creatives left with no event (seen only there).
    await deletePicturesOf(await getPicturesDb(), site, new Set(await db.getAllKeys('creatives')));
    return { deleted };
  }
  const deleted = await db.count('events');
  await deleteAllEvents(db);
  await deleteAllPictures(await getPicturesDb());
  return { deleted };
}
