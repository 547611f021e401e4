/**
 * The toolbar badge as a person sees it (docs/images/badge.png): a headless browser draws no toolbar, so this
 * runs a headed Chromium on a virtual X display (Debian's `xvfb`) and grabs the screen with ImageMagick's
 * `import` (Debian's `imagemagick`), with AdTally pinned to the toolbar. A documentation tool only; the
 * tests prove the badge's number through `action.getBadgeText` (e2e/badge.spec.ts).
 *
 *   sudo apt-get install -y xvfb imagemagick && npm run build && node scripts/badge-screenshot.mjs
 */
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { startFixtureServer } from './fixture-server.mjs';
import { BROWSER_FLAGS, CHROMIUM_PATH, EXTENSION_DIR } from './launch-chromium.mjs';

const out = fileURLToPath(new URL('../docs/images/badge.png', import.meta.url));
const WIDTH = 1000;
const HEIGHT = 700;
const display = `:${90 + Math.floor(Math.random() * 9)}`;
const xvfb = spawn('Xvfb', [display, '-screen', '0', `${WIDTH}x${HEIGHT}x24`, '-nolisten', 'tcp'], { stdio: 'ignore' });
await new Promise((resolve) => setTimeout(resolve, 1000));
const env = { ...process.env, DISPLAY: display };
const profile = mkdtempSync(join(os.tmpdir(), 'adtally-badge-'));
const server = await startFixtureServer();
const launch = () =>
  chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: false,
    env,
    viewport: null,
    args: [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`, `--window-size=${WIDTH},${HEIGHT}`, '--window-position=0,0', '--test-type', ...BROWSER_FLAGS],
  });
try {
  // First launch: learn the extension's id; then pin it, as a person would, so its badge shows on the toolbar.
  let context = await launch();
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  await context.close();
  const prefsPath = join(profile, 'Default', 'Preferences');
  const prefs = JSON.parse(readFileSync(prefsPath, 'utf8'));
  prefs.extensions = { ...prefs.extensions, pinned_extensions: [extensionId] };
  writeFileSync(prefsPath, JSON.stringify(prefs));
  context = await launch();
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`http://news.test:${server.port}/`);
  // --test-type keeps Chromium's warning about the resolver flag off the picture; a click leaves the address bar.
  await page.mouse.click(500, 600);
  await page.mouse.wheel(0, 300);
  await page.waitForTimeout(4000);
  mkdirSync(join(out, '..'), { recursive: true });
  execFileSync('import', ['-display', display, '-window', 'root', out]);
  console.log(`docs/images/badge.png (${display})`);
  await context.close();
} finally {
  await server.close();
  xvfb.kill();
  rmSync(profile, { recursive: true, force: true });
}
