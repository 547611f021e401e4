/**
 * Records a Chromium trace with the V8 sampling profiler on, and attributes its samples.
 *
 * The trace is started on a browser-level CDP session, so it covers every process: the page's renderer, the
 * renderers of cross-origin ad iframes (site isolation puts each ad host in its own process) and the
 * extension's own process. Every sampled stack is attributed to the extension under measurement (AdTally or
 * uBlock Origin) when any frame in it has a URL in that extension's origin (chrome-extension://<id>/), so DOM
 * calls, style and layout work that its code forces count as its own; content scripts count in every frame
 * they run in. Nothing is subtracted between configurations.
 */

// The sampling profiler (one Profile per V8 thread, ~0.2 ms between samples here), the timeline events that
// say which document each renderer parsed (ParseHTML), every task's wall and thread time (toplevel RunTask),
// and thread and process names.
const CATEGORIES = ['disabled-by-default-v8.cpu_profiler', 'devtools.timeline', 'toplevel', '__metadata'];

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
// The top-level script events of the shared harness's figure (topLevelWallMs below).
const TOP_LEVEL_SCRIPT = new Set(['EvaluateScript', 'FunctionCall', 'v8.compile', 'v8.evaluateModule']);
// A gap between two samples longer than this is the sampler starved or stopped, not one stack running.
const MAX_SAMPLE_MS = 20;

/**
 * Splits the trace's CPU samples by process role and by owner: the extension whose origin is
 * `extensionOrigin` ("chrome-extension://<id>/"), or anyone else.
 * Roles: `page` = the main thread of the renderer that parsed the page; `iframes` = main threads of the
 * renderers that parsed only documents of other sites (the ad iframes; the trace starts after the warm-up);
 * `background` = every other thread that ran the extension's own code: its service worker and, for uBlock
 * Origin's wrapper, its background page. Returns, per role, total script ms, the extension's ms, GC ms (CPU
 * time; also wall time), sample counts and the main threads' whole busy time, plus the extension's CPU time
 * by function per role: self time by its innermost frame on the stack (byFunction) and inclusive time of each
 * of its functions on the stack.
 */
export function attribute(events, { pageOrigin, extensionOrigin }) {
  const threadName = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadName.set(`${e.pid}:${e.tid}`, e.args.name);

  // Which process holds what: each renderer's main thread parses the documents of the frames it hosts.
  const mainPids = new Set();
  const framePids = new Set();
  for (const e of events) {
    if (e.name !== 'ParseHTML' || threadName.get(`${e.pid}:${e.tid}`) !== 'CrRendererMain') continue;
    const url = e.args?.beginData?.url ?? '';
    if (url.startsWith(pageOrigin)) mainPids.add(e.pid);
    else if (/^https?:/.test(url)) framePids.add(e.pid);
  }

  // Every task's wall time (dur) and the CPU time its thread got in it (tdur), per thread, in time order.
  const tasks = new Map();
  for (const e of events) {
    // Top-level work: tasks, and the microtask checkpoints after them (promise reactions, MutationObserver
    // callbacks), which the trace records beside the task rather than inside it.
    if (e.ph !== 'X' || !(e.dur > 0) || e.tdur === undefined || !e.cat.split(',').includes('toplevel')) continue;
    const key = `${e.pid}:${e.tid}`;
    if (!tasks.has(key)) tasks.set(key, []);
    tasks.get(key).push(e);
  }
  for (const [key, list] of tasks) {
    // Outermost tasks only (a nested run loop runs tasks inside a task).
    list.sort((a, b) => a.ts - b.ts);
    const outer = [];
    for (const task of list) if (!outer.length || task.ts >= outer.at(-1).ts + outer.at(-1).dur) outer.push(task);
    tasks.set(key, outer);
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
  // The main thread's whole busy time, script or not (parsing, style, layout, paint, observers): the outermost
  // tasks of the renderers' main threads, CPU time (tdur) and wall time (dur).
  for (const [key, list] of tasks) {
    if (threadName.get(key) !== 'CrRendererMain') continue;
    const pid = Number(key.split(':')[0]);
    const role = mainPids.has(pid) ? roles.page : framePids.has(pid) ? roles.iframes : null;
    if (!role) continue;
    role.mainThreadMs += sum(list, (x) => x.tdur) / 1000;
    role.mainThreadWallMs += sum(list, (x) => x.dur) / 1000;
  }
  // Work no script stack shows: computing IntersectionObserver entries in the rendering update (every
  // observer on the page, AdTally's among them), CPU ms on the page's main thread.
  for (const e of events) {
    if (e.name === 'IntersectionObserverController::computeIntersections' && e.ph === 'X' && mainPids.has(e.pid) && threadName.get(`${e.pid}:${e.tid}`) === 'CrRendererMain') {
      roles.page.intersectionMs += (e.tdur ?? e.dur ?? 0) / 1000;
    }
  }
  // What the team's shared harness counts (its extScriptPage): the wall time of the top-level trace events that
  // carry the extension's own URL, Blink calling into its script (evaluating a file, calling a listener, an
  // observer or a timer), overlaps merged. A promise reaction to an extension message's answer runs in no such
  // event, so work done there is missing from this figure and present in extensionMs (docs/performance.md).
  const topLevel = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || !TOP_LEVEL_SCRIPT.has(e.name) || !(e.args?.data?.url ?? '').startsWith(extensionOrigin)) continue;
    const key = `${e.pid}:${e.tid}`;
    if (threadName.get(key) !== 'CrRendererMain') continue;
    if (!topLevel.has(key)) topLevel.set(key, []);
    topLevel.get(key).push(e);
  }
  for (const [key, list] of topLevel) {
    const pid = Number(key.split(':')[0]);
    const role = mainPids.has(pid) ? roles.page : framePids.has(pid) ? roles.iframes : null;
    if (!role) continue;
    list.sort((a, b) => a.ts - b.ts);
    let end = -Infinity;
    for (const e of list) {
      const to = e.ts + (e.dur ?? 0);
      if (to > end) role.topLevelWallMs += (to - Math.max(end, e.ts)) / 1000;
      end = Math.max(end, to);
    }
  }
  // Compiling a script shows in the profile as "(program)", with no stack: the extension's content scripts
  // are compiled in every frame they run in (AdTally's content.js: ~25 ms wall on the search page), so the
  // compile events the trace records for the extension's own files say whose those samples are.
  const compiles = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || (e.name !== 'v8.compile' && e.name !== 'v8.compileModule')) continue;
    const url = e.args?.data?.url ?? e.args?.fileName ?? '';
    if (!url.startsWith(extensionOrigin)) continue;
    const key = `${e.pid}:${e.tid}`;
    if (!compiles.has(key)) compiles.set(key, []);
    compiles.get(key).push({ from: e.ts, to: e.ts + e.dur, file: url.slice(extensionOrigin.length) });
  }
  const byFunction = { page: new Map(), iframes: new Map(), background: new Map() };
  const inclusive = { page: new Map(), iframes: new Map(), background: new Map() };
  for (const p of profiles.values()) {
    let role = null;
    const thread = threadName.get(`${p.pid}:${p.tid}`) ?? '';
    const urls = new Set([...p.nodes.values()].map((n) => n.callFrame?.url ?? ''));
    if (mainPids.has(p.pid) && thread === 'CrRendererMain') role = 'page';
    else if (framePids.has(p.pid) && !mainPids.has(p.pid) && thread === 'CrRendererMain') role = 'iframes';
    // Not a web page's main thread: the extension's own when it ran the extension's code (a page's worker
    // never does: content scripts run on main threads only).
    else if (!mainPids.has(p.pid) && !framePids.has(p.pid) && [...urls].some((u) => u.startsWith(extensionOrigin))) role = 'background';
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
    // Per node: the distinct functions of the extension on the stack from it to the root, as "name file:line".
    const stacks = new Map();
    const stackOf = (id) => {
      if (stacks.has(id)) return stacks.get(id);
      const n = p.nodes.get(id);
      let keys = [];
      if (n) {
        keys = n.parent !== undefined ? stackOf(n.parent) : [];
        const cf = n.callFrame ?? {};
        if ((cf.url ?? '').startsWith(extensionOrigin)) {
          const key = `${cf.functionName || '(anonymous)'} ${cf.url.slice(extensionOrigin.length)}:${cf.lineNumber + 1}`;
          if (!keys.includes(key)) keys = [...keys, key];
        }
      }
      stacks.set(id, keys);
      return keys;
    };
    const r = roles[role];
    // A sample stands for the interval to the next sample. Its CPU time is that interval's overlap with the
    // thread's tasks, each scaled by the CPU share the thread got in that task: on a loaded machine a thread
    // waits for a core for part of each task, and wall time overstates its work.
    const threadTasks = tasks.get(`${p.pid}:${p.tid}`) ?? [];
    // Time outside every recorded task (rare) gets the thread's CPU share over all its tasks.
    const threadShare = threadTasks.length ? Math.min(1, sum(threadTasks, (x) => x.tdur) / sum(threadTasks, (x) => x.dur)) : 1;
    let k = 0;
    const cpuIn = (from, to) => {
      while (k < threadTasks.length && threadTasks[k].ts + threadTasks[k].dur <= from) k++;
      let cpu = 0;
      let covered = 0;
      for (let j = k; j < threadTasks.length && threadTasks[j].ts < to; j++) {
        const task = threadTasks[j];
        const overlap = Math.min(to, task.ts + task.dur) - Math.max(from, task.ts);
        if (overlap <= 0) continue;
        covered += overlap;
        cpu += overlap * Math.min(1, task.tdur / task.dur);
      }
      return { cpu: cpu + (to - from - covered) * threadShare, covered };
    };
    let t = p.startTime ?? 0;
    const times = p.deltas.map((d) => (t += d));
    const threadCompiles = compiles.get(`${p.pid}:${p.tid}`) ?? [];
    for (let i = 0; i < p.samples.length; i++) {
      const node = p.nodes.get(p.samples[i]);
      const name = node?.callFrame?.functionName ?? '';
      const compiling = name === '(program)' ? threadCompiles.find((c) => c.from <= times[i] && times[i] < c.to) : undefined;
      if (!node || (NOT_SCRIPT.has(name) && !compiling) || i + 1 >= times.length) continue;
      const end = Math.min(times[i + 1], times[i] + MAX_SAMPLE_MS * 1000);
      const ms = (end - times[i]) / 1000;
      const share = cpuIn(times[i], end);
      const cpu = share.cpu / 1000;
      r.samples++;
      r.coveredMs += share.covered / 1000;
      r.wallMs += ms;
      r.scriptMs += cpu;
      if (name === '(garbage collector)') {
        r.gcMs += cpu;
        continue;
      }
      if (compiling) {
        r.extensionWallMs += ms;
        r.extensionMs += cpu;
        r.extensionCompileMs += cpu;
        r.extensionSamples++;
        const fn = `(compile) ${compiling.file}`;
        byFunction[role].set(fn, (byFunction[role].get(fn) ?? 0) + cpu);
        continue;
      }
      if (isOurs(node.id)) {
        r.extensionWallMs += ms;
        r.extensionMs += cpu;
        r.extensionSamples++;
        // Self time by the extension's innermost function on the stack, and the native call it was in, if any.
        let own = node;
        while (own && !(own.callFrame?.url ?? '').startsWith(extensionOrigin)) own = p.nodes.get(own.parent);
        const cf = own.callFrame;
        const leaf = own === node ? '' : ` > ${node.callFrame.functionName || '(anonymous)'}`;
        const fn = `${cf.functionName || '(anonymous)'} ${cf.url.slice(extensionOrigin.length)}:${cf.lineNumber + 1}${leaf}`;
        byFunction[role].set(fn, (byFunction[role].get(fn) ?? 0) + cpu);
        // Inclusive time: once for every distinct function of the extension on the stack (a profile's "total" column).
        for (const key of stackOf(node.id)) inclusive[role].set(key, (inclusive[role].get(key) ?? 0) + cpu);
      }
    }
  }
  return { roles, byFunction, inclusive, mainPids: [...mainPids], framePids: [...framePids] };
}

function emptyRole() {
  // *Ms: CPU time (wall time of samples scaled by their task's CPU share); *WallMs: wall time, as DevTools shows.
  // coveredMs: the part of wallMs that fell inside a recorded task (a check on the CPU weighting).
  // mainThreadMs / mainThreadWallMs: every top-level task of the role's renderer main threads (CPU; wall).
  // extension*: the part of script* whose stack holds a frame of the extension under measurement, or that
  // compiled one of its files (extensionCompileMs, also in extensionMs).
  // topLevelWallMs: the wall time of the top-level script events of the extension's files (the shared harness's view).
  return { topLevelWallMs: 0, scriptMs: 0, wallMs: 0, extensionMs: 0, extensionWallMs: 0, extensionCompileMs: 0, gcMs: 0, samples: 0, extensionSamples: 0, coveredMs: 0, intersectionMs: 0, mainThreadMs: 0, mainThreadWallMs: 0 };
}

function sum(list, f) {
  let total = 0;
  for (const x of list) total += f(x);
  return total;
}
