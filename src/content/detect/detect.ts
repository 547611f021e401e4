/**
 * Which elements under a root are ads, and why. Pure over the DOM: no extension APIs, no observers, so unit
 * tests drive it in a real browser (*.browser.test.ts) and the content script with the live page.
 */
import type { AdKind } from '../../common/types';
import { adaptersFor } from './adapters/index';
import { matchFilterRules, ruleMatching } from './filter-rules';
import { adNetworkOfFrameSrc } from './frame-hosts';
import { hasCreative, inDocumentOrder, safeClosest, safeSelfAndDescendants, selfAndDescendants } from './dom';
import { containerOfLabel, findLabels } from './labels';
import { SELECTOR_SIGNATURES } from './signatures';
import { wholeDisclosure } from './text/dictionary';
import type { Disclosure } from './text/dictionary';
import { NO_CONTEXT } from './types';
import type { DetectContext, Detection } from './types';

export type { Detection } from './types';
export { selfAndDescendants } from './dom';

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
  for (const iframe of selfAndDescendants(root, 'iframe[src]')) {
    const network = adNetworkOfFrameSrc(iframe.getAttribute('src') ?? '', base);
    if (network) add(iframe, 'sig:ad-frame-host', 'display', network);
  }
  for (const { element, rule } of matchFilterRules(root, ctx.filterRules)) {
    if (!isHousePromotion(element)) add(element, rule, 'display', null);
  }
  // A label counts only when a person can read it (text/reader.ts reads as a person would); each marks one
  // ad, or the units of a list it heads.
  const labels = findLabels(root, ctx.isRendered);
  const labelElements = labels.map((label) => label.labelElement);
  const captioned = new Set<Element>();
  for (const label of labels) {
    for (const container of containerOfLabel(label, labelElements)) {
      add(container, `label:${label.label}`, label.kind, null);
      if (matches.get(container)?.rule === `label:${label.label}`) captioned.add(container);
    }
  }
  // An adapter's unit is the platform's own boundary of one ad: a generic match that wraps adapter units
  // (a "Sponsored" caption over a carousel) or sits inside one must not merge or split them. A region an
  // adapter owns (a recommendation widget) is its to judge: a generic match inside it or around it (a filter
  // rule hiding an organic-only widget's wrapper) is not an ad.
  const all = [...matches.values()].filter(
    (d) =>
      units.includes(d.element) ||
      !(
        units.some((unit) => unit.contains(d.element) || d.element.contains(unit)) ||
        owned.some((region) => region.contains(d.element) || d.element.contains(region))
      ),
  );
  return withoutUserExclusions(outermost(all, new Set([...units, ...captioned])), ctx);
}

/**
 * A filter list hides more than paid placements: a site's own banners for its own offers (Amazon's Prime
 * Video slot in its navigation bar), and wrappers whose ad slot stayed empty around editorial links (Yahoo's
 * hidden `.ad-wrapper`). A box a filter rule selects that holds no frame, video or plugin and whose every
 * link stays on the page's own host is the site talking about itself, not an ad someone paid to show here.
 * Only filter-list matches are judged so: a disclosure caption, a signature or an adapter still counts.
 */
export function isHousePromotion(el: Element): boolean {
  if (el.matches(PAID_MEDIA) || el.querySelector(PAID_MEDIA)) return false;
  // Image maps link through <area>: a banner with a map is as much a link as one inside <a>.
  const links = [...el.querySelectorAll('a[href], area[href]')];
  if (el.matches('a[href]')) links.push(el);
  if (links.length === 0) return false;
  const own = siteHost(el.ownerDocument.location?.hostname ?? '');
  return own !== '' && links.every((link) => siteHost(hostOf(link.getAttribute('href') ?? '', el.ownerDocument.baseURI)) === own);
}

const PAID_MEDIA = 'iframe,video,object,embed,ins';

function hostOf(href: string, base: string): string {
  try {
    return new URL(href, base).hostname;
  } catch {
    return '';
  }
}

/** The host without a leading "www.": www.amazon.de and amazon.de are one site's own pages. */
function siteHost(host: string): string {
  return host.toLowerCase().replace(/^www\./, '');
}

/**
 * The user's "not an ad" rules overrule every layer: an element they match, or one inside it, is never an
 * ad on this page (see common/user-rules.ts).
 */
function withoutUserExclusions(found: Detection[], ctx: DetectContext): Detection[] {
  const exclusions = (ctx.userRules ?? []).filter((r) => r.kind === 'not-ad');
  if (exclusions.length === 0) return found;
  // A user's selector that the page's DOM engine rejects matches nothing, rather than stopping detection.
  return found.filter((d) => !exclusions.some((r) => safeClosest(d.element, r.selector)));
}

/**
 * Nested matches collapse to the outermost ad, which inherits a network named by an inner match; but a
 * match holding two or more units, each with its own caption or an adapter's unit (a filter rule hiding a
 * block of four captioned text ads), is a list of ads, never one ad: the units are the ads.
 */
export function outermost(detections: Detection[], units: ReadonlySet<Element> = new Set()): Detection[] {
  let remaining = detections;
  for (;;) {
    const byElement = new Map(remaining.map((d) => [d.element, d]));
    const heldUnits = new Map<Element, number>();
    for (const d of remaining) {
      if (!units.has(d.element)) continue;
      const parent = nearestAncestor(d.element, byElement);
      if (parent) heldUnits.set(parent.element, (heldUnits.get(parent.element) ?? 0) + 1);
    }
    const lists = new Set([...heldUnits].filter(([el, n]) => n >= 2 && !units.has(el)).map(([el]) => el));
    if (lists.size === 0) break;
    remaining = remaining.filter((d) => !lists.has(d.element));
  }
  const byElement = new Map(remaining.map((d) => [d.element, d]));
  const kept: Detection[] = [];
  for (const d of remaining) {
    const outer = outerAncestor(d.element, byElement);
    if (outer) {
      outer.network ??= d.network;
    } else {
      kept.push(d);
    }
  }
  return kept.sort((a, b) => inDocumentOrder(a.element, b.element));
}

function nearestAncestor(el: Element, byElement: Map<Element, Detection>): Detection | null {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const found = byElement.get(p);
    if (found) return found;
  }
  return null;
}

function outerAncestor(el: Element, byElement: Map<Element, Detection>): Detection | null {
  let found: Detection | null = null;
  for (let p = el.parentElement; p; p = p.parentElement) found = byElement.get(p) ?? found;
  return found;
}

const SIGNATURES_COMBINED = SELECTOR_SIGNATURES.map((s) => s.selector).join(',');
const MAX_CAPTION_DEPTH = 4;

function captionChild(el: Element, added: Element, ctx: DetectContext): Disclosure | null {
  // An ad box has a few children, its caption a few elements at most; a feed or list is skipped whole, or
  // every post it gains would read the text of all the others (quadratic in the feed's length).
  if (el.childElementCount > 10) return null;
  for (const child of el.children) {
    if (child.childElementCount > 2 || child.contains(added)) continue;
    const text = child.textContent ?? '';
    if (text.length > 40) continue;
    const label = wholeDisclosure(text);
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
    const caption = !captioned && depth < MAX_CAPTION_DEPTH ? captionChild(el, added, ctx) : null;
    if (caption) {
      captioned = true;
      outerMatch = { element: el, rule: `label:${caption.label}`, kind: caption.kind, network: null };
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
