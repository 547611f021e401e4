/**
 * A large import through the options page in Chromium: the page shows how far it has got (events done of
 * the file's, the rate, the time left) while it runs, and the database ends up with exactly the file's
 * events, each counted once in the aggregates, a repeated line skipped as already stored and a bad line
 * rejected by its number.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportedEvent } from '../src/common/data-files/event-columns';
import type { StoredEvent } from '../src/common/types';
import { storedEvent } from '../src/test-support/sample-events';
import { OptionsPage } from './pages/options-page';
import { expect, test } from './fixtures';
import { storedEvents } from './stored-events';

/** Several messages' worth of lines (5,000 each), so the page hears back mid-file and can time the rest. */
const EVENTS = 25_000;
const TYPES = ['impression', 'viewable', 'measured', 'dwell', 'click'] as const;

/** A month of events over 40 sites and 300 advertisers, every field drawn from the line's number. */
function fileEvents(): StoredEvent[] {
  return Array.from({ length: EVENTS }, (_, i) => {
    const type = TYPES[i % TYPES.length]!;
    const day = 1 + (Math.floor(i / 850) % 30);
    return storedEvent({
      id: `import-${i}`,
      type,
      time: Date.UTC(2026, 10, day, 12, 0, i % 60),
      day: `2026-11-${String(day).padStart(2, '0')}`,
      site: `site${(i * 7) % 40}.test`,
      advertiser: i % 4 === 0 ? null : `brand${(i * 13) % 300}.example`,
      fingerprint: `fp-${(i * 31) % 900}`,
      dwellMs: type === 'dwell' ? 1000 + (i % 20) * 700 : 0,
      reached: type === 'measured' ? (['viewable', 'impression', null] as const)[i % 3]! : null,
    });
  });
}

test('a large import shows its progress, rate and time left, and stores exactly the file’s events', async ({ context, extensionId, serviceWorker }) => {
  const events = fileEvents();
  const lines = events.map((e) => JSON.stringify(exportedEvent(e)));
  // Line 101 repeats line 1 (already stored once the first is), line 202 is not an event.
  lines.splice(100, 0, lines[0]!);
  lines.splice(201, 0, '{"id": "half a line"');
  const path = join(tmpdir(), `adtally-e2e-${process.pid}-import-progress.ndjson`);
  writeFileSync(path, `${lines.join('\n')}\n`);

  const options = new OptionsPage(await context.newPage(), `chrome-extension://${extensionId}`);
  await options.open();
  // Every text the progress line shows, as it changes: the import may finish between two polls of a test.
  await options.page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid=task-progress]')?.textContent;
      if (text && text !== seen.at(-1)) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });

  const { result, skipped } = await options.import(path);
  expect(result).toMatch(new RegExp(`: ${EVENTS} new events, 1 already stored, 1 lines skipped, in .+ \\([\\d,]+ events/s\\)\\.$`));
  expect(skipped).toEqual(['Line 202: not valid JSON']);

  const seen = await options.page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
  const shape = /^([\d,]+) of (about )?([\d,]+) events( · ([\d,]+) events\/s · about (.+) left)?$/;
  for (const text of seen) expect(text).toMatch(shape);
  const parsed = seen.map((text) => shape.exec(text)!).map((m) => ({ done: Number(m[1]!.replaceAll(',', '')), total: Number(m[3]!.replaceAll(',', '')), timed: !!m[4] }));
  // Once the first lines are answered the page knows a rate and says how long the rest will take.
  expect(parsed.some((p) => p.timed && p.done > 0 && p.done < lines.length)).toBe(true);
  // Done only grows, and the last word is the whole file.
  for (let i = 1; i < parsed.length; i++) expect(parsed[i]!.done).toBeGreaterThanOrEqual(parsed[i - 1]!.done);
  expect(parsed.at(-1)).toMatchObject({ done: lines.length, total: lines.length });

  // Exactly the file's events, once each, and the aggregates sum them.
  const stored = await storedEvents(serviceWorker);
  expect(stored.length).toBe(EVENTS);
  expect(new Set(stored.map((e) => e.id))).toEqual(new Set(events.map((e) => e.id)));
  const allTime = await serviceWorker.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('adtally');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const rows = await new Promise<{ dimension: string; key: string; impressions: number; viewable: number; clicks: number; dwellMs: number; measured?: number }[]>((resolve, reject) => {
      const req = db.transaction('allTime').objectStore('allTime').getAll();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return rows;
  });
  const count = (type: string) => events.filter((e) => e.type === type).length;
  expect(allTime.find((r) => r.dimension === 'all')).toMatchObject({
    impressions: count('impression'),
    viewable: count('viewable'),
    clicks: count('click'),
    measured: count('measured'),
    dwellMs: events.reduce((sum, e) => sum + e.dwellMs, 0),
  });
  const siteRows = allTime.filter((r) => r.dimension === 'site');
  expect(siteRows).toHaveLength(40);
  for (const row of siteRows) expect(row.impressions).toBe(events.filter((e) => e.site === row.key && e.type === 'impression').length);
});
