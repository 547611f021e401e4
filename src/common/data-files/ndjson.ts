/**
 * NDJSON export and import: one event per line as a JSON object, keys in column order. The import reads a
 * file of any size a chunk at a time and reports every line it cannot use by its number.
 */
import type { StoredEvent } from '../types';
import { exportedEvent } from './event-columns';

export function ndjsonLines(events: StoredEvent[]): string {
  let out = '';
  for (const event of events) out += `${JSON.stringify(exportedEvent(event))}\n`;
  return out;
}

export interface ParsedLine {
  /** 1-based line number in the file. */
  line: number;
  value: unknown;
}

export interface LineError {
  line: number;
  reason: string;
}

/**
 * Splits text that arrives in pieces into numbered lines and parses each as JSON. Blank lines are skipped;
 * a line that is not JSON becomes an error. A line cut between two pieces is completed by the next one.
 */
export class NdjsonReader {
  private rest = '';
  private lineNumber = 0;

  push(text: string): { lines: ParsedLine[]; errors: LineError[] } {
    const parts = (this.rest + text).split('\n');
    this.rest = parts.pop() ?? '';
    return this.parse(parts);
  }

  /** The last line, when the file does not end with a newline. */
  end(): { lines: ParsedLine[]; errors: LineError[] } {
    const last = this.rest;
    this.rest = '';
    return this.parse(last ? [last] : []);
  }

  private parse(texts: string[]): { lines: ParsedLine[]; errors: LineError[] } {
    const lines: ParsedLine[] = [];
    const errors: LineError[] = [];
    for (const raw of texts) {
      this.lineNumber++;
      const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (text.trim() === '') continue;
      try {
        lines.push({ line: this.lineNumber, value: JSON.parse(text) as unknown });
      } catch {
        errors.push({ line: this.lineNumber, reason: 'not valid JSON' });
      }
    }
    return { lines, errors };
  }
}
