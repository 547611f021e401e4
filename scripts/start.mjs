/**
 * `npm start`: builds AdTally, serves the bundled demo sites (e2e/sites) on 127.0.0.1 and launches Chromium
 * with AdTally loaded.
 *  - With a display (and no --headless): a real window opens on the demo news site; browse, then click the
 *    AdTally toolbar icon to see the counts. Close the window (or press Ctrl+C) to stop.
 *  - Without a display, or with --headless: a scripted visit scrolls the demo sites and clicks two ads, then
 *    the per-site table the popup shows is printed and a screenshot of the popup is saved.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startFixtureServer } from './fixture-server.mjs';
import { launchWithExtension } from './launch-chromium.mjs';
import { visitBlog, visitNews } from './visit.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
const screenshotPath = `${root}adtally-popup.png`;

const build = spawnSync('node', ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const server = await startFixtureServer();
const demoUrl = `http://news.test:${server.port}/`;
let launched;
try {
  // In a window, the welcome tab stays open as it does for a new user; a scripted visit starts without it.
  launched = await launchWithExtension({ headless, welcomeTab: headless ? 'close' : 'keep' });
} catch (error) {
  console.error(`\n${error.message}`);
  await server.close();
  process.exit(1);
}
const { context, extensionId, worker } = launched;
const page = context.pages()[0] ?? (await context.newPage());

if (!headless) {
  await page.goto(demoUrl);
  console.log(`\nAdTally is running in Chromium on the demo site ${demoUrl}`);
  console.log(`Other demo sites: http://blog.test:${server.port}/ . Click the AdTally icon (puzzle menu) to see the counts.`);
  console.log('Close the browser window or press Ctrl+C to stop.');
  const stop = async () => {
    await context.close().catch(() => {});
    await server.close();
    process.exit(0);
  };
  context.on('close', stop);
  process.on('SIGINT', stop);
} else {
  console.log(`\nNo display (or --headless): making a scripted visit to ${demoUrl} and http://blog.test:${server.port}/ …`);
  await visitNews(page, server.port);
  await visitBlog(page, server.port);
  const tabId = await worker.evaluate(async () => {
    const api = globalThis.chrome;
    return (await api.tabs.query({ url: '*://blog.test/*' }))[0]?.id ?? null;
  });
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 480, height: 200 });
  await popup.waitForTimeout(1500); // let the last batch (flushed every second) reach the database
  await popup.goto(`chrome-extension://${extensionId}/popup.html${tabId ? `?tab=${tabId}` : ''}`);
  await popup.locator('table.stats, p.note').first().waitFor();
  const table = await popup.evaluate(() =>
    [...document.querySelectorAll('table.stats tr')].map((tr) => [...tr.children].map((c) => c.textContent.trim())),
  );
  console.log('\nWhat the AdTally popup shows (the current tab is blog.test):\n');
  printTable(table);
  await popup.screenshot({ path: screenshotPath, fullPage: true });
  console.log(`\nScreenshot of the popup: ${screenshotPath}`);
  await context.close();
  await server.close();
}

function printTable(rows) {
  if (rows.length === 0) return console.log('  (no ads counted)');
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  for (const [n, row] of rows.entries()) {
    console.log(`  ${row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ')}`);
    if (n === 0) console.log(`  ${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  }
}
