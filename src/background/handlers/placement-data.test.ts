import { describe, expect, it, vi } from 'vitest';
import { parseDay } from '../../common/day';
import type { KeyStats } from '../../common/types';
import type { StoredEvent } from '../../common/types';
import { storedEvent, useFreshDb } from '../../test-support/fresh-db';
import { writeEvents } from '../db/events';
import { accepted } from '../parse/parsed';
import type { Unchecked } from '../parse/parsed';
import { parseGetPlacement } from '../parse/queries';
import { handleGetPlacement as getPlacement } from './placement-data';

// As the router delivers it: parsed, then handled.
const handleGetPlacement = (message: Unchecked) => getPlacement(accepted(parseGetPlacement(message)));

const db = useFreshDb();
vi.mock('../db/open', () => ({ getDb: () => Promise.resolve(db()) }));

function on(day: string, overrides: Partial<StoredEvent>): StoredEvent {
  return storedEvent({ day, time: parseDay(day).getTime() + 12 * 3600_000, ...overrides });
}

const rows = (stats: KeyStats[]) => stats.map((r) => [r.key, r.impressions, r.clicks, r.measured ?? 0, r.measuredViewable ?? 0]);

async function history() {
  const above = { fold: 'above', width: 300, height: 250 } as const;
  const below = { fold: 'below', width: 728, height: 90, site: 'blog.test' } as const;
  const card = { fold: 'below', width: 640, height: 160, kind: 'native' } as const;
  await writeEvents(db(), [
    on('2026-11-20', { ...above, type: 'measured', reached: 'viewable' }),
    on('2026-11-20', { ...above }),
    on('2026-11-20', { ...above, type: 'click' }),
    on('2026-11-20', { ...above, id: 'pv1:ad1:dwell', type: 'dwell', dwellMs: 12_000 }),
    on('2026-11-21', { ...below, type: 'measured', reached: 'measured' }),
    on('2026-11-21', { ...card, type: 'measured', reached: 'impression' }),
    on('2026-11-21', { ...card }),
    on('2026-11-21', { ...card, id: 'pv2:ad3:dwell', type: 'dwell', dwellMs: 600 }),
    // Stored before version 7: no fold.
    on('2026-11-10', { fold: undefined, width: 300, height: 250 }),
  ]);
}

describe('handleGetPlacement', () => {
  it('sums the range per fold, size and kind, and the time-in-view buckets, over every site', async () => {
    await history();
    const week = await handleGetPlacement({ days: { from: '2026-11-15', to: '2026-11-21' } });
    expect(rows(week.fold)).toEqual([
      ['above', 1, 1, 1, 1],
      ['below', 1, 0, 2, 0],
    ]);
    expect(rows(week.size)).toEqual([
      ['300x250', 1, 1, 1, 1],
      ['other', 1, 0, 1, 0],
      ['728x90', 0, 0, 1, 0],
    ]);
    expect(rows(week.kind)).toEqual([
      ['display', 1, 1, 2, 1],
      ['native', 1, 0, 1, 0],
    ]);
    expect(week.timeInView.map((r) => [r.key, r.impressions, r.dwellMs])).toEqual([
      ['0', 1, 600],
      ['10000', 1, 12_000],
    ]);
    expect(week.totals).toMatchObject({ impressions: 2, clicks: 1, dwellMs: 12_600, measured: 3 });
  });

  it('reads all time, where the fold of events stored before version 7 is unknown', async () => {
    await history();
    const all = await handleGetPlacement({});
    expect(rows(all.fold)).toEqual([
      ['above', 1, 1, 1, 1],
      ['', 1, 0, 0, 0],
      ['below', 1, 0, 2, 0],
    ]);
    expect(all.totals.impressions).toBe(3);
    expect((await handleGetPlacement({ days: { from: '2026-11-21', to: '2026-11-21' } })).timeInView.map((r) => r.key)).toEqual(['0']);
  });
});
