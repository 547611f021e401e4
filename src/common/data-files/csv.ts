/**
 * CSV export (RFC 4180: comma-separated, CRLF line ends, quotes doubled). Text cells that a spreadsheet
 * would run as a formula (beginning with =, +, -, @, or a tab or carriage return, as OWASP lists) get a
 * leading apostrophe: a page's ad text or URL must never execute in the researcher's spreadsheet.
 */
import type { StoredEvent } from '../types';
import { EVENT_COLUMNS, exportedEvent } from './event-columns';

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvHeader(): string {
  return `${EVENT_COLUMNS.join(',')}\r\n`;
}

export function csvRows(events: StoredEvent[]): string {
  let out = '';
  for (const event of events) out += `${Object.values(exportedEvent(event)).map(csvCell).join(',')}\r\n`;
  return out;
}
