/**
 * The data a person takes out, brings in or deletes. Only a malformed deletion is refused; elsewhere a malformed field reads as its
 * default, and an import reports each bad line by its number instead of refusing the page of lines.
 */
import type { EventPosition, PayloadOf, UiMessages } from '../../common/messages';
import type { StoredEvent } from '../../common/types';
import { pickStoredFields, storedEventProblem } from '../validate';
import { accept, refuse } from './parsed';
import type { Parsed, Unchecked } from './parsed';

/** Most events per export page and per import call: big enough to be fast, small enough for one message. */
export const MAX_PAGE = 5000;

/** The events of an import page that passed validation, and the lines that did not, each with why. */
export interface ImportPage {
  events: StoredEvent[];
  errors: { line: number; reason: string }[];
}

/** A limit that is not a positive number asks for a whole page. */
export function parseExportEvents(message: Unchecked): Parsed<PayloadOf<UiMessages, 'exportEvents'>> {
  const limit = typeof message.limit === 'number' && message.limit > 0 ? Math.min(message.limit, MAX_PAGE) : MAX_PAGE;
  return accept({ after: position(message.after), limit });
}

/** Lines that are not a list read as none; a line without a number is reported as line 0. */
export function parseImportEvents(message: Unchecked, now = Date.now()): Parsed<ImportPage> {
  const lines = Array.isArray(message.lines) ? message.lines.slice(0, MAX_PAGE) : [];
  const errors: ImportPage['errors'] = [];
  const events: StoredEvent[] = [];
  for (const entry of lines as { line?: unknown; value?: unknown }[]) {
    const line = typeof entry?.line === 'number' ? entry.line : 0;
    const problem = storedEventProblem(entry?.value, now);
    if (problem) errors.push({ line, reason: problem });
    else events.push(pickStoredFields(entry.value as StoredEvent));
  }
  return accept({ events, errors });
}

/**
 * A site to delete, or null for everything (what the options page sends for "delete all"). Anything else is
 * refused: a malformed site must never read as "delete everything".
 */
export function parseDeleteData(message: Unchecked): Parsed<PayloadOf<UiMessages, 'deleteData'>> {
  if (message.site === null) return accept({ site: null });
  return typeof message.site === 'string' && message.site ? accept({ site: message.site }) : refuse('deleteData needs a site or null');
}

function position(value: unknown): EventPosition | null {
  const v = value as Partial<EventPosition> | null;
  return v && typeof v.time === 'number' && typeof v.id === 'string' ? { time: v.time, id: v.id } : null;
}
