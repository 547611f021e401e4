/**
 * Which elements under a root are ads, and why. Pure over the DOM: no extension APIs, no observers, so unit
 * tests drive it with happy-dom and the content script with the live page.
 */
import type { AdKind } from '../../common/types';
import { adNetworkOfFrameSrc } from './frame-hosts';
import { containerOfLabel, findLabels } from './labels';
import { SELECTOR_SIGNATURES } from './signatures';

export interface Detection {
  element: Element;
  /** The rule that found the outermost element, e.g. "sig:gpt-div" or "label:sponsored". */
  rule: string;
  kind: AdKind;
  /** The ad system, from this match or from a nested one (a GPT iframe inside a labelled box). */
  network: string | null;
}

/** Every ad at or under root, outermost matches only, in document order. */
export function detectAds(root: Element | Document, isRendered: (el: Element) => boolean = () => true): Detection[] {
  const matches = new Map<Element, Detection>();
  const add = (element: Element, rule: string, kind: AdKind, network: string | null) => {
    if (!matches.has(element)) matches.set(element, { element, rule, kind, network });
  };

  for (const sig of SELECTOR_SIGNATURES) {
    for (const el of selfAndDescendants(root, sig.selector)) add(el, `sig:${sig.id}`, sig.kind, sig.network);
  }
  const base = (root.ownerDocument ?? (root as Document)).baseURI;
  for (const frame of selfAndDescendants(root, 'iframe[src]')) {
    const network = adNetworkOfFrameSrc(frame.getAttribute('src') ?? '', base);
    if (network) add(frame, 'sig:ad-frame-host', 'display', network);
  }
  for (const label of findLabels(root)) {
    if (!isRendered(label.labelElement)) continue;
    const container = containerOfLabel(label);
    if (container) add(container, `label:${label.label}`, label.kind, null);
  }
  return outermost([...matches.values()]);
}

function selfAndDescendants(root: Element | Document, selector: string): Element[] {
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
