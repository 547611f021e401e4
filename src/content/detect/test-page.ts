/** Helpers for the detection tests: a page body written in place, and its elements by id. */

export function page(html: string): void {
  document.body.innerHTML = html;
}

export function byId(id: string): Element {
  const el = document.getElementById(id);
  if (!el) throw new Error(`no #${id}`);
  return el;
}
