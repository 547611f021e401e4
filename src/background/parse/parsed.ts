/**
 * What a route's `parse` gives: the typed payload, or why the message was refused. Parsers read the message as
 * it arrived (`{type, ...payload}`, any field missing or of any type) and use no extension API, so Vitest
 * drives them without webextension-polyfill (docs/architecture.md, "Distrust senders").
 */
export type Parsed<T> = { ok: true; payload: T } | { ok: false; reason: string };

/** A message as it arrived: an object whose fields nothing has checked yet. */
export type Unchecked = Record<string, unknown>;

export const accept = <T>(payload: T): Parsed<T> => ({ ok: true, payload });
export const refuse = (reason: string): Parsed<never> => ({ ok: false, reason });

/** A whole number from `min` up, more than `max` cut to it; anything else reads as `fallback` (a UI query's lenient field). */
export const wholeNumberOf = (value: unknown, min: number, fallback: number, max: number): number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min ? Math.min(value, max) : fallback;

/** The payload of a parse that accepted, for callers (tests) that know it does; a refusal throws its reason. */
export function accepted<T>(parsed: Parsed<T>): T {
  if (!parsed.ok) throw new Error(`AdTally: refused: ${parsed.reason}`);
  return parsed.payload;
}
