/**
 * Regenerates the README's screenshots from the built extension (npm run screenshots): the popup after the
 * scripted demo visit, the on-page audit on news.test, the options page and, when built, the dashboard.
 * Each is saved in light mode to docs/images/; look at every one before committing it.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startFixtureServer } from './fixture-server.mjs';
import { EXTENSION_DIR, launchWithExtension } from './launch-chromium.mjs';
import { visitBlog, visitNews } from './visit.mjs';

const out = fileURLToPath(new URL('../docs/images/', import.meta.url));
mkdirSync(out, { recursive: true });
const server = await startFixtureServer();
const { context, extensionId, worker } = await launchWithExtension();
const base = `chrome-extension://${extensionId}`;
const tabIdOf = (pattern) => worker.evaluate(async (p) => (await chrome.tabs.query({ url: p }))[0]?.id ?? null, pattern);
try {
  const page = context.pages()[0] ?? (await context.newPage());
  await visitBlog(page, server.port);
  await visitNews(page, server.port);
  await page.waitForTimeout(1500);
  const newsTab = await tabIdOf('*://news.test/*');

  // The popup, for the news.test tab.
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 480, height: 200 });
  await popup.goto(`${base}/popup.html?tab=${newsTab}`);
  await popup.locator('table.stats').waitFor();
  await popup.screenshot({ path: `${out}popup.png`, fullPage: true });
  console.log('docs/images/popup.png');

  // The audit on news.test, turned on with the popup's switch, scrolled to the first ads.
  await popup.getByLabel('Audit this page', { exact: false }).check();
  await page.bringToFront();
  await page.setViewportSize({ width: 1100, height: 760 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.locator('adtally-audit').locator('.box').first().waitFor();
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${out}audit.png` });
  console.log('docs/images/audit.png');

  const options = await context.newPage();
  await options.setViewportSize({ width: 900, height: 900 });
  await options.goto(`${base}/options.html`);
  await options.getByRole('heading', { name: 'Your data' }).waitFor();
  await options.waitForTimeout(500);
  await options.screenshot({ path: `${out}options.png`, fullPage: true });
  console.log('docs/images/options.png');

  if (existsSync(`${EXTENSION_DIR}/dashboard.html`)) {
    const dashboard = await context.newPage();
    await dashboard.setViewportSize({ width: 1200, height: 900 });
    await dashboard.goto(`${base}/dashboard.html`);
    await dashboard.locator('[data-ready="true"]').first().waitFor({ timeout: 15_000 });
    await dashboard.waitForTimeout(500);
    await dashboard.screenshot({ path: `${out}dashboard.png`, fullPage: true });
    console.log('docs/images/dashboard.png');
  }
} finally {
  await context.close();
  await server.close();
}
