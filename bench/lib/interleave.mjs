/**
 * The benches' measuring loop: each run measures every page in every configuration (bare Chromium, AdTally,
 * and for the page bench uBlock Origin), in an order that reverses each run, so no configuration always goes
 * first on a warm machine, on one bench server. `report(result)` prints one line per measurement as it lands.
 * With `keepGoing`, a measurement that fails (uBO not ready in time, a page that does not load) is recorded
 * as { config, page, error } and the loop goes on; without it, the error ends the bench.
 */
import os from 'node:os';
import { CONFIGS } from './browser.mjs';
import { measure } from './measure.mjs';
import { startBenchServer } from './server.mjs';

/** `extensionDirs`: each extension configuration's unpacked folder ({ adtally, ubo }); `extensionDir` is AdTally's. */
export async function measureInterleaved({ runs, pages, extensionDir, extensionDirs = { adtally: extensionDir }, configs = CONFIGS, keepGoing = false, report }) {
  const server = await startBenchServer();
  const results = [];
  try {
    for (let run = 1; run <= runs; run++) {
      for (const pageDef of pages) {
        const order = run % 2 === 1 ? configs : [...configs].reverse();
        for (const config of order) {
          const t0 = Date.now();
          let r;
          try {
            r = await measure({ config, pageDef, port: server.port, extensionDir: extensionDirs[config] });
          } catch (error) {
            if (!keepGoing) throw error;
            r = { config, page: pageDef.name, error: String(error?.message ?? error).split('\n')[0] };
          }
          r.run = run;
          r.loadavg = os.loadavg()[0];
          r.seconds = (Date.now() - t0) / 1000;
          results.push(r);
          report(r, pageDef, config);
        }
      }
    }
  } finally {
    await server.close();
  }
  return results;
}
