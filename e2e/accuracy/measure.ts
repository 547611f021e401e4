import type { BrowserContext, Page, Worker } from '@playwright/test';
import type { ResponseOf, TabMessages } from '../../src/common/messages';
import type { DetectedAd } from '../../src/common/types';
import { scrollThrough } from '../../scripts/visit.mjs';
import type { CorpusPage } from './corpus';
import { scoreInPage } from './score';
import type { PageScore } from './score';

export interface PageResult extends PageScore {
  page: string;
  detected: number;
  truth: number;
}

type PageState = ResponseOf<TabMessages, 'listDetections'>;

/** Asks the top frame of the page's tab, through the service worker, for its page view's state. */
export async function pageState(serviceWorker: Worker, urlPattern: string): Promise<PageState> {
  return serviceWorker.evaluate(async (pattern) => {
    type Api = { tabs: { query(q: object): Promise<{ id?: number }[]>; sendMessage(id: number, m: object, o: object): Promise<PageState> } };
    const api = (globalThis as unknown as { chrome: Api }).chrome;
    const [tab] = await api.tabs.query({ url: pattern });
    if (tab?.id === undefined) throw new Error(`no tab for ${pattern}`);
    return api.tabs.sendMessage(tab.id, { type: 'listDetections' }, { frameId: 0 });
  }, urlPattern);
}

/**
 * The ads the page's top frame found, and why; none while its content script has not run yet (it runs at
 * document_idle, after a `domcontentloaded` goto has returned: the tab then has no receiver).
 */
export async function detectionsOf(serviceWorker: Worker, urlPattern: string): Promise<DetectedAd[]> {
  try {
    return (await pageState(serviceWorker, urlPattern)).ads;
  } catch (error) {
    if (String(error).includes('Receiving end does not exist')) return [];
    throw error;
  }
}

/** Loads one corpus page with AdTally, lets detection settle, and scores what it found against the truth. */
export async function measurePage(context: BrowserContext, serviceWorker: Worker, port: number, corpusPage: CorpusPage): Promise<PageResult> {
  const page: Page = await context.newPage();
  try {
    await page.goto(`http://${corpusPage.host}:${port}${corpusPage.path}`);
    await page.waitForLoadState('load');
    if (corpusPage.scroll) await scrollThrough(page);
    await page.waitForTimeout(1200); // mutation batches (100 ms) and the rules round trip
    const ads = await detectionsOf(serviceWorker, `*://${corpusPage.host}/*`);
    const score = await page.evaluate(scoreInPage, {
      detections: ads.map(({ path, rule }) => ({ path, rule })),
      truth: corpusPage.ads.map((a) => a.selector),
    });
    return { page: `${corpusPage.host}${corpusPage.path}`, detected: ads.length, truth: corpusPage.ads.length, ...score };
  } finally {
    await page.close();
  }
}

export function summarise(results: PageResult[]) {
  const tp = results.reduce((n, r) => n + r.truePositives, 0);
  const fp = results.reduce((n, r) => n + r.falsePositives.length, 0);
  const fn = results.reduce((n, r) => n + r.falseNegatives.length, 0);
  return { tp, fp, fn, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn) };
}

export function formatReport(results: PageResult[]): string {
  const pct = (x: number) => x.toFixed(3);
  const lines = [`${'page'.padEnd(44)} ${'truth'.padStart(5)} ${'found'.padStart(5)} ${'TP'.padStart(4)} ${'FP'.padStart(4)} ${'FN'.padStart(4)} ${'precision'.padStart(9)} ${'recall'.padStart(7)}`];
  for (const r of results) {
    const s = summarise([r]);
    lines.push(`${r.page.padEnd(44)} ${String(r.truth).padStart(5)} ${String(r.detected).padStart(5)} ${String(s.tp).padStart(4)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)} ${pct(s.precision).padStart(9)} ${pct(s.recall).padStart(7)}`);
    for (const f of r.falsePositives) lines.push(`    false positive: ${f.path}  (${f.rule})`);
    for (const f of r.falseNegatives) lines.push(`    missed: ${f}`);
    for (const b of r.badTruth) lines.push(`    BAD TRUTH: ${b}`);
  }
  const all = summarise(results);
  lines.push(`${'OVERALL'.padEnd(44)} ${''.padStart(5)} ${''.padStart(5)} ${String(all.tp).padStart(4)} ${String(all.fp).padStart(4)} ${String(all.fn).padStart(4)} ${pct(all.precision).padStart(9)} ${pct(all.recall).padStart(7)}`);
  return lines.join('\n');
}
