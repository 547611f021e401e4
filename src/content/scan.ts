import { detectAds, detectAround } from './detect/detect';
import type { DetectContext, Detection, FilterRule } from './detect/types';
import { TokenFilter } from '../common/token-filter';
import type { ContentMessages, ResponseOf } from '../common/messages';
import { isEmpty, TokenSurvey } from './page-tokens';
import type { Tokens } from './page-tokens';
import { DEFAULT_LIMITS, ScanBudget, Slice, yieldToPage } from './scan-limits';
import type { Limits, ScanReport } from './scan-limits';
import { ancestorOrSelf, outermostRoots, partition, sizeOf } from './scan-roots';
import { isRendered } from './track/viewport';
import { RULES_TIMEOUT_MS } from './first-rules';
import { withTimeout } from './with-timeout';

export type { ScanReport } from './scan-limits';

type PageRulesAnswer = ResponseOf<ContentMessages, 'pageRules'>;

/**
 * The background's answer about rules (common/messages.ts `pageRules`), where the user's rules and `tracked`
 * may be missing: a page view with no answer in time, and the tests, go on without them.
 */
export type RulesReply = Omit<PageRulesAnswer, 'userRules' | 'tracked'> & Partial<Pick<PageRulesAnswer, 'userRules' | 'tracked'>>;

/** Asks the background for the rules that the given tokens (and, the first time, the page's host) call for. */
export type RequestRules = (tokens: Tokens & { first: boolean }) => Promise<RulesReply>;

/**
 * Runs detection over the whole document at start, then over subtrees the page adds, batched: pages add
 * nodes in bursts (an ad script injecting its iframe, a feed appending posts), and one scan per burst is
 * enough. Before each scan, tokens not seen before are sent for the filter-list rules they call for.
 *
 * Bounded whatever the page holds (docs/performance.md, "Hostile pages"): the work is a queue of subtrees of
 * at most WHOLE_ELEMENTS elements (a bigger document or added subtree is cut into subtrees of at most
 * CHUNK_ELEMENTS), run in slices of a few milliseconds with the page's own tasks in between; a subtree inside
 * an ad already found is not scanned again; and a page view hands at most MAX_ADS ads to counting and at most
 * MAX_ELEMENTS elements to detection (scan-limits.ts). Past a cap the scan stops, and `report()` says so.
 */
const SKIP = new Set(['SCRIPT', 'STYLE', 'LINK', 'META', 'NOSCRIPT', 'TEMPLATE', 'BR']);
const BATCH_MS = 100;
/**
 * A document, or a subtree the page adds, of up to this many elements is detected in one call, as a whole:
 * every page of the accuracy corpus and of the page bench is. Detection's cost is not linear in a subtree
 * (labels.ts compares every caption found with every other), so bigger ones are cut.
 */
export const WHOLE_ELEMENTS = 10_000;
/** The most elements one detection call is given when a document or subtree is cut (scan-roots.ts). */
export const CHUNK_ELEMENTS = 1_000;
/** Tokens are surveyed, and their rules asked for, over about this many queued elements at a time. */
const GROUP_ELEMENTS = 20_000;

export interface ScanOptions {
  limits?: Limits;
  /** WHOLE_ELEMENTS and CHUNK_ELEMENTS (tests: small pages). */
  wholeElements?: number;
  chunkElements?: number;
  /** Lets the page run between two slices (tests: resolves at once). */
  pause?: () => Promise<void>;
  /** Milliseconds, for the slices (tests: a fake clock). */
  now?: () => number;
  /** The page view's first answer, already asked (first-rules.ts); without it the scan asks first itself. */
  first?: RulesReply;
}

export interface Scanner {
  /** An element whose content changed (a recycled list node) is detected afresh. */
  rescan(element: Element): void;
  /** What the scan did in this page view and whether a cap stopped it. */
  report(): ScanReport;
}

interface Item {
  root: Element | Document;
  size: number;
}

export function watchForAds(
  onDetected: (found: Detection[]) => void,
  requestRules: RequestRules,
  signal: AbortSignal,
  options: ScanOptions = {},
): Scanner {
  const ctx: DetectContext & { filterRules: FilterRule[] } = { isRendered, platform: null, filterRules: [], userRules: [] };
  const budget = new ScanBudget(options.limits ?? DEFAULT_LIMITS);
  const survey = new TokenSurvey();
  const pause = options.pause ?? yieldToPage;
  const slice = new Slice(budget.limits.sliceMs, options.now);
  const whole = options.wholeElements ?? WHOLE_ELEMENTS;
  const chunkMax = options.chunkElements ?? CHUNK_ELEMENTS;
  const ruleTexts = new Set<string>();
  // Every ad element handed to counting in this page view; `stale` ones were given back to rescan (their
  // content changed) and are ads again only if detection finds them again.
  const handed = new WeakSet<Element>();
  const stale = new WeakSet<Element>();
  const isKnownAd = (el: Element) => handed.has(el) && !stale.has(el);
  // "Is or is inside an ad already handed on", remembered until the DOM may have changed (the next pause).
  let insideKnownAd = ancestorOrSelf(isKnownAd);

  // The work queue: items[head…] are waiting.
  let items: Item[] = [];
  let head = 0;
  let added = new Set<Element>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running = false;
  let asked = false;
  let stopped = false;
  let observing = false;

  const learn = async (tokens: Tokens, first: boolean) => {
    const reply = await withTimeout(requestRules({ ...tokens, first }), RULES_TIMEOUT_MS).catch(() => null);
    if (reply) use(reply, first);
  };
  const use = (reply: RulesReply, first: boolean) => {
    if (first) {
      ctx.platform = reply.platform;
      ctx.userRules = reply.userRules ?? [];
      survey.filterBy(TokenFilter.from(reply.tokenFilter));
    }
    for (const rule of reply.rules) {
      if (ruleTexts.has(rule.rule)) continue;
      ruleTexts.add(rule.rule);
      ctx.filterRules.push(rule);
    }
  };

  if (options.first) {
    use(options.first, true);
    asked = true;
  }

  const observer = new MutationObserver((records) => {
    if (stopped) return;
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node instanceof Element && !SKIP.has(node.tagName)) added.add(node);
        else if (node.nodeType === Node.TEXT_NODE && node.parentElement) added.add(node.parentElement);
      }
    }
    if (added.size > 0 && timer === null) timer = setTimeout(flushAdded, BATCH_MS);
  });
  const stopObserving = () => {
    if (!observing) return;
    observing = false;
    observer.disconnect();
    if (timer !== null) clearTimeout(timer);
    timer = null;
    // What the page had added and the scan had not yet queued is not scanned.
    for (const root of outermostRoots(added)) budget.elementsNotScanned += root.isConnected ? sizeOf(root) : 0;
    added = new Set();
  };

  /** Queues a subtree: whole up to WHOLE_ELEMENTS, else cut. A subtree over the element budget is refused. */
  const enqueue = (root: Element | Document, size: number) => {
    const chunks = size <= whole || isDocument(root) ? [{ root, size }] : partition(root, chunkMax);
    for (const chunk of chunks) {
      if (budget.enqueue(chunk.size)) items.push(chunk);
      else stopObserving();
    }
  };

  const flushAdded = () => {
    timer = null;
    if (stopped) return;
    const roots = outermostRoots(added);
    added = new Set();
    for (const root of roots) if (root.isConnected) enqueue(root, sizeOf(root));
    void pump();
  };

  const stop = () => {
    if (stopped) return;
    stopped = true;
    stopObserving();
    budget.stop();
    items = [];
    head = 0;
    if (budget.capped) {
      const { ads, elements } = budget;
      console.warn(
        `AdTally stopped looking for ads on this page view at its cap (${budget.capped === 'ads' ? `${ads} ads` : `${elements} elements scanned`}); the ads found are still measured. See docs/measurement.md.`,
      );
    }
  };

  /** Hands on the detections not yet handed (and rescanned ones found again), up to the ad cap. */
  const hand = (found: Detection[]) => {
    const out: Detection[] = [];
    for (const d of found) {
      if (stale.has(d.element)) {
        stale.delete(d.element);
        out.push(d);
        continue;
      }
      if (insideKnownAd(d.element) || !budget.takeAd()) continue;
      handed.add(d.element);
      out.push(d);
    }
    if (out.length > 0) {
      insideKnownAd = ancestorOrSelf(isKnownAd);
      onDetected(out);
    }
    if (budget.capped) stop();
  };

  const detect = (item: Item) => {
    const { root, size } = item;
    if (isDocument(root)) {
      budget.take(size);
      hand(detectAds(root, ctx));
      return;
    }
    if (!root.isConnected || insideKnownAd(root)) {
      budget.drop(size);
      return;
    }
    budget.take(size);
    hand(detectAround(root, ctx));
  };

  const rest = async () => {
    budget.slices++;
    await pause();
    insideKnownAd = ancestorOrSelf(isKnownAd);
    slice.restart();
  };

  /** Takes queued items of about GROUP_ELEMENTS elements (at least one). */
  const takeGroup = (): Item[] => {
    const group: Item[] = [];
    let size = 0;
    while (head < items.length && (group.length === 0 || size + items[head]!.size <= GROUP_ELEMENTS)) {
      size += items[head]!.size;
      group.push(items[head++]!);
    }
    if (head > 1024 && head * 2 > items.length) {
      items = items.slice(head);
      head = 0;
    }
    return group;
  };

  const pump = async () => {
    if (running) return;
    running = true;
    slice.restart();
    try {
      while (!stopped && !signal.aborted) {
        if (head >= items.length) {
          budget.drained();
          if (budget.capped) stop();
          break;
        }
        const group = takeGroup();
        // Rules first: the tokens of the group, all of it, in one request.
        const tokens: Tokens = { classes: [], ids: [], hrefs: [] };
        for (const { root } of group) {
          if (slice.expired()) await rest();
          if (isDocument(root)) survey.collect(root.documentElement, tokens);
          else if (root.isConnected) survey.collect(root, tokens);
        }
        if (!asked || !isEmpty(tokens)) {
          const first = !asked;
          asked = true;
          await learn(tokens, first);
          if (signal.aborted) return;
          insideKnownAd = ancestorOrSelf(isKnownAd);
          slice.restart();
        }
        for (const item of group) {
          if (stopped || signal.aborted) break;
          if (slice.expired()) await rest();
          if (stopped || signal.aborted) break;
          detect(item);
        }
      }
    } finally {
      running = false;
    }
  };

  signal.addEventListener('abort', () => stop(), { once: true });
  if (!signal.aborted) {
    observer.observe(document.documentElement, { childList: true, subtree: true });
    observing = true;
    const elements = document.getElementsByTagName('*').length;
    if (elements <= whole) enqueue(document, elements);
    else for (const chunk of partition(document.body ?? document.documentElement, chunkMax)) enqueue(chunk.root, chunk.size);
    void pump();
  }

  return {
    rescan: (element) => {
      if (stopped || !element.isConnected) return;
      stale.add(element);
      insideKnownAd = ancestorOrSelf(isKnownAd);
      enqueue(element, sizeOf(element));
      void pump();
    },
    report: () => budget.report(survey.overCap),
  };
}

function isDocument(root: Element | Document): root is Document {
  return root.nodeType === Node.DOCUMENT_NODE;
}
