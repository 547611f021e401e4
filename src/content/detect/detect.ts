/**
 * Which elements under a root are ads, and why. Pure over the DOM: no extension APIs, no observers, so unit
 * tests drive it with happy-dom and the content script with the live page.
 */
import type { AdKind } from '../../common/types';
import { adaptersFor } from './adapters/index';
import { matchFilterRules, ruleMatching } from './filter-rules';
import { adNetworkOfFrameSrc } from './frame-hosts';
import { containerOfLabel, findLabels, labelKind } from './labels';
import { renderedLabelText } from './label-text';
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

  const units: Element[] = [];
  const owned: Element[] = [];
  // The user's own "this is an ad" rules come first and are trusted as they are, like an adapter's units.
  for (const rule of ctx.userRules ?? []) {
    if (rule.kind !== 'ad') continue;
    for (const el of safeSelfAndDescendants(root, rule.selector)) {
      if (matches.has(el)) continue;
      matches.set(el, { element: el, rule: `user:${rule.line}`, kind: 'display', network: null });
      units.push(el);
    }
  }
  for (const adapter of adaptersFor(ctx.platform)) {
    owned.push(...(adapter.owns?.(root) ?? []));
    // Adapters know their platform's markup, including units with no creative element (text ads).
    for (const d of adapter.detect(root, ctx)) {
      if (matches.has(d.element)) continue;
      matches.set(d.element, d);
      units.push(d.element);
    }
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
  // A label counts only when a person can read it: checkVisibility misses text pushed off-screen, clipped
  // "visually hidden" text and zero-size ghosts, which label-text.ts reads as a person would.
  const labels = findLabels(root).filter(
    (label) => ctx.isRendered(label.labelElement) && renderedLabelText(label.labelElement, ctx.isRendered).trim() !== '',
  );
  const labelElements = labels.map((label) => label.labelElement);
  for (const label of labels) {
    const container = containerOfLabel(label, labelElements);
    if (container) add(container, `label:${label.label}`, label.kind, null);
  }
  // An adapter's unit is the platform's own boundary of one ad: a generic match that wraps adapter units
  // (a "Sponsored" caption over a carousel) or sits inside one must not merge or split them.
  const all = [...matches.values()].filter(
    (d) =>
      units.includes(d.element) ||
      !(units.some((unit) => unit.contains(d.element) || d.element.contains(unit)) || owned.some((region) => region.contains(d.element))),
  );
  return withoutUserExclusions(outermost(all), ctx);
}

/**
 * The user's "not an ad" rules overrule every layer: an element they match, or one inside it, is never an
 * ad on this page (see common/user-rules.ts).
 */
function withoutUserExclusions(found: Detection[], ctx: DetectContext): Detection[] {
  const exclusions = (ctx.userRules ?? []).filter((r) => r.kind === 'not-ad');
  if (exclusions.length === 0) return found;
  return found.filter((d) => !exclusions.some((r) => closestOrNull(d.element, r.selector)));
}

// A user's selector that the page's DOM engine rejects matches nothing, rather than stopping detection.
function closestOrNull(el: Element, selector: string): Element | null {
  try {
    return el.closest(selector);
  } catch {
    return null;
  }
}

function safeSelfAndDescendants(root: Element | Document, selector: string): Element[] {
  try {
    return selfAndDescendants(root, selector);
  } catch {
    return [];
  }
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

const SIGNATURES_COMBINED = SELECTOR_SIGNATURES.map((s) => s.selector).join(',');
const MAX_CAPTION_DEPTH = 4;

function captionChild(el: Element, added: Element, ctx: DetectContext): ReturnType<typeof labelKind> {
  // An ad box has a few children, its caption a few elements at most; a feed or list is skipped whole, or
  // every post it gains would read the text of all the others (quadratic in the feed's length).
  if (el.childElementCount > 10) return null;
  for (const child of el.children) {
    if (child.childElementCount > 2 || child.contains(added)) continue;
    const text = child.textContent ?? '';
    if (text.length > 40) continue;
    const label = labelKind(text);
    if (label && ctx.isRendered(child)) return label;
  }
  return null;
}

/**
 * Detection after a mutation: the ads in the added subtree (only it: rescanning its parent would rescan a
 * whole feed for every post, quadratic in its length), plus an ancestor that became an ad because the
 * subtree gave it its creative (an ad tag filling a slot that was empty at the first scan). Ancestors are
 * tested with one `matches` per layer; a label in the subtree finds its container by climbing out of it.
 */
export function detectAround(added: Element, ctx: DetectContext = NO_CONTEXT): Detection[] {
  const found = detectAds(added, ctx);
  if (!hasCreative(added)) return found;
  let outerMatch: Detection | null = null;
  let depth = 0;
  let captioned = false;
  for (let el = added.parentElement; el && el !== el.ownerDocument.body; el = el.parentElement, depth++) {
    // A box captioned "Advertisement" whose slot was empty at the first scan: its caption is a sibling
    // branch of the creative that just arrived. Looked for a few levels up, among direct children only.
    const caption: ReturnType<typeof labelKind> = !captioned && depth < MAX_CAPTION_DEPTH ? captionChild(el, added, ctx) : null;
    if (caption) {
      captioned = true;
      outerMatch = { element: el, rule: `label:${caption[0]}`, kind: caption[1], network: null };
      continue;
    }
    if (el.matches(SIGNATURES_COMBINED)) {
      const sig = SELECTOR_SIGNATURES.find((s) => el.matches(s.selector))!;
      outerMatch = { element: el, rule: `sig:${sig.id}`, kind: sig.kind, network: sig.network };
      continue;
    }
    const rule = ruleMatching(el, ctx.filterRules);
    if (rule) outerMatch = { element: el, rule: rule.rule, kind: 'display', network: null };
  }
  return outerMatch ? withoutUserExclusions(outermost([outerMatch, ...found]), ctx) : found;
}
