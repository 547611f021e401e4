/**
 * The user's data end to end in Chromium: export from one profile, import into a fresh one, the same
 * table; malformed lines reported by number; a second import adds nothing; the page-address setting applied
 * at write time; deleting one site.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWithExtension } from '../scripts/launch-chromium.mjs';
import { visitBlog, visitNews } from '../scripts/visit.mjs';
import { EVENT_COLUMNS } from '../src/common/data-files/event-columns';
import { OptionsPage } from './pages/options-page';
import { PopupPage } from './pages/popup-page';
import { EXPECTED_VISIT } from './sites/expected';
import { expect, test } from './fixtures';
import { storedEvents } from './stored-events';

const withoutCurrent = (rows: Awaited<ReturnType<PopupPage['rows']>>) => rows.map(({ current: _, ...row }) => row);

test('an NDJSON export re-imported into a fresh profile reproduces the per-site table', async ({ context, page, popup, port, extensionId, serviceWorker }) => {
  await visitNews(page, port);
  await visitBlog(page, port);
  await expect(async () => {
    await popup.open();
    expect(withoutCurrent(await popup.rows())).toEqual(EXPECTED_VISIT);
  }).toPass({ timeout: 10_000 });
  const stored = await storedEvents(serviceWorker);

  const options = new OptionsPage(await context.newPage(), `chrome-extension://${extensionId}`);
  await options.open();
  const ndjsonPath = join(tmpdir(), `adtally-e2e-${process.pid}.ndjson`);
  await (await options.export('Events (NDJSON)')).saveAs(ndjsonPath);
  const lines = readFileSync(ndjsonPath, 'utf8').trimEnd().split('\n');
  expect(lines).toHaveLength(stored.length);
  expect(Object.keys(JSON.parse(lines[0]!) as object)).toEqual([...EVENT_COLUMNS]);

  const csv = readFileSync(await (await options.export('Events (CSV)')).path(), 'utf8').split('\r\n');
  expect(csv[0]).toBe(EVENT_COLUMNS.join(','));
  expect(csv.filter(Boolean)).toHaveLength(stored.length + 1);
  const aggregates = JSON.parse(readFileSync(await (await options.export('Totals and creatives (JSON)')).path(), 'utf8')) as {
    totals: { dimension: string; key: string; impressions: number }[];
    creatives: unknown[];
  };
  const newsImpressions = aggregates.totals.filter((t) => t.dimension === 'site' && t.key === 'news.test').reduce((n, t) => n + t.impressions, 0);
  expect(newsImpressions).toBe(EXPECTED_VISIT.find((r) => r.site === 'news.test')!.impressions);
  expect(aggregates.creatives.length).toBeGreaterThan(0);

  // A fresh profile: a second browser with AdTally and no data.
  const fresh = await launchWithExtension();
  try {
    const base = `chrome-extension://${fresh.extensionId}`;
    const freshOptions = new OptionsPage(await fresh.context.newPage(), base);
    await freshOptions.open();
    const first = await freshOptions.import(ndjsonPath);
    expect(first.result).toContain(`${stored.length} new events, 0 already stored, 0 lines skipped`);
    const freshPopup = new PopupPage(await fresh.context.newPage(), base);
    await freshPopup.open();
    expect(withoutCurrent(await freshPopup.rows())).toEqual(EXPECTED_VISIT);

    // The same file again adds nothing.
    await freshOptions.open();
    const second = await freshOptions.import(ndjsonPath);
    expect(second.result).toContain(`0 new events, ${stored.length} already stored`);

    // A damaged copy: bad lines are reported by number and skipped, the rest is already stored.
    const damaged = [...lines];
    damaged.splice(1, 0, '{"id": "broken", "type": ');
    damaged.splice(4, 0, JSON.stringify({ ...(JSON.parse(lines[3]!) as object), id: 'new-but-bad', kind: 'billboard' }));
    damaged.push(JSON.stringify({ ...(JSON.parse(lines[0]!) as object), id: 'brand-new-line' }));
    const damagedPath = join(tmpdir(), `adtally-e2e-${process.pid}-damaged.ndjson`);
    writeFileSync(damagedPath, damaged.join('\n'));
    await freshOptions.open();
    const third = await freshOptions.import(damagedPath);
    expect(third.result).toContain(`1 new events, ${stored.length} already stored, 2 lines skipped`);
    expect(third.skipped).toEqual(['Line 2: not valid JSON', 'Line 5: "kind" is not valid']);
    // The one new line counts once, on its site, in its column.
    const copied = JSON.parse(lines[0]!) as { site: string; type: 'impression' | 'viewable' | 'click' | 'dwell' };
    const column = ({ impression: 'impressions', viewable: 'viewable', click: 'clicks', dwell: null } as const)[copied.type];
    const expected = EXPECTED_VISIT.map((row) => (column && row.site === copied.site ? { ...row, [column]: row[column] + 1 } : row));
    await freshPopup.open();
    expect(withoutCurrent(await freshPopup.rows()).map(({ ctr: _, ...row }) => row)).toEqual(expected.map(({ ctr: _, ...row }) => row));
  } finally {
    await fresh.context.close();
  }
});

test('the page address is stored as the setting says, and one site can be deleted', async ({ context, page, port, extensionId, serviceWorker, popup }) => {
  const options = new OptionsPage(await context.newPage(), `chrome-extension://${extensionId}`);
  await options.open();
  await options.setPageAddress('site');
  await page.goto(`http://news.test:${port}/?utm_source=mail&user=42`);
  await expect.poll(async () => (await storedEvents(serviceWorker)).filter((e) => e.site === 'news.test').length).toBeGreaterThan(0);
  await options.setPageAddress('path');
  await page.goto(`http://news.test:${port}/?utm_source=mail&user=42#top`);
  await expect
    .poll(async () => (await storedEvents(serviceWorker)).filter((e) => e.site === 'news.test' && e.pageUrl).map((e) => e.pageUrl))
    .toContain(`http://news.test:${port}/`);
  await visitBlog(page, port);

  const events = await storedEvents(serviceWorker);
  const addresses = new Set(events.map((e) => e.pageUrl ?? null));
  // Site-only events have none; path events never keep the query; nothing holds the user id.
  expect(addresses.has(null)).toBe(true);
  for (const address of addresses) expect(address ?? '').not.toContain('user=42');

  await options.open();
  expect(await options.deleteSite('news.test')).toMatch(/^Deleted \d+ events of news\.test\.$/);
  expect((await storedEvents(serviceWorker)).filter((e) => e.site === 'news.test')).toEqual([]);
  await popup.open();
  expect((await popup.rows()).map((r) => r.site)).toEqual(['blog.test']);
});
