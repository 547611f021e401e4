/**
 * How the scan cuts a page into the subtrees it hands to detection: never more than a bounded number of
 * elements at once, so no single call, and no slice of work, grows with what the page holds.
 */

export interface Chunk {
  root: Element;
  /** Elements at and under root when it was cut. */
  size: number;
}

/** Elements at and under el. */
export function sizeOf(el: Element): number {
  return 1 + el.getElementsByTagName('*').length;
}

/**
 * Root whole when it holds at most `max` elements; otherwise the largest subtrees under it that each hold at
 * most `max`, in document order. Elements above them (root and the big containers down to them) are in no
 * chunk: detection reaches them from a chunk by climbing its ancestors (detect.ts `detectAround`). Linear in
 * the subtree: sizes are summed bottom-up in one pass, never counted again per level (a chain nested 100,000
 * deep would make that quadratic).
 */
export function partition(root: Element, max: number): Chunk[] {
  const all = root.querySelectorAll('*');
  if (all.length + 1 <= max) return [{ root, size: all.length + 1 }];
  const sizes = new Map<Element, number>();
  // Reverse document order reaches every element after all of its descendants.
  for (let i = all.length - 1; i >= 0; i--) {
    const el = all[i]!;
    let size = 1;
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) size += sizes.get(child) ?? 1;
    sizes.set(el, size);
  }
  const chunks: Chunk[] = [];
  const stack: Element[] = [];
  for (let child = root.lastElementChild; child; child = child.previousElementSibling) stack.push(child);
  while (stack.length > 0) {
    const el = stack.pop()!;
    const size = sizes.get(el) ?? 1;
    if (size <= max) {
      chunks.push({ root: el, size });
      continue;
    }
    for (let child = el.lastElementChild; child; child = child.previousElementSibling) stack.push(child);
  }
  return chunks;
}

/**
 * A test of "el or one of its ancestors passes `test`", remembering the answer for every element it walked
 * through: over a batch of roots (posts appended to one feed) the shared ancestors are walked once, not once
 * per root. The answers hold while the DOM does not change: make a new one per batch.
 */
export function ancestorOrSelf(test: (el: Element) => boolean): (el: Element) => boolean {
  const known = new Map<Element, boolean>();
  return (el) => {
    const path: Element[] = [];
    let result = false;
    for (let p: Element | null = el; p; p = p.parentElement) {
      const cached = known.get(p);
      if (cached !== undefined) {
        result = cached;
        break;
      }
      if (test(p)) {
        result = true;
        known.set(p, true);
        break;
      }
      path.push(p);
    }
    for (const q of path) known.set(q, result);
    return result;
  };
}

/** The elements of the set that have no ancestor in it (each scanned once, with all it holds). */
export function outermostRoots(set: ReadonlySet<Element>): Element[] {
  const inSet = ancestorOrSelf((el) => set.has(el));
  const roots: Element[] = [];
  for (const el of set) if (!(el.parentElement && inSet(el.parentElement))) roots.push(el);
  return roots;
}
