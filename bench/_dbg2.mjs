import { startBenchServer } from './lib/server.mjs';
import { launch } from './lib/browser.mjs';
const server = await startBenchServer();
for (const variant of ['none','lo','none','lo']) {
  const { context } = await launch(process.argv[2], '/tmp/adtally-ext');
  const page = context.pages()[0];
  await page.goto(`http://warmup.test:${server.port}/`);
  await page.waitForTimeout(1000);
  const bs = await context.browser().newBrowserCDPSession();
  const ev = [];
  bs.on('Tracing.dataCollected', (e) => ev.push(...e.value));
  const cats = ['disabled-by-default-v8.cpu_profiler', 'devtools.timeline', '__metadata'];
  if (variant === 'hi') cats.push('disabled-by-default-v8.cpu_profiler.hires');
  if (variant !== 'none') await bs.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { recordMode: 'recordAsMuchAsPossible', includedCategories: cats, excludedCategories: ['*'] } });
  let t = Date.now();
  await page.goto(`http://news.test:${server.port}/`, { waitUntil: 'load' });
  const load = Date.now() - t;
  await page.waitForTimeout(3000);
  if (variant !== 'none') { const done = new Promise(r => bs.once('Tracing.tracingComplete', r)); await bs.send('Tracing.end'); await done; }
  const deltas = [];
  for (const e of ev) if (e.name === 'ProfileChunk') deltas.push(...(e.args.data.timeDeltas ?? []));
  deltas.sort((a, b) => a - b);
  console.log(variant, 'load', load, 'events', ev.length, 'median delta us', deltas[deltas.length >> 1], 'p90', deltas[Math.floor(deltas.length * 0.9)]);
  await context.close();
}
await server.close();
