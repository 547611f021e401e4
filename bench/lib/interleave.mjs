/**
 * The benches' measuring loop: each run measures every page in both configurations (bare Chromium, then
 * AdTally, or the other way round: the order alternates each run, so neither always goes first on a warm
 * machine), on one bench server. `report(result)` prints one line per measurement as it lands.
 */
import os from 'node:os';
import { CONFIGS } from './browser.mjs';
import { measure } from './measure.mjs';
import { startBenchServer } from './server.mjs';

export async function measureInterleaved({ runs, pages, extensionDir, report }) {
  const server = await startBenchServer();
  const results = [];
  try {
    for (let run = 1; run <= runs; run++) {
      for (const pageDef of pages) {
        const order = run % 2 === 1 ? CONFIGS : [...CONFIGS].reverse();
        for (const config of order) {
          const t0 = Date.now();
          const r = await measure({ config, pageDef, port: server.port, extensionDir });
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
