/**
 * An address without its fragment: a jump to `#section` stays on the same page (a page view, a badge).
 * A module of its own, with no imports, because the content script needs it in every page: it came from
 * page-address.ts, whose import of site.ts put tldts's 113 kB suffix list into content.js (docs/performance.md).
 */
export function urlWithoutFragment(href: string): string {
  const hash = href.indexOf('#');
  return hash === -1 ? href : href.slice(0, hash);
}
