import type { DayRange } from './types';

/** The local calendar day of an epoch-millisecond time, as YYYY-MM-DD: the key of the daily aggregates. */
export function localDay(time: number): string {
  const d = new Date(time);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A local calendar day (YYYY-MM-DD) as the Date of its local midnight. */
export function parseDay(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y!, m! - 1, d!);
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The days a message asks for, keeping only well-formed ends (anything else is an open end). */
export function dayRange(value: unknown): DayRange {
  const range = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const days: DayRange = {};
  if (typeof range.from === 'string' && DAY.test(range.from)) days.from = range.from;
  if (typeof range.to === 'string' && DAY.test(range.to)) days.to = range.to;
  return days;
}
