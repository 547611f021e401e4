/**
 * The host a page's site is named from, or null for a page that has no site (not http or https, no URL, an
 * address that does not parse). Apart from common/site.ts, which names the site from it, so a script that
 * must not carry tldts' public-suffix list (the popup: docs/architecture.md, "The popup names its tab's site
 * from the background's note") applies the same rule.
 */
export function siteHostOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.hostname.toLowerCase() : null;
  } catch {
    return null;
  }
}
