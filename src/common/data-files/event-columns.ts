import type { StoredEvent } from '../types';

/**
 * The fields of an exported event, in file order (CSV columns, NDJSON keys). docs/data-format.md documents
 * each; an import needs all of them.
 */
export const EVENT_COLUMNS = [
  'id',
  'type',
  'time',
  'day',
  'site',
  'pageUrl',
  'pageViewId',
  'adId',
  'rule',
  'kind',
  'network',
  'width',
  'height',
  'inFrame',
  'inferred',
  'focused',
  'dwellMs',
  'fingerprint',
  'landingUrl',
  'advertiser',
] as const satisfies readonly (keyof StoredEvent)[];

/** An event with every exported field present, in column order; events stored before version 4 have no page address. */
export function exportedEvent(event: StoredEvent): Record<(typeof EVENT_COLUMNS)[number], unknown> {
  const source = event as unknown as Record<string, unknown>;
  return Object.fromEntries(EVENT_COLUMNS.map((c) => [c, source[c] ?? (c === 'dwellMs' ? 0 : null)])) as Record<(typeof EVENT_COLUMNS)[number], unknown>;
}
