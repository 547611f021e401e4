/**
 * The data a user takes out, brings in or deletes: exports a page at a time, imports of NDJSON exports,
 * and deletions. Only AdTally's own pages may send these (router.ts).
 */
import type { EventPosition, ResponseOf, UiMessages } from '../../common/messages';
import type { StoredEvent } from '../../common/types';
import { deleteAllEvents, deleteEvents, writeEvents } from '../db/events';
import { readEventPage } from '../db/event-pages';
import { getDb } from '../db/open';
import { pickStoredFields, storedEventProblem } from '../validate';

/** Most events per export page and per import call: big enough to be fast, small enough for one message. */
export const MAX_PAGE = 5000;

export async function handleExportEvents(payload: { after: unknown; limit: unknown }): Promise<ResponseOf<UiMessages, 'exportEvents'>> {
  const limit = typeof payload.limit === 'number' && payload.limit > 0 ? Math.min(payload.limit, MAX_PAGE) : MAX_PAGE;
  const db = await getDb();
  const [page, total] = await Promise.all([readEventPage(db, position(payload.after), limit), db.count('events')]);
  return { ...page, total };
}

export async function handleExportAggregates(): Promise<ResponseOf<UiMessages, 'exportAggregates'>> {
  const db = await getDb();
  const [totals, creatives] = await Promise.all([db.getAll('totals'), db.getAll('creatives')]);
  return { totals, creatives };
}

export async function handleImportEvents(payload: { lines: unknown }): Promise<ResponseOf<UiMessages, 'importEvents'>> {
  const lines = Array.isArray(payload.lines) ? payload.lines.slice(0, MAX_PAGE) : [];
  const now = Date.now();
  const errors: { line: number; reason: string }[] = [];
  const events: StoredEvent[] = [];
  for (const entry of lines as { line?: unknown; value?: unknown }[]) {
    const line = typeof entry?.line === 'number' ? entry.line : 0;
    const problem = storedEventProblem(entry?.value, now);
    if (problem) errors.push({ line, reason: problem });
    else events.push(pickStoredFields(entry.value as StoredEvent));
  }
  // Several lines with one id: the first is stored, like a second import of the same line.
  const { added } = await writeEvents(await getDb(), events, 'import');
  return { added, alreadyStored: events.length - added, errors };
}

export async function handleDeleteData(payload: { site: unknown }): Promise<ResponseOf<UiMessages, 'deleteData'>> {
  const db = await getDb();
  if (typeof payload.site === 'string' && payload.site) return { deleted: await deleteEvents(db, { site: payload.site }) };
  const deleted = await db.count('events');
  await deleteAllEvents(db);
  return { deleted };
}

function position(value: unknown): EventPosition | null {
  const v = value as Partial<EventPosition> | null;
  return v && typeof v.time === 'number' && typeof v.id === 'string' ? { time: v.time, id: v.id } : null;
}
