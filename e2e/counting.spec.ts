/**
 * End to end in real Chromium: the built extension finds the fixture sites' ads, counts impressions and
 * clicks as docs/measurement.md defines them, stores them, and the popup shows exactly the expected table.
 */
import { visitBlog, visitNews } from '../scripts/visit.mjs';
import { EXPECTED_VISIT, NEVER_SITES } from './sites/expected';
import { expect, tabIdOf, test } from './fixtures';

test('a visit to two sites shows exact per-site counts in the popup', async ({ page, popup, port, serviceWorker }) => {
  await visitNews(page, port);
  await visitBlog(page, port);
  const tabId = await tabIdOf(serviceWorker, '*://blog.test/*');

  await expect(async () => {
    await popup.open(tabId);
    const rows = await popup.rows();
    expect(rows.map(({ current: _, ...row }) => row)).toEqual(EXPECTED_VISIT);
  }).toPass({ timeout: 10_000 });

  expect(await popup.headers()).toEqual(['Site', 'Impressions', 'Viewable', 'Clicks', 'CTR']);
  const rows = await popup.rows();
  expect(rows.filter((r) => r.current).map((r) => r.site)).toEqual(['blog.test']);
  for (const host of NEVER_SITES) expect(rows.map((r) => r.site)).not.toContain(host);
});
