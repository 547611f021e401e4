/**
 * Records a Chromium trace with the V8 sampling profiler on, and attributes its samples.
 *
 * The trace is started on a browser-level CDP session, so it covers every process: the page's renderer, the
 * renderers of cross-origin ad iframes (site isolation puts each ad host in its own process) and the
 * extension's service worker. Every sampled stack is attributed to AdTally when any frame in it has a URL in
 * the extension's origin (chrome-extension://<id>/), so DOM calls, style and layout work that our code forces
 * count as ours. Nothing is subtracted between configurations.
 */

const CATEGORIES = [
  '-*',
  'disabled-by-default-v8.cpu_profiler',
  'disabled-by-default-v8.cpu_profiler.hires',
  'v8.execute',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  '__metadata',
];

/** Starts tracing; resolves to stop(), which resolves to the trace events. */
export async function startTrace(browserSession) {
  const events = [];
  const onData = (e) => {
    for (const ev of e.value) events.push(ev);
  };
  browserSession.on('Tracing.dataCollected', onData);
  await browserSession.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { recordMode: 'recordAsMuchAsPossible', includedCategories: CATEGORIES, excludedCategories: ['*'] },
  });
  return async () => {
    const complete = new Promise((resolve) => browserSession.once('Tracing.tracingComplete', resolve));
    await browserSession.send('Tracing.end');
    await complete;
    browserSession.off('Tracing.dataCollected', onData);
    return events;
  };
}

const NOT_SCRIPT = new Set(['(root)', '(program)', '(idle)']);
// A gap between two samples longer than this is the sampler starved or stopped, not one stack running.
const MAX_SAMPLE_MS = 5;

/**
 * Splits the trace's CPU samples by process role and by owner.
 * Roles: `page` = the main thread of the renderer that committed the page's URL in the top frame; `iframes` =
 * main threads of renderers holding only cross-origin subframes of it; `background` = the extension's service
 * worker process. Returns, per role, total script ms, AdTally ms, GC ms and sample counts, plus AdTally's time
 * by function (self) for the page role.
 */
export function attribute(events, { pageOrigin, extensionOrigin }) {
  const threadName = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadName.set(`${e.pid}:${e.tid}`, e.args.name);

  // Which process holds what: the browser reports each committed frame with its process.
  const mainPids = new Set();
  const framePids = new Set();
  const frames = [];
  for (const e of events) {
    if (e.name === 'TracingStartedInBrowser') frames.push(...(e.args?.data?.frames ?? []));
    if (e.name === 'FrameCommittedInBrowser' && e.args?.data) frames.push(e.args.data);
  }
  for (const f of frames) {
    if (!f.processId || !f.url) continue;
    if (f.isOutermostMainFrame && f.url.startsWith(pageOrigin)) mainPids.add(f.processId);
    else if (!f.isOutermostMainFrame && f.parent && !f.url.startsWith(pageOrigin)) framePids.add(f.processId);
  }

  // Reassemble each profile (one per thread that ran V8) from its chunks.
  const profiles = new Map();
  for (const e of events) {
    if (e.name !== 'Profile' && e.name !== 'ProfileChunk') continue;
    const key = `${e.pid}:${e.id}`;
    let p = profiles.get(key);
    if (!p) {
      p = { pid: e.pid, tid: e.tid, startTime: null, nodes: new Map(), samples: [], deltas: [] };
      profiles.set(key, p);
    }
    if (e.name === 'Profile') {
      p.startTime = e.args.data.startTime;
      continue;
    }
    const data = e.args.data;
    for (const n of data.cpuProfile?.nodes ?? []) p.nodes.set(n.id, n);
    for (const s of data.cpuProfile?.samples ?? []) p.samples.push(s);
    for (const d of data.timeDeltas ?? []) p.deltas.push(d);
  }

  const roles = { page: emptyRole(), iframes: emptyRole(), background: emptyRole() };
  const byFunction = new Map();
  for (const p of profiles.values()) {
    let role = null;
    const thread = threadName.get(`${p.pid}:${p.tid}`) ?? '';
    const urls = new Set([...p.nodes.values()].map((n) => n.callFrame?.url ?? ''));
    if (mainPids.has(p.pid) && thread === 'CrRendererMain') role = 'page';
    else if (framePids.has(p.pid) && !mainPids.has(p.pid) && thread === 'CrRendererMain') role = 'iframes';
    else if ([...urls].some((u) => u === `${extensionOrigin}background.js`)) role = 'background';
    if (!role) continue;

    // Per node: its label, and whether an extension frame is on the stack from it to the root.
    const ours = new Map();
    const isOurs = (id) => {
      if (ours.has(id)) return ours.get(id);
      const n = p.nodes.get(id);
      const v = !!n && ((n.callFrame?.url ?? '').startsWith(extensionOrigin) || (n.parent !== undefined && isOurs(n.parent)));
      ours.set(id, v);
      return v;
    };
    const r = roles[role];
    let t = p.startTime ?? 0;
    const times = p.deltas.map((d) => (t += d));
    for (let i = 0; i < p.samples.length; i++) {
      const node = p.nodes.get(p.samples[i]);
      const name = node?.callFrame?.functionName ?? '';
      const ms = i + 1 < times.length ? Math.min(times[i + 1] - times[i], MAX_SAMPLE_MS * 1000) / 1000 : 0;
      if (!node || NOT_SCRIPT.has(name)) continue;
      r.samples++;
      r.scriptMs += ms;
      if (name === '(garbage collector)') {
        r.gcMs += ms;
        continue;
      }
      if (isOurs(node.id)) {
        r.adtallyMs += ms;
        r.adtallySamples++;
        if (role === 'page') {
          // Self time by the innermost AdTally function on the stack, and the native call it was in, if any.
          let own = node;
          while (own && !(own.callFrame?.url ?? '').startsWith(extensionOrigin)) own = p.nodes.get(own.parent);
          const cf = own.callFrame;
          const leaf = own === node ? '' : ` > ${node.callFrame.functionName || '(anonymous)'}`;
          const fn = `${cf.functionName || '(anonymous)'} ${cf.url.slice(extensionOrigin.length)}:${cf.lineNumber + 1}${leaf}`;
          byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
        }
      }
    }
  }
  return { roles, byFunction, mainPids: [...mainPids], framePids: [...framePids] };
}

function emptyRole() {
  return { scriptMs: 0, adtallyMs: 0, gcMs: 0, samples: 0, adtallySamples: 0 };
}
