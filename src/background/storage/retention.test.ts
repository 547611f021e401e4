import { describe, expect, it } from 'vitest';
import { storedEvent, useFreshDb } from '../../test-support/fresh-db';
import { writeEvents } from '../db/events';
import { readSiteTotals } from '../db/totals';
import { applyRetention } from './retention';

const db = useFreshDb();
const DAY = 24 * 3600_000;
const NOW = Date.UTC(2025, 9, 1, 12);

describe('applyRetention', () => {
  it('keeps everything when the limit is 0', async () => {
    await writeEvents(db(), [storedEvent({ time: NOW - 1000 * DAY })]);
    expect(await applyRetention(db(), 0, NOW)).toBe(0);
    expect(await db().count('events')).toBe(1);
  });

  it('deletes events older than the limit and takes them out of the totals', async () => {
    await writeEvents(db(), [
      storedEvent({ id: 'old', time: NOW - 31 * DAY, day: '2025-08-31' }),
      storedEvent({ id: 'edge', time: NOW - 30 * DAY + 1, day: '2025-09-01' }),
      storedEvent({ id: 'new', time: NOW - DAY, day: '2025-09-30', type: 'click' }),
    ]);
    expect(await applyRetention(db(), 30, NOW)).toBe(1);
    expect((await db().getAllKeys('events')).sort()).toEqual(['edge', 'new']);
    expect(await readSiteTotals(db())).toEqual([{ site: 'news.test', impressions: 1, viewable: 0, clicks: 1, dwellMs: 0 }]);
  });
});
