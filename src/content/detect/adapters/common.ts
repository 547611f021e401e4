/**
 * Helpers the platform adapters share: finding units at, under or around the scanned root, and the
 * disclosure words platforms print (from the one dictionary, text/dictionary.ts).
 */
import type { AdKind } from '../../../common/types';
import type { Detection } from '../types';
import { outermostElements } from '../dom';
import { labelsMeaning } from '../text/dictionary';

export { outermostElements } from '../dom';

/** "Sponsored" as Meta, Google, Amazon and Instagram print it, in each language (text/dictionary.ts). */
export const SPONSORED_LABELS: readonly string[] = labelsMeaning('sponsored', 'advertisement');

/** "Promoted", as LinkedIn and Reddit print it (German LinkedIn prints "Gesponsert"). */
export const PROMOTED_LABELS: readonly string[] = labelsMeaning('promoted', 'sponsored');

/**
 * Elements matching selector at, under, or around root. "Around" matters after a mutation: when a feed fills
 * in a post's label later, the scan root is inside the post, and the post is an ancestor of it.
 */
export function unitsAround(root: Element | Document, selector: string): Element[] {
  const found = new Set<Element>();
  if (root instanceof Element) {
    // The outermost enclosing unit, as the unit list keeps only outermost elements.
    let outer: Element | null = null;
    for (let el: Element | null = root.closest(selector); el; el = el.parentElement?.closest(selector) ?? null) outer = el;
    if (outer) found.add(outer);
  }
  for (const el of root.querySelectorAll(selector)) found.add(el);
  return outermostElements([...found]);
}

/** Every element matching selector at, under or around root (nested ones included). */
export function allAround(root: Element | Document, selector: string): Element[] {
  const around: Element[] = [];
  if (root instanceof Element) {
    for (let el: Element | null = root.closest(selector); el; el = el.parentElement?.closest(selector) ?? null) around.unshift(el);
  }
  return [...around, ...root.querySelectorAll(selector)];
}

/** Whether a unit holds anything: an unfilled slot (no child elements, no words) is not an ad. */
export function hasContent(el: Element): boolean {
  return el.childElementCount > 0 || /[\p{L}\p{N}]/u.test(el.textContent ?? '');
}

/** A detection made by adapter `id`, with the rule "adapter:<id>/<unit>". */
export function found(element: Element, id: string, unit: string, kind: AdKind, network: string): Detection {
  return { element, rule: `adapter:${id}/${unit}`, kind, network };
}
