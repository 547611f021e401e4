/**
 * The DOM vocabulary every detection layer shares: what a creative is, which matches are outermost, and how
 * a selector from outside the code (a filter list, a user's rule) is used without letting a bad one stop
 * detection.
 */

/**
 * What a person can see as an ad's content: EasyList also hides empty slots, placeholders and bare
 * "Advertisement" captions, and unfilled ad slots stay in pages, none of them ads in themselves.
 */
export const CREATIVE = 'a[href],iframe,img,video,canvas,picture,object,embed,svg';

export function hasCreative(el: Element): boolean {
  return el.matches(CREATIVE) || el.querySelector(CREATIVE) !== null;
}

/** Whether the browser's selector engine accepts a selector (a newer CSS feature or a typo: it does not). */
export function isValidSelector(selector: string): boolean {
  try {
    document.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
}

/** el.matches, false for a selector the engine rejects. */
export function safeMatches(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
}

/** el.closest, null for a selector the engine rejects. */
export function safeClosest(el: Element, selector: string): Element | null {
  try {
    return el.closest(selector);
  } catch {
    return null;
  }
}

/** Root itself (when it matches) and every element under it that matches, in document order. */
export function selfAndDescendants(root: Element | Document, selector: string): Element[] {
  const found = [...root.querySelectorAll(selector)];
  if (root instanceof Element && root.matches(selector)) found.unshift(root);
  return found;
}

/** selfAndDescendants, nothing for a selector the engine rejects. */
export function safeSelfAndDescendants(root: Element | Document, selector: string): Element[] {
  try {
    return selfAndDescendants(root, selector);
  } catch {
    return [];
  }
}

/** Document order, for sort(). */
export function inDocumentOrder(a: Element, b: Element): number {
  return a === b ? 0 : a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

/** The elements not inside another element of the list, in document order. */
export function outermostElements(elements: Iterable<Element>): Element[] {
  const set = new Set(elements);
  const kept: Element[] = [];
  for (const el of set) {
    let nested = false;
    for (let p = el.parentElement; p && !nested; p = p.parentElement) nested = set.has(p);
    if (!nested) kept.push(el);
  }
  return kept.sort(inDocumentOrder);
}
