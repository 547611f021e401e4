/**
 * The options page in Chromium: tracking scope (only allowed sites counted), filter lists (a failed
 * "Update now" is reported and the bundled list stays), and the user's own rules (a "not an ad" rule saved
 * here changes what a later visit counts; a bad line is reported by its number and nothing is saved).
 */
import { readFileSync } from 'node:fs';
import { visitBlog, visitNews } from '../scripts/visit.mjs';
import type { FilterListInfo } from '../src/common/types';
import { OptionsPage } from './pages/options-page';
import { EXPECTED_VISIT } from './sites/expected';
import { expect, test } from './fixtures';
import { storedEvents } from './stored-events';

const counts = (events: Awaited<ReturnType<typeof storedEvents>>, site: string) => ({
  impressions: events.filter((e) => e.site === site && e.type === 'impression').length,
  clicks: events.filter((e) => e.site === site && e.type === 'click').length,
});

test('with only blog.test on the allow list, only blog.test is counted', async ({ context, page, port, extensionId, serviceWorker }) => {
  const options = new OptionsPage(await context.newPage(), `chrome-extension://${extensionId}`);
  await options.open();
  await options.setScope('allow');
  // A pasted address is filed under its registrable domain, the key events use.
  expect(await options.addSite('Allow list', 'http://www.blog.test/recipes?x=1')).toEqual(['blog.test']);
  expect(await options.addSite('Allow list', 'news.test')).toEqual(['blog.test', 'news.test']);
  await options.removeSite('news.test');
  await options.settingSaved('allowSites', ['blog.test']);
  await expect(options.addSite('Allow list', 'not a domain')).rejects.toThrow('is not a domain');

  await visitNews(page, port);
  await visitBlog(page, port);
  const blog = EXPECTED_VISIT.find((r) => r.site === 'blog.test')!;
  await expect.poll(async () => counts(await storedEvents(serviceWorker), 'blog.test')).toEqual({ impressions: blog.impressions, clicks: blog.clicks });
  expect((await storedEvents(serviceWorker)).filter((e) => e.site !== 'blog.test')).toEqual([]);
});

test('a failed "Update now" is shown in plain words and the bundled list stays in use', async ({ context, extensionId }) => {
  const [bundled] = JSON.parse(readFileSync(new URL('../dist/chromium/filters/lists.json', import.meta.url), 'utf8')) as FilterListInfo[];
  expect(bundled, 'the build bundled no filter list').toBeDefined();
  const options = new OptionsPage(await context.newPage(), `chrome-extension://${extensionId}`);
  await options.open();
  const shown = { name: 'EasyList', version: bundled!.version, rules: `${bundled!.cosmeticFilters.toLocaleString('en-US')} element rules` };
  expect(await options.filterLists()).toEqual([expect.objectContaining({ ...shown, source: `Built into AdTally, from ${bundled!.source}` })]);

  // No test traffic leaves the machine: the download fails.
  const result = await options.updateFilterListsNow();
  expect(result).toContain('Could not update.');
  expect(result).toContain(`AdTally keeps using EasyList ${bundled!.version}.`);
  expect(await options.filterLists()).toEqual([expect.objectContaining(shown)]);
  await options.open();
  expect(await options.filterLists()).toEqual([expect.objectContaining(shown)]);
  // Reopened later, the page still says the last download failed and why.
  await expect(options.page.getByTestId('last-refresh')).toHaveText(/^Last download \(Update now\): .+, failed\. .+ The list above stays in use\.$/);

  // The weekly switch is the filterListUpdates setting.
  await options.setWeeklyListUpdates(false);
  await options.open();
  await expect(options.page.getByLabel('Download the lists again every week')).not.toBeChecked();
});

test('a "not an ad" rule saved here removes that ad from a later visit; a bad line is reported by number', async ({ context, page, port, extensionId, serviceWorker }) => {
  const options = new OptionsPage(await context.newPage(), `chrome-extension://${extensionId}`);
  await options.open();
  const rule = 'news.test#@#.ad-unit.house';

  // A bad line: reported by number, nothing saved.
  const refused = await options.saveUserRules(`! my corrections\n${rule}\nnews.test##div[\nplain words\n`);
  expect(refused.result).toBe('Not saved: 2 lines need fixing.');
  expect(refused.errors).toEqual(['Line 3: "div[" is not a valid CSS selector', 'Line 4: not a rule: write domain##selector (an ad) or domain#@#selector (not an ad)']);
  expect(await options.storedUserRules()).toBeUndefined();

  const saved = await options.saveUserRules(`! my corrections\n${rule}\n`);
  expect(saved).toEqual({ result: 'Saved. Pages opened from now on use these rules.', errors: [] });
  expect(await options.storedUserRules()).toBe(`! my corrections\n${rule}\n`);
  await options.open();
  expect(await options.userRules()).toBe(`! my corrections\n${rule}\n`);

  // The visit clicks the house ad too: neither its impression nor its click counts; the other ads do.
  await visitNews(page, port);
  const news = EXPECTED_VISIT.find((r) => r.site === 'news.test')!;
  await expect.poll(async () => counts(await storedEvents(serviceWorker), 'news.test')).toEqual({ impressions: news.impressions - 1, clicks: news.clicks - 1 });
  await page.waitForTimeout(2500); // more than the outbox's 1 s flush: nothing late arrives
  const events = await storedEvents(serviceWorker);
  expect(counts(events, 'news.test')).toEqual({ impressions: news.impressions - 1, clicks: news.clicks - 1 });
  expect(events.filter((e) => (e.landingUrl ?? '').includes('utm_source=house'))).toEqual([]);

  // The rules travel with the aggregates export.
  const file = JSON.parse(readFileSync(await (await options.export('Totals and creatives (JSON)')).path(), 'utf8')) as { userRules?: string };
  expect(file.userRules).toBe(`! my corrections\n${rule}\n`);
});
