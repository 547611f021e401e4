/**
 * Prepares the page bench's uBlock Origin configuration before anything is measured: finds Debian's package,
 * builds its MV3 wrapper (bench/lib/ubo-mv3.mjs), launches it once and checks that it works: its lists are
 * compiled and the warm-up page's probe, which a generic EasyList rule hides, is hidden. Resolves to
 * { dir, note }; throws with the reason, and the bench then measures the other configurations.
 */
import { launch } from './browser.mjs';
import { startBenchServer, WARMUP_PROBE } from './server.mjs';
import { buildUboWrapper, expectHidden, uboSource } from './ubo-mv3.mjs';

export async function prepareUbo() {
  const source = uboSource();
  const dir = buildUboWrapper(source.dir);
  const server = await startBenchServer();
  try {
    const { context, ubo } = await launch('ubo', dir);
    try {
      const page = context.pages().find((p) => !p.url().startsWith('chrome-extension://')) ?? (await context.newPage());
      await page.goto(`http://warmup.test:${server.port}/`);
      const hiddenMs = await expectHidden(page, WARMUP_PROBE);
      const version = JSON.parse(await ubo.background.evaluate(() => JSON.stringify(chrome.runtime.getManifest().version)));
      return {
        dir,
        note:
          `uBlock Origin ${version} (${source.from}), MV3 wrapper in ${dir}: lists compiled in ${(ubo.readyMs / 1000).toFixed(1)} s ` +
          `(${ubo.lists.join(', ')}), probe ${WARMUP_PROBE} hidden ${hiddenMs} ms after load`,
      };
    } finally {
      await context.close();
    }
  } finally {
    await server.close();
  }
}
