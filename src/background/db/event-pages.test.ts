import { describe, expect, it } from 'vitest';
import { storedEvent, useFreshDb } from '../../test-support/fresh-db';
import { readEventPage } from './event-pages';
import { writeEvents } from './events';

const db = useFreshDb();

describe('readEventPage', () => {
  it('pages through every event once, in time order, even when many share one millisecond', async () => {
    const events = [
      ...Array.from({ length: 23 }, (_, i) => storedEvent({ id: `same-${String(i).padStart(2, '0')}`, time: 2_000_000_000_000 })),
      ...Array.from({ length: 17 }, (_, i) => storedEvent({ id: `later-${i}`, time: 2_000_000_000_000 + 1 + i })),
      storedEvent({ id: 'first', time: 1_999_999_999_000 }),
    ];
    await writeEvents(db(), events);
    const seen: string[] = [];
    let after = null;
    let pages = 0;
    for (;;) {
      const page = await readEventPage(db(), after, 7);
      seen.push(...page.events.map((e) => e.id));
      pages++;
      if (!page.next) break;
      after = page.next;
    }
    expect(seen).toHaveLength(41);
    expect(new Set(seen).size).toBe(41);
    expect(seen[0]).toBe('first');
    const times = seen.map((id) => events.find((e) => e.id === id)!.time);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(pages).toBe(6);
  });

  it('returns an empty last page for an empty database', async () => {
    expect(await readEventPage(db(), null, 10)).toEqual({ events: [], next: null });
  });
});
