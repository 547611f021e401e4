/**
 * Regenerates the README's screenshots from the built extension (npm run screenshots): the popup after the
 * scripted demo visit, the on-page audit on news.test, the options page, the dashboard (with its
 * impressions-vs-CTR chart and placement panels) over a generated month of browsing (bench/lib/event-file.mjs,
 * imported through the options page) with one advertiser on "My ads", and the dashboard's creatives gallery
 * for news.test. Each is saved in light mode to docs/images/, and in dark mode to adtally-screenshots/ in the
 * system's temporary folder (for review, not committed); look at every one before committing it.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeEventFile } from '../bench/lib/event-file.mjs';
import { startFixtureServer } from './fixture-server.mjs';
import { launchWithExtension } from './launch-chromium.mjs';
import { visitBlog, visitNews } from './visit.mjs';

const out = fileURLToPath(new URL('../docs/images/', import.meta.url));
const darkOut = join(os.tmpdir(), 'adtally-screenshots/');
mkdirSync(out, { recursive: true });
mkdirSync(darkOut, { recursive: true });

/** A screenshot in light mode for the README, and the same in dark mode for review. */
async function shoot(page, name, options = {}) {
  await page.screenshot({ path: `${out}${name}.png`, ...options });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `${darkOut}${name}-dark.png`, ...options });
  await page.emulateMedia({ colorScheme: 'light' });
  console.log(`docs/images/${name}.png, ${darkOut}${name}-dark.png`);
}
/** The dashboard's cards with these headings, together: the page at its top, clipped to their box. */
async function shootPanels(page, name, headingIds) {
  await page.evaluate(() => window.scrollTo(0, 0));
  const boxes = await Promise.all(headingIds.map((id) => page.locator(`section[aria-labelledby="${id}"]`).boundingBox()));
  const x = Math.min(...boxes.map((b) => b.x)) - 8;
  const y = Math.min(...boxes.map((b) => b.y)) - 8;
  const bottom = Math.max(...boxes.map((b) => b.y + b.height)) + 8;
  const right = Math.max(...boxes.map((b) => b.x + b.width)) + 8;
  await shoot(page, name, { fullPage: true, clip: { x, y, width: right - x, height: bottom - y } });
}

const server = await startFixtureServer();
const { context, extensionId, worker } = await launchWithExtension();
const base = `chrome-extension://${extensionId}`;
const tabIdOf = (pattern) => worker.evaluate(async (p) => (await chrome.tabs.query({ url: p }))[0]?.id ?? null, pattern);
try {
  const page = context.pages()[0] ?? (await context.newPage());

  // The first run, before anything is counted: the popup on a page without ads, then the welcome page
  // (opened on install; launchWithExtension closed that tab, so it is opened again here).
  await page.goto(`http://news.test:${server.port}/no-such-page.html`);
  const firstRun = await context.newPage();
  await firstRun.setViewportSize({ width: 480, height: 200 });
  await firstRun.goto(`${base}/popup.html?tab=${await tabIdOf('*://news.test/*')}`);
  await firstRun.getByTestId('empty-state').waitFor();
  await shoot(firstRun, 'popup-first-run', { fullPage: true });
  await firstRun.setViewportSize({ width: 900, height: 900 });
  await firstRun.goto(`${base}/welcome.html`);
  await firstRun.getByTestId('definitions').waitFor();
  await shoot(firstRun, 'welcome', { fullPage: true });
  await firstRun.close();

  await visitBlog(page, server.port);
  await visitNews(page, server.port);
  await page.waitForTimeout(1500);
  const newsTab = await tabIdOf('*://news.test/*');

  // The popup, for the news.test tab.
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 480, height: 200 });
  await popup.goto(`${base}/popup.html?tab=${newsTab}`);
  await popup.locator('table.stats').waitFor();
  await shoot(popup, 'popup', { fullPage: true });

  // The audit on news.test, turned on with the popup's switch, scrolled to the first ads.
  await popup.getByLabel('Audit this page', { exact: false }).check();
  await page.bringToFront();
  await page.setViewportSize({ width: 1100, height: 760 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.locator('adtally-audit').locator('.box').first().waitFor();
  await page.waitForTimeout(800);
  await shoot(page, 'audit');

  const options = await context.newPage();
  await options.setViewportSize({ width: 900, height: 900 });
  await options.goto(`${base}/options.html`);
  await options.getByRole('heading', { name: 'Your data' }).waitFor();
  await options.waitForTimeout(500);
  await shoot(options, 'options', { fullPage: true });

  // A month of browsing, imported as a person would, then the dashboard with the top advertiser watched.
  const dir = mkdtempSync(join(os.tmpdir(), 'adtally-screens-'));
  const file = join(dir, 'month.ndjson');
  await writeEventFile(file, { count: 20_000, days: 30 }); // ends today
  await options.locator('input[type=file]').setInputFiles(file);
  await options.getByTestId('data-result').filter({ hasText: /Imported|failed/ }).waitFor({ timeout: 300_000 });
  rmSync(dir, { recursive: true, force: true });

  const dashboard = await context.newPage();
  await dashboard.setViewportSize({ width: 1200, height: 900 });
  await dashboard.goto(`${base}/dashboard.html?range=30d`);
  const topAdvertiser = dashboard.locator('section.card', { has: dashboard.getByRole('heading', { name: 'Top advertisers' }) }).locator('tbody th:not(.unknown)').first();
  const watched = (await topAdvertiser.textContent()).trim();
  await dashboard.getByLabel('Advertiser domain').fill(watched);
  await dashboard.getByRole('button', { name: 'Watch', exact: true }).click();
  await dashboard.getByTestId('watch-sites').waitFor().catch(async (error) => {
    await dashboard.screenshot({ path: join(os.tmpdir(), 'dashboard-failed.png'), fullPage: true });
    throw error;
  });
  await dashboard.locator('[data-testid="daily-chart"][data-ready="true"]').waitFor({ timeout: 15_000 });
  await dashboard.waitForTimeout(500);
  // The top of the page (My ads, the chart, the tables): the whole page with its two galleries is over 10,000 px.
  const width = await dashboard.evaluate(() => document.documentElement.scrollWidth);
  await shoot(dashboard, 'dashboard', { fullPage: true, clip: { x: 0, y: 0, width, height: 3200 } });
  console.log(`docs/images/dashboard.png (watching ${watched})`);
  await shootPanels(dashboard, 'dashboard-placement', ['time-in-view-title', 'placement-title']);

  // Impressions vs CTR over the same month, advertisers, the watched one drawn on top (README, "Dashboard").
  const insight = dashboard.locator('section.insight');
  await insight.getByRole('button', { name: 'Advertisers', exact: true }).click();
  await dashboard.evaluate(() => window.scrollTo(0, 0));
  await shoot(dashboard, 'insight', { fullPage: true, clip: await insight.boundingBox() });

  // The creatives gallery of news.test (docs/dashboard.md, "Creatives"): the demo visit's ads, with their pictures.
  await dashboard.goto(`${base}/dashboard.html?range=30d&site=news.test`);
  const gallery = dashboard.getByTestId('creatives-gallery');
  await gallery.locator('.creative-card').first().waitFor();
  await dashboard.locator('main[aria-busy="false"]').waitFor();
  // At the top of the page the element's box is in page coordinates, which a full-page clip takes.
  await dashboard.evaluate(() => window.scrollTo(0, 0));
  const box = await gallery.boundingBox();
  await shoot(dashboard, 'gallery', { clip: { ...box, height: Math.min(box.height, 1000) }, fullPage: true });
} finally {
  await context.close();
  await server.close();
}
