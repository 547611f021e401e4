/**
 * A CSS path that names one element by its position from the root (`html>body:nth-child(2)>div:nth-child(3)`),
 * used to report which elements were detected without touching the page. Self-contained (no imports, no
 * closures) so a test can pass its source to page.evaluate and compute the same path for its ground truth.
 */
export function cssPath(element: Element): string {
  const parts: string[] = [];
  for (let el: Element | null = element; el; el = el.parentElement) {
    const parent: Element | null = el.parentElement;
    const tag = el.tagName.toLowerCase();
    parts.unshift(parent ? `${tag}:nth-child(${Array.prototype.indexOf.call(parent.children, el) + 1})` : tag);
  }
  return parts.join('>');
}
