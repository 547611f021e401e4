// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as detect from './detect/detect';
import type { Detection } from './detect/detect';
import { DEFAULT_LIMITS } from './scan-limits';
import { watchForAds } from './scan';
import type { RequestRules, ScanOptions } from './scan';

vi.mock('./detect/detect', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./detect/detect')>();
  return { ...actual, detectAds: vi.fn(actual.detectAds), detectAround: vi.fn(actual.detectAround) };
});

const ad = (id: string) => `<ins id="${id}" class="adsbygoogle"><a href="https://shop.example/${id}"><img width="300" height="250"></a></ins>`;
const story = (n: number) => `<article><h2>Story ${n}</h2><p>Text <a href="/s/${n}">more</a></p></article>`;

let controller: AbortController;
let found: Detection[][];
let warn: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  document.body.innerHTML = '';
  controller = new AbortController();
  found = [];
  vi.mocked(detect.detectAds).mockClear();
  vi.mocked(detect.detectAround).mockClear();
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  controller.abort();
  warn.mockRestore();
});

const requestRules = vi.fn<RequestRules>(async () => ({ rules: [], platform: null, userRules: [] }));

function start(options: ScanOptions = {}) {
  return watchForAds((ds) => found.push(ds), requestRules, controller.signal, { pause: () => Promise.resolve(), ...options });
}
const handed = () => found.flat().map((d) => d.element.id);
/** Until the batch of mutations (100 ms) and the scan after it have run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 180));
/** The roots detection was given: whole documents are "#document". */
const roots = () => [
  ...vi.mocked(detect.detectAds).mock.calls.filter(([root]) => root.nodeType === Node.DOCUMENT_NODE).map(() => '#document'),
  ...vi.mocked(detect.detectAround).mock.calls.map(([root]) => root),
];

describe('watchForAds', () => {
  it('finds the ads of the page at start and those it adds later, each once', async () => {
    document.body.innerHTML = `<main>${story(1)}${ad('a1')}${story(2)}${ad('a2')}</main>`;
    const scanner = start();
    await settle();
    expect(handed()).toEqual(['a1', 'a2']);
    document.querySelector('main')!.insertAdjacentHTML('beforeend', `${story(3)}${ad('a3')}`);
    await settle();
    expect(handed()).toEqual(['a1', 'a2', 'a3']);
    expect(scanner.report()).toMatchObject({ ads: 3, capped: null, adsOverCap: 0 });
    expect(requestRules.mock.calls[0]![0].first).toBe(true);
  });

  it('hands at most maxAds ads in a page view, then stops looking and says so', async () => {
    document.body.innerHTML = `<main>${Array.from({ length: 12 }, (_, i) => ad(`a${i}`)).join('')}</main>`;
    const scanner = start({ limits: { ...DEFAULT_LIMITS, maxAds: 5 } });
    await settle();
    expect(handed()).toEqual(['a0', 'a1', 'a2', 'a3', 'a4']);
    expect(scanner.report()).toMatchObject({ ads: 5, capped: 'ads', adsOverCap: 7 });
    expect(warn).toHaveBeenCalledTimes(1);
    // Nothing more is scanned, rescans included.
    document.querySelector('main')!.insertAdjacentHTML('beforeend', ad('late'));
    scanner.rescan(document.getElementById('a0')!);
    await settle();
    expect(handed()).toHaveLength(5);
    expect(vi.mocked(detect.detectAround)).not.toHaveBeenCalled();
  });

  it('stops at the ad that reaches the cap, leaving the rest of its queue unread', async () => {
    document.body.innerHTML = `<main>${Array.from({ length: 12 }, (_, i) => `<section>${story(i)}${ad(`a${i}`)}</section>`).join('')}</main>`;
    const scanner = start({ wholeElements: 20, chunkElements: 12, limits: { ...DEFAULT_LIMITS, maxAds: 5 } });
    await settle();
    expect(handed()).toEqual(['a0', 'a1', 'a2', 'a3', 'a4']);
    expect(roots()).toHaveLength(5);
    // Seven sections of 8 elements were queued and never read.
    expect(scanner.report()).toMatchObject({ capped: 'ads', adsOverCap: 0, elementsNotScanned: 56 });
  });

  it('cuts a document bigger than wholeElements into subtrees of at most chunkElements, and yields between slices', async () => {
    document.body.innerHTML = `<main>${Array.from({ length: 10 }, (_, i) => `<section>${story(i)}${ad(`a${i}`)}</section>`).join('')}</main>`;
    let t = 0;
    const pause = vi.fn(() => Promise.resolve());
    // Every reading of the clock is 4 ms later: a 10 ms slice holds about two subtrees.
    const scanner = start({ wholeElements: 20, chunkElements: 12, now: () => (t += 4), pause });
    await settle();
    expect(handed()).toEqual(Array.from({ length: 10 }, (_, i) => `a${i}`));
    const given = roots() as Element[];
    expect(given.map((r) => r.tagName)).toEqual(Array(10).fill('SECTION'));
    expect(given.every((r) => r.querySelectorAll('*').length + 1 <= 12)).toBe(true);
    expect(pause.mock.calls.length).toBeGreaterThanOrEqual(4);
    expect(scanner.report().slices).toBe(pause.mock.calls.length);
  });

  it('cuts a big subtree the page adds, and detects a small one whole', async () => {
    document.body.innerHTML = '<main></main>';
    start({ wholeElements: 20, chunkElements: 12 });
    await settle();
    const main = document.querySelector('main')!;
    main.insertAdjacentHTML('beforeend', `<div id="feed">${Array.from({ length: 4 }, (_, i) => `<section>${story(i)}${ad(`a${i}`)}</section>`).join('')}</div>`);
    main.insertAdjacentHTML('beforeend', `<div id="small">${ad('b')}</div>`);
    await settle();
    expect(handed()).toEqual(['a0', 'a1', 'a2', 'a3', 'b']);
    expect((roots().slice(1) as Element[]).map((r) => r.id || r.tagName)).toEqual(['SECTION', 'SECTION', 'SECTION', 'SECTION', 'small']);
  });

  it('does not scan again what the page adds inside an ad already found', async () => {
    document.body.innerHTML = `<main>${ad('a1')}<div id="other"></div></main>`;
    start();
    await settle();
    document.querySelector('#a1 a')!.insertAdjacentHTML('beforeend', '<span id="inside">Shop now</span>');
    document.getElementById('other')!.insertAdjacentHTML('beforeend', '<span id="outside">News</span>');
    await settle();
    expect((roots() as Element[]).slice(1).map((r) => r.id)).toEqual(['outside']);
  });

  it('detects a rescanned ad afresh, and counts it once', async () => {
    document.body.innerHTML = `<main>${ad('a1')}</main>`;
    const scanner = start({ limits: { ...DEFAULT_LIMITS, maxAds: 2 } });
    await settle();
    scanner.rescan(document.getElementById('a1')!);
    await settle();
    expect(handed()).toEqual(['a1', 'a1']);
    expect(scanner.report()).toMatchObject({ ads: 1, capped: null });
    // What the page adds inside it after the rescan found it again is inside a known ad once more.
    document.querySelector('#a1 a')!.insertAdjacentHTML('beforeend', '<span>Shop now</span>');
    await settle();
    expect(roots()).toHaveLength(2);
  });

  it('reads at most maxElements elements in a page view: a subtree past them is refused and the scan stops', async () => {
    document.body.innerHTML = `<main>${ad('a1')}</main>`;
    const scanner = start({ limits: { ...DEFAULT_LIMITS, maxElements: 40 } });
    await settle();
    const main = document.querySelector('main')!;
    main.insertAdjacentHTML('beforeend', `<div id="fits">${ad('a2')}</div>`);
    main.insertAdjacentHTML('beforeend', `<div id="too-big">${Array.from({ length: 10 }, (_, i) => ad(`x${i}`)).join('')}</div>`);
    await settle();
    expect(handed()).toEqual(['a1', 'a2']);
    const report = scanner.report();
    expect(report).toMatchObject({ capped: 'elements', ads: 2 });
    expect(report.elements).toBeLessThanOrEqual(40);
    expect(report.elementsNotScanned).toBe(31);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('stops when the page view ends', async () => {
    document.body.innerHTML = `<main>${ad('a1')}</main>`;
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    const scanner = start();
    await settle();
    controller.abort();
    expect(disconnect).toHaveBeenCalled();
    disconnect.mockRestore();
    document.querySelector('main')!.insertAdjacentHTML('beforeend', ad('a2'));
    await settle();
    expect(handed()).toEqual(['a1']);
    expect(scanner.report().capped).toBeNull();
    expect(warn).not.toHaveBeenCalled();
  });

  it("starts from the page view's first answer: its rules find ads at once, and it never asks `first` again", async () => {
    document.body.innerHTML = `<main><div id="house" class="partner-box"><a href="https://shop.example/x"><img width="300" height="250"></a></div></main>`;
    requestRules.mockClear();
    start({ first: { rules: [{ rule: '##.partner-box', selector: '.partner-box', extended: null }], platform: null, userRules: [], tracked: true } });
    await settle();
    expect(handed()).toEqual(['house']);
    expect(requestRules.mock.calls.every(([tokens]) => !tokens.first)).toBe(true);
  });
});
