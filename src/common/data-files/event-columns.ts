import { EVENT_FIELD_NAMES } from '../event-fields';
import type { EventFieldName } from '../event-fields';
import type { StoredEvent } from '../types';

/**
 * The fields of an exported event, in file order (CSV columns, NDJSON keys): the event field table's
 * (common/event-fields.ts). docs/data-format.md documents each; an import needs all of them.
 */
export const EVENT_COLUMNS: readonly EventFieldName[] = EVENT_FIELD_NAMES;

/** An event with every exported field present, in column order; events stored before version 4 have no page address. */
export function exportedEvent(event: StoredEvent): Record<EventFieldName, unknown> {
  const source = event as unknown as Record<string, unknown>;
  return Object.fromEntries(EVENT_COLUMNS.map((c) => [c, source[c] ?? (c === 'dwellMs' ? 0 : null)])) as Record<EventFieldName, unknown>;
}
