import { detectAds, detectAround } from './detect/detect';
import type { DetectContext, Detection, FilterRule } from './detect/types';
import type { UserRule } from '../common/user-rules';
import { isEmpty, TokenSurvey } from './page-tokens';
import type { Tokens } from './page-tokens';
import { isRendered } from './track/viewport';

/** Asks the background for the rules that the given tokens (and, the first time, the page's host) call for. */
export type RequestRules = (tokens: Tokens & { first: boolean }) => Promise<{ rules: FilterRule[]; platform: string | null; userRules?: UserRule[] }>;

/**
 * Runs detection over the whole document at start, then over subtrees the page adds, batched: pages add
 * nodes in bursts (an ad script injecting its iframe, a feed appending posts), and one scan per burst is
 * enough. Before each scan, tokens not seen before are sent for the filter-list rules they call for.
 */
const SKIP = new Set(['SCRIPT', 'STYLE', 'LINK', 'META', 'NOSCRIPT', 'TEMPLATE', 'BR']);
const BATCH_MS = 100;
// A page must not wait on a sleeping or broken background: after this, scan with the built-in rules.
const RULES_TIMEOUT_MS = 2000;

export function watchForAds(
  onDetected: (found: Detection[]) => void,
  requestRules: RequestRules,
  signal: AbortSignal,
): { rescan(element: Element): void } {
  const ctx: DetectContext & { filterRules: FilterRule[] } = { isRendered, platform: null, filterRules: [], userRules: [] };
  void start(ctx, onDetected, requestRules, signal);
  // An element whose content changed (a recycled list node) is detected afresh with the rules known so far.
  return { rescan: (element) => element.isConnected && onDetected(detectAround(element, ctx)) };
}

async function start(
  ctx: DetectContext & { filterRules: FilterRule[] },
  onDetected: (found: Detection[]) => void,
  requestRules: RequestRules,
  signal: AbortSignal,
): Promise<void> {
  const survey = new TokenSurvey();
  const ruleTexts = new Set<string>();
  const learn = async (tokens: Tokens, first: boolean) => {
    if (!first && isEmpty(tokens)) return;
    const reply = await withTimeout(requestRules({ ...tokens, first }), RULES_TIMEOUT_MS).catch(() => null);
    if (!reply) return;
    if (first) {
      ctx.platform = reply.platform;
      ctx.userRules = reply.userRules ?? [];
    }
    for (const rule of reply.rules) {
      if (ruleTexts.has(rule.rule)) continue;
      ruleTexts.add(rule.rule);
      ctx.filterRules.push(rule);
    }
  };

  await learn(survey.collect(document.documentElement), true);
  if (signal.aborted) return;

  let added = new Set<Element>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let scanning: Promise<void> = Promise.resolve();
  const scanAdded = async () => {
    timer = null;
    const roots = [...added].filter((el) => el.isConnected && !hasAncestorIn(el, added));
    added = new Set();
    const fresh: Tokens = { classes: [], ids: [], hrefs: [] };
    for (const root of roots) {
      const t = survey.collect(root);
      fresh.classes.push(...t.classes);
      fresh.ids.push(...t.ids);
      fresh.hrefs.push(...t.hrefs);
    }
    await learn(fresh, false);
    if (signal.aborted) return;
    for (const root of roots) if (root.isConnected) onDetected(detectAround(root, ctx));
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node instanceof Element && !SKIP.has(node.tagName)) added.add(node);
        else if (node.nodeType === Node.TEXT_NODE && node.parentElement) added.add(node.parentElement);
      }
    }
    if (added.size > 0 && timer === null) {
      timer = setTimeout(() => {
        scanning = scanning.then(scanAdded);
      }, BATCH_MS);
    }
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      if (timer !== null) clearTimeout(timer);
    },
    { once: true },
  );
  onDetected(detectAds(document, ctx));
}

function hasAncestorIn(el: Element, set: Set<Element>): boolean {
  for (let p = el.parentElement; p; p = p.parentElement) if (set.has(p)) return true;
  return false;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
