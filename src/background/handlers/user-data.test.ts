import { describe, expect, it, vi } from 'vitest';
import { storedEvent, useFreshDb } from '../../test-support/fresh-db';
import { readSiteTotals } from '../db/totals';
import { accepted } from '../parse/parsed';
import type { Unchecked } from '../parse/parsed';
import { parseDeleteData, parseExportEvents, parseImportEvents } from '../parse/user-data';
import { handleDeleteData as deleteData, handleExportEvents as exportEvents, handleImportEvents as importEvents } from './user-data';

// Each message as the router delivers it: parsed (parse/user-data.ts), then handled.
const handleImportEvents = (message: Unchecked) => importEvents(accepted(parseImportEvents(message)));
const handleExportEvents = (message: Unchecked) => exportEvents(accepted(parseExportEvents(message)));
const handleDeleteData = (message: Unchecked) => deleteData(accepted(parseDeleteData(message)));

const db = useFreshDb();
vi.mock('../db/open', () => ({ getDb: () => Promise.resolve(db()) }));

const numbered = (values: unknown[]) => values.map((value, i) => ({ line: i + 1, value }));

describe('handleImportEvents', () => {
  it('stores valid lines, reports every bad one by its line number, and skips it', async () => {
    const good = [storedEvent({ id: 'g1' }), storedEvent({ id: 'g2', type: 'click', site: 'blog.test' })];
    const { site: _, ...noSite } = storedEvent({ id: 'bad1' });
    const result = await handleImportEvents({
      lines: numbered([good[0], noSite, { ...storedEvent({ id: 'bad2' }), type: 'hover' }, 'text', good[1], { ...storedEvent({ id: 'bad3' }), day: '2025-13-01' }]),
    });
    expect(result).toEqual({
      added: 2,
      alreadyStored: 0,
      errors: [
        { line: 2, reason: '"site" is missing' },
        { line: 3, reason: '"type" is not valid' },
        { line: 4, reason: 'not a JSON object' },
        { line: 6, reason: '"day" is not valid' },
      ],
    });
    expect((await db().getAll('events')).map((e) => e.id).sort()).toEqual(['g1', 'g2']);
  });

  it('adds nothing the second time, and changes nothing already stored', async () => {
    const lines = numbered([storedEvent({ id: 'a' }), storedEvent({ id: 'b', type: 'viewable' })]);
    await handleImportEvents({ lines });
    const before = { events: await db().getAll('events'), totals: await db().getAll('totals') };
    expect(await handleImportEvents({ lines })).toEqual({ added: 0, alreadyStored: 2, errors: [] });
    const changed = numbered([{ ...storedEvent({ id: 'a' }), type: 'click', site: 'other.test' }]);
    expect(await handleImportEvents({ lines: changed })).toMatchObject({ added: 0, alreadyStored: 1 });
    expect({ events: await db().getAll('events'), totals: await db().getAll('totals') }).toEqual(before);
  });

  it('drops fields the format does not define', async () => {
    await handleImportEvents({ lines: numbered([{ ...storedEvent({ id: 'x' }), secret: 'cookie=1' }]) });
    expect(await db().get('events', 'x')).not.toHaveProperty('secret');
  });

  it('ignores a payload that is not a list', async () => {
    expect(await handleImportEvents({ lines: 'nope' })).toEqual({ added: 0, alreadyStored: 0, errors: [] });
  });
});

describe('export and import round trip', () => {
  it('reproduces the per-site table in a fresh database', async () => {
    const { writeEvents } = await import('../db/events');
    await writeEvents(db(), [
      storedEvent({ site: 'a.test' }),
      storedEvent({ site: 'a.test', type: 'viewable' }),
      storedEvent({ site: 'b.test', type: 'click' }),
      storedEvent({ site: 'b.test', type: 'dwell', id: 'pv:1:dwell', dwellMs: 900 }),
    ]);
    const exported = [];
    let after: unknown = null;
    for (;;) {
      const page = await handleExportEvents({ after, limit: 3 });
      expect(page.total).toBe(4);
      exported.push(...page.events);
      if (!page.next) break;
      after = page.next;
    }
    const table = await readSiteTotals(db());
    await handleDeleteData({ site: null });
    expect(await readSiteTotals(db())).toEqual([]);
    const lines = numbered(JSON.parse(JSON.stringify(exported)) as unknown[]);
    expect(await handleImportEvents({ lines })).toEqual({ added: 4, alreadyStored: 0, errors: [] });
    expect(await readSiteTotals(db())).toEqual(table);
  });
});

describe('handleDeleteData', () => {
  it('deletes one site and reports how many events went', async () => {
    await handleImportEvents({ lines: numbered([storedEvent({ site: 'a.test' }), storedEvent({ site: 'a.test' }), storedEvent({ site: 'b.test' })]) });
    expect(await handleDeleteData({ site: 'a.test' })).toEqual({ deleted: 2 });
    expect((await readSiteTotals(db())).map((r) => r.site)).toEqual(['b.test']);
    expect(await handleDeleteData({ site: null })).toEqual({ deleted: 1 });
    expect(await db().count('totals')).toBe(0);
  });
});
