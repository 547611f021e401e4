/**
 * The popup's first screen, timed as a person meets it: opened from the toolbar (`action.openPopup()`, the
 * real popup, no tab), with the service worker running (warm) and with it stopped as Chromium stops an idle
 * worker (idle). Used by bench/storage.mjs on the loaded profile and on an empty one.
 *
 * Why not popup.html in a tab: opening any tab wakes the worker (AdTally listens to `tabs.onUpdated` for the
 * toolbar badge), so a tab could never show the popup meeting an idle worker.
 *
 * The time is the popup's own clock (performance.now(), 0 at its navigation start) at the animation frame
 * that paints its first screen: the first table rows, or on an empty profile the first-run message (the
 * `popup:painted` mark, src/popup/start-marks.ts, with `popup:script` and `popup:data` for where the time
 * went). A helper page of the extension (welcome.html, which sends nothing) opens the popup and reads its
 * window through `extension.getViews`, then closes it once nothing in it is busy. An idle open first stops
 * the worker through DevTools (ServiceWorker.stopAllWorkers on a page's CDP session) and waits until DevTools
 * reports it `stopped`; whether the open woke it is reported too.
 */
import { median, percentile } from './stats.mjs';

/** Follows the extension's service worker's running status through DevTools, and stops it on demand. */
export async function workerControl(context, extensionId) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const origin = `chrome-extension://${extensionId}/`;
  let status = 'unknown';
  const waiters = new Set();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) if (v.scriptURL.startsWith(origin)) status = v.runningStatus;
    for (const wake of waiters) wake();
  });
  await cdp.send('ServiceWorker.enable');
  const waitFor = async (wanted, timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    while (status !== wanted) {
      if (Date.now() > deadline) throw new Error(`service worker stayed ${status}, not ${wanted}, for ${timeoutMs} ms`);
      await new Promise((resolve) => {
        const wake = () => {
          waiters.delete(wake);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(wake, 100);
        waiters.add(wake);
      });
    }
  };
  return {
    get status() {
      return status;
    },
    /** Wakes the worker with a getStats from the helper page, as a person's browsing would, so its database is open. */
    async warm(helper) {
      await helper.evaluate(() => chrome.runtime.sendMessage({ type: 'getStats', tabId: null, days: {} }));
    },
    async stop() {
      await cdp.send('ServiceWorker.stopAllWorkers');
      await waitFor('stopped');
    },
    async close() {
      await page.close();
    },
  };
}

/**
 * Opens the popup `runs` + 1 times in each state ('warm', 'idle'), taking turns; the first warm open may meet
 * a worker that has not opened the database yet ("cold", reported apart). Resolves to
 * { cold, warm: [ms], idle: [ms], parts: { warm: [...], idle: [...] }, idleWoke } where parts are each open's
 * marks and `idleWoke` counts idle opens after which the worker was running.
 */
export async function measurePopupOpens(context, extensionId, runs, log = () => {}) {
  const worker = await workerControl(context, extensionId);
  const helper = await context.newPage();
  await helper.goto(`chrome-extension://${extensionId}/welcome.html`);
  const out = { cold: null, warm: [], idle: [], parts: { warm: [], idle: [] }, idleWoke: 0 };
  try {
    for (let i = 0; i <= runs; i++) {
      for (const state of ['warm', 'idle']) {
        // The very first open meets the worker as the launch left it: started, its database not yet open ("cold").
        if (state === 'idle') await worker.stop();
        else if (i > 0) await worker.warm(helper);
        const parts = await openOnce(helper);
        if (state === 'idle' && worker.status !== 'stopped') out.idleWoke++;
        if (state === 'warm' && i === 0) out.cold = parts.painted;
        else {
          out[state].push(parts.painted);
          out.parts[state].push(parts);
        }
        log(`popup     ${state} ${i === 0 && state === 'warm' ? 'cold' : `${i}/${runs}`}: ${parts.painted.toFixed(0)} ms (${describe(parts)}; worker ${worker.status})`);
      }
    }
  } finally {
    await helper.close();
    await worker.close();
  }
  return out;
}

/** Opens the toolbar popup from the helper page; resolves to its marks once it has painted and settled. */
async function openOnce(helper) {
  await helper.bringToFront();
  return helper.evaluate(async () => {
    const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
    const deadline = Date.now() + 180_000;
    // Right after the previous popup closed, its window may not count as active yet ("Could not find an
    // active browser window"): try again until it does.
    for (;;) {
      const failed = await chrome.action.openPopup().then(() => null, (error) => error);
      if (!failed) break;
      if (!/active browser window/.test(String(failed)) || Date.now() > deadline) throw failed;
      await sleep(50);
    }
    for (;;) {
      const view = chrome.extension.getViews({ type: 'popup' })[0];
      const mark = (name) => view?.performance.getEntriesByName(name)[0]?.startTime ?? null;
      if (view && mark('popup:painted') !== null) {
        const parts = { painted: mark('popup:painted'), script: mark('popup:script'), data: mark('popup:data'), source: view.document.documentElement.dataset.firstRead ?? null };
        parts.rows = view.document.querySelectorAll('table.stats tbody tr').length;
        parts.empty = !!view.document.querySelector('[data-testid="empty-state"]');
        // Closed once nothing is busy (the rest of the rows), so the next open measures its own start.
        while (view.document.querySelector('[aria-busy="true"]') && Date.now() < deadline) await sleep(20);
        view.close();
        return parts;
      }
      if (Date.now() > deadline) throw new Error('the popup did not paint its first screen in 180 s');
      await sleep(10);
    }
  });
}

function describe(p) {
  const f = (v) => (v === null ? '—' : v.toFixed(0));
  return `script ${f(p.script)}, data ${f(p.data)} (${p.source ?? '?'}), first screen ${p.empty ? 'first-run message' : `${p.rows} rows`}`;
}

/** "median / p95 (min–max)" of a list of ms. */
export function fmtMedianP95(values) {
  if (!values.length) return '—';
  return `${median(values).toFixed(0)} / ${percentile(values, 95).toFixed(0)} (${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)})`;
}

/** The median of each mark over the opens of one state, as one line. */
export function fmtParts(parts) {
  const med = (key) => {
    const v = parts.map((p) => p[key]).filter((x) => typeof x === 'number');
    return v.length ? median(v).toFixed(0) : '—';
  };
  const sources = [...new Set(parts.map((p) => p.source ?? '?'))].join('/');
  return `script starts ${med('script')}, data in ${med('data')} (${sources}), painted ${med('painted')} ms`;
}
