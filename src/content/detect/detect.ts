/**
 * Which elements under a root are ads, and why. Pure over the DOM: no extension APIs, no observers, so unit
 * tests drive it with happy-dom and the content script with the live page.
 */
import type { AdKind } from '../../common/types';
import { adaptersFor } from './adapters/index';
import { matchFilterRules } from './filter-rules';
import { adNetworkOfFrameSrc } from './frame-hosts';
import { containerOfLabel, findLabels } from './labels';
import { SELECTOR_SIGNATURES } from './signatures';
import { NO_CONTEXT } from './types';
import type { DetectContext, Detection } from './types';

export type { Detection } from './types';

/**
 * Every ad at or under root, outermost matches only, in document order. Layers run from the most specific
 * to the most generic, and an element keeps the first rule that found it: platform adapters, built-in
 * signatures, filter-list rules, then disclosure labels.
 */
export function detectAds(root: Element | Document, ctx: DetectContext = NO_CONTEXT): Detection[] {
  const matches = new Map<Element, Detection>();
  const add = (element: Element, rule: string, kind: AdKind, network: string | null) => {
    // Empty and collapsed slots are not ads: only a box holding a creative is.
    if (!matches.has(element) && hasCreative(element)) matches.set(element, { element, rule, kind, network });
  };

  for (const adapter of adaptersFor(ctx.platform)) {
    // Adapters know their platform's markup, including units with no creative element (text ads).
    for (const d of adapter.detect(root, ctx)) if (!matches.has(d.element)) matches.set(d.element, d);
  }
  for (const sig of SELECTOR_SIGNATURES) {
    for (const el of selfAndDescendants(root, sig.selector)) add(el, `sig:${sig.id}`, sig.kind, sig.network);
  }
  const base = (root.ownerDocument ?? (root as Document)).baseURI;
  for (const frame of selfAndDescendants(root, 'iframe[src]')) {
    const network = adNetworkOfFrameSrc(frame.getAttribute('src') ?? '', base);
    if (network) add(frame, 'sig:ad-frame-host', 'display', network);
  }
  for (const { element, rule } of matchFilterRules(root, ctx.filterRules)) add(element, rule, 'display', null);
  for (const label of findLabels(root)) {
    if (!ctx.isRendered(label.labelElement)) continue;
    const container = containerOfLabel(label);
    if (container) add(container, `label:${label.label}`, label.kind, null);
  }
  return outermost([...matches.values()]);
}

// An ad must hold something a person can see as one: EasyList also hides empty slots, placeholders and
// bare "Advertisement" captions, and unfilled ad slots stay in pages, none of them ads in themselves.
const CREATIVE = 'a[href],iframe,img,video,canvas,picture,object,embed,svg';

function hasCreative(el: Element): boolean {
  return el.matches(CREATIVE) || el.querySelector(CREATIVE) !== null;
}

export function selfAndDescendants(root: Element | Document, selector: string): Element[] {
  const found = [...root.querySelectorAll(selector)];
  if (root instanceof Element && root.matches(selector)) found.unshift(root);
  return found;
}

/** Nested matches collapse to the outermost ad, which inherits a network named by an inner match. */
export function outermost(detections: Detection[]): Detection[] {
  const byElement = new Map(detections.map((d) => [d.element, d]));
  const kept: Detection[] = [];
  for (const d of detections) {
    const outer = outerAncestor(d.element, byElement);
    if (outer) {
      outer.network ??= d.network;
    } else {
      kept.push(d);
    }
  }
  kept.sort((a, b) => (a.element.compareDocumentPosition(b.element) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  return kept;
}

function outerAncestor(el: Element, byElement: Map<Element, Detection>): Detection | null {
  let found: Detection | null = null;
  for (let p = el.parentElement; p; p = p.parentElement) found = byElement.get(p) ?? found;
  return found;
}

/**
 * Detection after a mutation: the ads in the added subtree, plus an ancestor that became an ad because the
 * subtree gave it its creative (an ad tag filling a slot that was empty at the first scan). Ancestors are
 * tested with `matches` against the selector layers only; labels are found from the subtree's parent.
 */
export function detectAround(added: Element, ctx: DetectContext = NO_CONTEXT): Detection[] {
  const found = detectAds(added.parentElement ?? added, ctx);
  if (!hasCreative(added)) return found;
  let outerMatch: Detection | null = null;
  for (let el = added.parentElement?.parentElement ?? null; el && el !== el.ownerDocument.body; el = el.parentElement) {
    const sig = SELECTOR_SIGNATURES.find((s) => el.matches(s.selector));
    if (sig) {
      outerMatch = { element: el, rule: `sig:${sig.id}`, kind: sig.kind, network: sig.network };
      continue;
    }
    const rule = ctx.filterRules.find((r) => r.selector !== null && safeMatches(el, r.selector));
    if (rule) outerMatch = { element: el, rule: rule.rule, kind: 'display', network: null };
  }
  return outerMatch ? outermost([outerMatch, ...found]) : found;
}

function safeMatches(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
}
