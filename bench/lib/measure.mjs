/**
 * One measurement: a fresh browser in one configuration loads one page, lets it settle (or scrolls it), and
 * reports the attributed script time of the configuration's extension, the JS heap after a forced GC, and
 * (with AdTally) what it detected and how many filter rules the page was sent. With uBlock Origin, the
 * warm-up page's probe must be hidden before anything is measured.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from './browser.mjs';
import { WARMUP_PROBE } from './server.mjs';
import { attribute, startTrace } from './trace.mjs';
import { expectHidden, shimCounts } from './ubo-mv3.mjs';

const MB = 1024 * 1024;

export async function measure({ config, pageDef, port, extensionDir }) {
  const { context, worker, extensionId, ubo } = await launch(config, extensionDir);
  try {
    // The launch's blank tab (uBO's background page is a tab of the extension's too).
    const page = context.pages().find((p) => !p.url().startsWith('chrome-extension://')) ?? (await context.newPage());
    // Warm-up: a small page on another site, so the extension's background has loaded its engine (as it has
    // in a browser in use) and every configuration starts with a running renderer and network stack.
    await page.goto(`http://warmup.test:${port}/`);
    const probeHiddenMs = ubo ? await expectHidden(page, WARMUP_PROBE) : null;
    await page.waitForTimeout(1000);

    const browserSession = await context.browser().newBrowserCDPSession();
    const stop = await startTrace(browserSession);
    const url = `http://${pageDef.host}:${port}${pageDef.path}`;
    const started = Date.now();
    await page.goto(url, { waitUntil: 'load', timeout: pageDef.loadTimeoutMs ?? 30_000 });
    // A visit returns the wheel steps it scrolled (feed) or what it waited for ({ doneS, quietMs, quiet }).
    let wheels = 0;
    let visit = null;
    if (pageDef.visit) {
      const v = await pageDef.visit(page, context);
      if (typeof v === 'number') wheels = v;
      else visit = v;
    }
    await page.waitForTimeout(pageDef.settleMs);
    const windowMs = Date.now() - started;
    const events = await stop();
    // BENCH_TRACE_DIR=<dir> keeps each trace; it opens in DevTools' Performance panel or ui.perfetto.dev.
    if (process.env.BENCH_TRACE_DIR) writeFileSync(join(process.env.BENCH_TRACE_DIR, `${pageDef.name}-${config}-${Date.now()}.json`), JSON.stringify({ traceEvents: events }));
    const extensionOrigin = extensionId ? `chrome-extension://${extensionId}/` : 'chrome-extension://none/';
    const attributed = attribute(events, { pageOrigin: `http://${pageDef.host}:${port}/`, extensionOrigin });

    const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
    const heap = await heapOf(context, page);

    let detected = null;
    let rules = null;
    if (config === 'adtally') {
      detected = await listDetections(worker, `*://${pageDef.host}/*`).catch((error) => ({ error: String(error) }));
      rules = await rulesForPage(context, page).catch((error) => ({ error: String(error) }));
    }
    const uboState = ubo ? { readyMs: ubo.readyMs, probeHiddenMs, lists: ubo.lists, shim: await shimCounts(ubo.background) } : null;
    await browserSession.detach().catch(() => {});
    return {
      config,
      page: pageDef.name,
      windowMs,
      wheels,
      visit,
      elements,
      traceEvents: events.length,
      ...attributed,
      heapPageMB: heap.page / MB,
      heapIframesMB: heap.iframes / MB,
      iframeProcesses: heap.processes,
      detected,
      rules,
      ubo: uboState,
    };
  } finally {
    await context.close();
  }
}

/** JSHeapUsedSize after a full GC, in the page's renderer and summed over the ad iframes' renderers (one per site). */
async function heapOf(context, page) {
  const used = async (target) => {
    const s = await context.newCDPSession(target);
    try {
      await s.send('HeapProfiler.collectGarbage');
      await s.send('Performance.enable');
      const { metrics } = await s.send('Performance.getMetrics');
      return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
    } finally {
      await s.detach().catch(() => {});
    }
  };
  const result = { page: await used(page), iframes: 0, processes: 0 };
  const sites = new Set();
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    let origin;
    try {
      origin = new URL(frame.url()).origin;
    } catch {
      continue;
    }
    if (origin === 'null' || origin === new URL(page.url()).origin || sites.has(origin)) continue;
    try {
      result.iframes += await used(frame); // only out-of-process frames have their own session
      sites.add(origin);
      result.processes++;
    } catch {
      // in-process frame: its heap is already in the page's
    }
  }
  return result;
}

/** The ads AdTally's top frame found, asked through the service worker (the message the accuracy tests use). */
async function listDetections(worker, urlPattern) {
  // The answer's other fields (observed, pageViews, pending, and what the scan's limits say) come back as `answer`.
  const { ads, ...answer } = await worker.evaluate(async (pattern) => {
    const [tab] = await chrome.tabs.query({ url: pattern });
    if (tab?.id === undefined) throw new Error(`no tab for ${pattern}`);
    return await chrome.tabs.sendMessage(tab.id, { type: 'listDetections' }, { frameId: 0 });
  }, urlPattern);
  const byLayer = {};
  for (const ad of ads) {
    const layer = ad.rule.startsWith('sig:') ? 'signature' : ad.rule.startsWith('label:') ? 'label' : ad.rule.startsWith('adapter:') ? 'adapter' : 'EasyList';
    byLayer[layer] = (byLayer[layer] ?? 0) + 1;
  }
  return { count: ads.length, byLayer, answer };
}

/**
 * How many filter rules the background sends for this page: from AdTally's own content-script world (an
 * isolated world of the top frame, reached over CDP), the page's class names, ids and link targets are
 * surveyed as the content script does and sent in one `pageRules` message. Run after the measurement.
 */
async function rulesForPage(context, page) {
  const s = await context.newCDPSession(page);
  try {
    const contexts = [];
    s.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
    await s.send('Runtime.enable');
    await new Promise((r) => setTimeout(r, 200));
    const { frameTree } = await s.send('Page.getFrameTree');
    const world = contexts.find((c) => c.auxData?.frameId === frameTree.frame.id && c.auxData?.type === 'isolated' && c.origin.startsWith('chrome-extension://'));
    if (!world) throw new Error('no AdTally content-script world in the top frame');
    const { result, exceptionDetails } = await s.send('Runtime.evaluate', {
      contextId: world.id,
      awaitPromise: true,
      returnByValue: true,
      expression: `(async () => {
        const classes = new Set(), ids = new Set(), hrefs = new Set();
        for (const el of document.querySelectorAll('[class], [id], a[href]')) {
          for (const c of el.classList) classes.add(c);
          if (el.id) ids.add(el.id);
          if (el.tagName === 'A' && el.getAttribute('href')) hrefs.add(el.getAttribute('href'));
        }
        const reply = await chrome.runtime.sendMessage({ type: 'pageRules', classes: [...classes], ids: [...ids], hrefs: [...hrefs], first: true });
        return { rules: reply.rules.length, bytes: JSON.stringify(reply.rules).length, tokens: classes.size + ids.size + hrefs.size };
      })()`,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value;
  } finally {
    await s.detach().catch(() => {});
  }
}
