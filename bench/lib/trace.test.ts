import { describe, expect, it } from 'vitest';
import { attribute } from './trace.mjs';

// A small synthetic trace with three processes: the page's renderer (pid 1), an ad iframe's renderer (pid 2)
// and the extensions' process (pid 3), two extensions' scripts in the page, and uBO's background page.
const PAGE = 'http://news.test:8000/';
const UBO = 'chrome-extension://ubo/';
const ADTALLY = 'chrome-extension://adtally/';

const thread = (pid: number, tid: number, name: string) => ({ ph: 'M', name: 'thread_name', pid, tid, args: { name } });
const parsed = (pid: number, tid: number, url: string) => ({ ph: 'X', name: 'ParseHTML', pid, tid, ts: 0, dur: 1, args: { beginData: { url } } });
// One top-level task over the whole profile; `share` is the CPU its thread got in it (tdur / dur).
const task = (pid: number, tid: number, share: number) => ({ ph: 'X', cat: 'toplevel', name: 'RunTask', pid, tid, ts: 0, dur: 20_000, tdur: 20_000 * share });
const node = (id: number, parent: number | undefined, functionName: string, url = '', lineNumber = 0) => ({ id, parent, callFrame: { functionName, url, lineNumber } });
// Samples 1 ms apart (the last one ends the profile and is not counted).
function profile(pid: number, tid: number, nodes: ReturnType<typeof node>[], samples: number[]) {
  return [
    { ph: 'P', name: 'Profile', pid, tid, id: `0x${pid}${tid}`, args: { data: { startTime: 0 } } },
    { ph: 'P', name: 'ProfileChunk', pid, tid, id: `0x${pid}${tid}`, args: { data: { cpuProfile: { nodes, samples }, timeDeltas: samples.map(() => 1000) } } },
  ];
}

const events = [
  thread(1, 11, 'CrRendererMain'),
  thread(2, 21, 'CrRendererMain'),
  thread(3, 31, 'CrRendererMain'),
  parsed(1, 11, PAGE),
  parsed(2, 21, 'http://ads1.test:8000/creative.html'),
  parsed(3, 31, `${UBO}background.html`),
  task(1, 11, 0.5),
  task(2, 21, 1),
  task(3, 31, 1),
  // uBO's content script compiled in the page's main thread during the 7th sample (a "(program)" sample).
  { ph: 'X', name: 'v8.compile', pid: 1, tid: 11, ts: 6500, dur: 1000, args: { data: { url: `${UBO}js/contentscript.js` } } },
  ...profile(
    1,
    11,
    [
      node(1, undefined, '(root)'),
      node(2, 1, 'render', `${PAGE}app.js`),
      node(3, 1, 'surveyPhase1', `${UBO}js/contentscript.js`, 9),
      node(4, 3, 'querySelectorAll'), // a native call uBO made: uBO's
      node(5, 3, 'onMutation', `${PAGE}app.js`), // page code under uBO's frame: uBO's
      node(6, 1, 'scan', `${ADTALLY}content.js`, 99),
      node(7, 1, '(garbage collector)'),
      node(8, 1, '(program)'),
    ],
    [2, 3, 4, 5, 6, 7, 8, 8, 2],
  ),
  ...profile(2, 21, [node(1, undefined, '(root)'), node(2, 1, 'creative', 'http://ads1.test:8000/creative.html'), node(3, 1, 'start', `${UBO}js/vapi.js`)], [3, 3, 2, 2]),
  ...profile(3, 31, [node(1, undefined, '(root)'), node(2, 1, 'onMessage', `${UBO}js/messaging.js`)], [2, 2, 2]),
];

describe('attribute', () => {
  it("counts every sample with the extension's frame anywhere on its stack as that extension's, in each role", () => {
    const { roles } = attribute(events, { pageOrigin: PAGE, extensionOrigin: UBO });
    // Page: uBO's own frame, the native call under it, the page callback under it and the compiling of its
    // script; the page thread got half a core.
    expect(roles.page.extensionWallMs).toBe(4);
    expect(roles.page.extensionMs).toBe(2);
    expect(roles.page.extensionCompileMs).toBe(0.5);
    expect(roles.page.extensionSamples).toBe(4);
    // Every script sample but the (program) one outside any compile; the garbage collector's is script but no one's.
    expect(roles.page.wallMs).toBe(7);
    expect(roles.page.gcMs).toBe(0.5);
    // uBO's content script in the ad iframe's renderer, and its background page in the extension's process.
    expect(roles.iframes.extensionMs).toBe(2);
    expect(roles.iframes.scriptMs).toBe(3);
    expect(roles.background.extensionMs).toBe(2);
  });

  it('attributes to the extension it is given, not to any extension', () => {
    const { roles } = attribute(events, { pageOrigin: PAGE, extensionOrigin: ADTALLY });
    expect(roles.page.extensionWallMs).toBe(1);
    expect(roles.page.extensionCompileMs).toBe(0);
    expect(roles.iframes.extensionMs).toBe(0);
    // uBO's background page is not AdTally's process.
    expect(roles.background.scriptMs).toBe(0);
  });

  it('names the time by the innermost frame of the extension and the call it was in', () => {
    const { byFunction } = attribute(events, { pageOrigin: PAGE, extensionOrigin: UBO });
    expect(Object.fromEntries(byFunction.page)).toEqual({
      'surveyPhase1 js/contentscript.js:10': 0.5,
      'surveyPhase1 js/contentscript.js:10 > querySelectorAll': 0.5,
      'surveyPhase1 js/contentscript.js:10 > onMutation': 0.5,
      '(compile) js/contentscript.js': 0.5,
    });
  });

  it("sums the extension's top-level script events per role, overlaps once, as the shared harness does", () => {
    const call = (pid: number, tid: number, ts: number, dur: number, url: string, name = 'FunctionCall') => ({ ph: 'X', name, pid, tid, ts, dur, args: { data: { url } } });
    const withCalls = [
      ...events,
      call(1, 11, 0, 2000, `${ADTALLY}content.js`, 'EvaluateScript'),
      call(1, 11, 1000, 1500, `${ADTALLY}content.js`, 'v8.compile'), // inside the evaluation: counted once
      call(1, 11, 5000, 1000, `${ADTALLY}content.js`),
      call(1, 11, 8000, 3000, `${PAGE}app.js`), // the page's own listener
      call(2, 21, 0, 4000, `${ADTALLY}frame.js`),
    ];
    const { roles } = attribute(withCalls, { pageOrigin: PAGE, extensionOrigin: ADTALLY });
    expect(roles.page.topLevelWallMs).toBeCloseTo(3.5);
    expect(roles.iframes.topLevelWallMs).toBeCloseTo(4);
    expect(attribute(withCalls, { pageOrigin: PAGE, extensionOrigin: UBO }).roles.page.topLevelWallMs).toBeCloseTo(1); // its compile in the page
  });
});
