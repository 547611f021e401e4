import { parse } from 'tldts';
import { siteHostOf } from './site-host';

/**
 * The site an event belongs to: the registrable domain (eTLD+1) of the top-level page, e.g. `bbc.co.uk`.
 * Private suffixes (github.io, blogspot.com) count as public ones, so two blogs are two sites.
 * Hosts without a registrable domain (localhost, IP addresses, single labels) are their own site.
 * Returns null for pages AdTally does not count (extension pages, file:, about:).
 */
export function siteOf(url: string | undefined): string | null {
  const host = siteHostOf(url);
  if (host === null) return null;
  const info = parse(host, { allowPrivateDomains: true });
  if (info.isIp) return host.replace(/^\[|\]$/g, '');
  return info.domain ?? host;
}

/**
 * The site a person means when typing a domain or pasting an address into a site list, e.g.
 * `https://www.bbc.co.uk/news` or `WWW.BBC.CO.UK` → `bbc.co.uk`: the same key events are filed under.
 * Null when the text is not a host name.
 */
export function siteFromInput(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '' || /\s/.test(trimmed)) return null;
  const site = siteOf(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`);
  return site && /^[a-z0-9.:-]+$/.test(site) && !site.startsWith('.') && !site.endsWith('.') ? site : null;
}
