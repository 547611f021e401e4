/**
 * uBlock Origin for the page bench: Debian's webext-ublock-origin-chromium, wrapped to load as Manifest V3.
 *
 * Chromium 139 and later refuse MV2 extensions, and Debian ships uBO as one. This builds, into the
 * repository's git-ignored .cache/ubo-mv3/, a copy of the package's extension with an MV3 manifest, a
 * service worker that hosts uBO's background page in a tab, and a shim for the MV2 APIs that page calls
 * (bench/lib/ubo-manifest.mjs says what changes and why, bench/lib/ubo-wrapper/ holds the two added files).
 * uBO's own code and lists are used unchanged: its content scripts in every frame and its cosmetic
 * filtering, which are what a page pays for. Lost: network blocking, so ad frames real uBO would block
 * still load. Nothing of uBO is in the repository.
 *
 * The package comes from the system when it is installed (/usr/share/chromium/extensions/ublock-origin),
 * else it is downloaded and unpacked, never installed (scripts/debian-package.mjs);
 * BENCH_UBO_SOURCE=download takes the download path even when it is installed.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unpackedDebianPackage } from '../../scripts/debian-package.mjs';
import { mv3Manifest, SHIM_FILE, WORKER_FILE, withShim } from './ubo-manifest.mjs';

export const UBO_PACKAGE = 'webext-ublock-origin-chromium';
const PACKAGE_DIR = 'usr/share/chromium/extensions/ublock-origin';
const CACHE = fileURLToPath(new URL('../../.cache/ubo-mv3/', import.meta.url));
const WRAPPER_FILES = fileURLToPath(new URL('./ubo-wrapper/', import.meta.url));

/** uBO's MV2 folder and where it came from. Throws with the reason when neither source has it. */
export function uboSource() {
  const installed = `/${PACKAGE_DIR}`;
  if (process.env.BENCH_UBO_SOURCE !== 'download' && existsSync(join(installed, 'manifest.json'))) {
    return { dir: installed, from: `${UBO_PACKAGE}, installed` };
  }
  let unpacked;
  try {
    unpacked = unpackedDebianPackage(UBO_PACKAGE);
  } catch (error) {
    throw new Error(`uBlock Origin is not installed and apt-get could not download ${UBO_PACKAGE} (${String(error.message).split('\n')[0]})`);
  }
  return { dir: join(unpacked.files, PACKAGE_DIR), from: `${UBO_PACKAGE} ${unpacked.version}, downloaded and unpacked in .cache/debian/` };
}

/**
 * Builds the MV3 wrapper of the uBO folder `sourceDir` and returns its folder. Rebuilt only when uBO's
 * manifest, the wrapper's files or the manifest transformation change (a hash of them names the folder).
 */
export function buildUboWrapper(sourceDir) {
  const manifestText = readFileSync(join(sourceDir, 'manifest.json'), 'utf8');
  const manifest = mv3Manifest(JSON.parse(manifestText));
  const shim = readFileSync(join(WRAPPER_FILES, SHIM_FILE), 'utf8');
  const worker = readFileSync(join(WRAPPER_FILES, WORKER_FILE), 'utf8');
  const background = withShim(readFileSync(join(sourceDir, 'background.html'), 'utf8'));
  const hash = createHash('sha256').update(`${sourceDir}\n${JSON.stringify(manifest)}\n${shim}\n${worker}\n${background}`).digest('hex').slice(0, 12);
  const dir = join(CACHE, `${manifest.version}-${hash}`);
  const done = join(dir, '.complete');
  if (existsSync(done)) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(CACHE, { recursive: true });
  cpSync(sourceDir, dir, { recursive: true, dereference: true });
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(dir, SHIM_FILE), shim);
  writeFileSync(join(dir, WORKER_FILE), worker);
  writeFileSync(join(dir, 'background.html'), background);
  writeFileSync(done, '');
  return dir;
}

/**
 * Waits until the wrapped uBO filters: its background page is open and has compiled its lists
 * (`µBlock.readyToFilter`, which uBO sets once its filtering engines are loaded). A fresh profile compiles
 * the lists from text each time, which takes seconds on a loaded machine. Resolves to { background, readyMs,
 * lists }; throws with what was missing after `timeoutMs`.
 */
export async function waitForUbo(context, extensionId, timeoutMs = 120_000) {
  const url = `chrome-extension://${extensionId}/background.html`;
  const t0 = Date.now();
  let background = null;
  while (!background) {
    background = context.pages().find((p) => p.url() === url) ?? null;
    if (background) break;
    if (Date.now() - t0 > 20_000) throw new Error(`uBO's background page (${url}) did not open within 20 s`);
    await context.waitForEvent('page', { timeout: 500 }).catch(() => {});
  }
  for (;;) {
    const ready = await background.evaluate(() => globalThis.µBlock?.readyToFilter === true).catch(() => false);
    if (ready) break;
    if (Date.now() - t0 > timeoutMs) throw new Error(`uBO did not finish compiling its filter lists within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const lists = await background.evaluate(() => globalThis.µBlock.selectedFilterLists ?? []);
  return { background, readyMs: Date.now() - t0, lists };
}

/**
 * Resolves once `selector`'s element in `page` is hidden (display: none), or throws after `timeoutMs`: the
 * check that uBO's cosmetic filtering works, on an element a generic EasyList rule hides. uBO hides such an
 * element after its content script has surveyed the page and the background answered with CSS, so this polls.
 */
export async function expectHidden(page, selector, timeoutMs = 10_000) {
  const t0 = Date.now();
  for (;;) {
    const display = await page.evaluate((s) => {
      const element = document.querySelector(s);
      return element ? getComputedStyle(element).display : 'missing';
    }, selector);
    if (display === 'none') return Date.now() - t0;
    if (display === 'missing') throw new Error(`the probe ${selector} is not on ${page.url()}`);
    if (Date.now() - t0 > timeoutMs) throw new Error(`uBO loaded, but after ${timeoutMs / 1000} s it has not hidden ${selector} on ${page.url()} (display: ${display}): cosmetic filtering is not working`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** What the shim counted in the background page: code strings run as page scripts, 'blocking' dropped. */
export async function shimCounts(background) {
  return await background.evaluate(() => ({ ...globalThis.__adtallyBenchShim })).catch(() => null);
}
