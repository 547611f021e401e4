/**
 * Helpers the platform adapters share: finding units at, under or around the scanned root, and the
 * disclosure words platforms print (English first, then the translations seen on the same platforms).
 */
import type { AdKind } from '../../../common/types';
import type { Detection } from '../types';

/** "Sponsored" as Meta, Google, Amazon and Instagram print it. */
export const SPONSORED_LABELS: readonly string[] = [
  'Sponsored',
  'Gesponsert',
  'Sponsorisé',
  'Sponsorizzato',
  'Patrocinado',
  'Publicidad',
  'Gesponsord',
  'Sponsrad',
  'Sponset',
  'Sponsoreret',
  'Sponsorowane',
  'Sponsorlu',
  'Sponzorováno',
  'Реклама',
  '赞助内容',
  '贊助',
  '広告',
];

/** "Promoted", as LinkedIn and Reddit print it. */
export const PROMOTED_LABELS: readonly string[] = ['Promoted', 'Promovido', 'Promocionado', 'Promosso', 'Promu', 'Gesponsert'];

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

/** Elements not inside another element of the list, in document order. */
export function outermostElements(elements: Iterable<Element>): Element[] {
  const set = new Set(elements);
  const kept: Element[] = [];
  for (const el of set) {
    let nested = false;
    for (let p = el.parentElement; p && !nested; p = p.parentElement) nested = set.has(p);
    if (!nested) kept.push(el);
  }
  return kept.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
}

/** Whether a unit holds anything: an unfilled slot (no child elements, no words) is not an ad. */
export function hasContent(el: Element): boolean {
  return el.childElementCount > 0 || /[\p{L}\p{N}]/u.test(el.textContent ?? '');
}

/** A detection made by adapter `id`, with the rule "adapter:<id>/<unit>". */
export function found(element: Element, id: string, unit: string, kind: AdKind, network: string): Detection {
  return { element, rule: `adapter:${id}/${unit}`, kind, network };
}
