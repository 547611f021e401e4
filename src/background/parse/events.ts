import type { AdEvent } from '../../common/types';
import { isValidEvent, MAX_BATCH, shortenOverlong } from '../validate';
import { accept } from './parsed';
import type { Parsed, Unchecked } from './parsed';

/**
 * A batch from a top frame's outbox, checked event by event: one bad event is refused by its id, and the rest of
 * the batch is kept (the outbox forgets both).
 */
export interface EventBatch {
  events: AdEvent[];
  /** Ids of the events that failed validation and will never be stored. */
  rejected: string[];
}

/**
 * Cuts over-long values first (validate.ts, the one place they are cut, so such events are kept), then checks
 * each event. Asynchronous only because a cut value keeps a SHA-256 of the whole. Never refuses the batch: a
 * payload without a list is an empty batch. `now` is read after the cuts when not given.
 */
export async function parseEvents(message: Unchecked, now?: number): Promise<Parsed<EventBatch>> {
  const events: unknown[] = Array.isArray(message.events) ? await Promise.all(message.events.slice(0, MAX_BATCH).map(shortenOverlong)) : [];
  const at = now ?? Date.now();
  const valid = events.filter((e): e is AdEvent => isValidEvent(e, at));
  const validSet = new Set<unknown>(valid);
  const rejected = events
    .filter((e) => !validSet.has(e))
    .map((e) => (e as { id?: unknown })?.id)
    .filter((id): id is string => typeof id === 'string');
  return accept({ events: valid, rejected });
}

/** Every id of a batch, for when none of it will be stored (a sender that is no top document, a paused site). */
export function everyId(batch: EventBatch): string[] {
  return [...batch.events.map((e) => e.id), ...batch.rejected];
}
