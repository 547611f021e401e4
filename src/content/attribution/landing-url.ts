/**
 * The click-through target of an ad, unwrapped from the redirectors ad systems put in front of it
 * (Google's /aclk?adurl=, /url?q=, Facebook's l.php?u=, generic ?url=, ?dest=, ?redirect= …), up to a few
 * levels deep. Returns null for anything that is not an http(s) URL.
 */
const TARGET_PARAMS = ['adurl', 'url', 'u', 'q', 'dest', 'destination', 'dest_url', 'redirect', 'redirect_url', 'redir', 'target', 'to', 'ued', 'r', 'lp', 'landing'];

export function unwrapLandingUrl(href: string, base: string): string | null {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return null;
  }
  for (let depth = 0; depth < 4; depth++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    const inner = innerTarget(url);
    if (!inner) break;
    url = inner;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}

function innerTarget(url: URL): URL | null {
  for (const name of TARGET_PARAMS) {
    const value = url.searchParams.get(name);
    if (!value || !/^https?:\/\//i.test(value)) continue;
    try {
      return new URL(value);
    } catch {
      continue;
    }
  }
  return null;
}

// Parameters that change on every impression or click and say nothing about the creative.
const VOLATILE_PARAMS = /^(utm_\w+|gclid|gbraid|wbraid|dclid|fbclid|msclkid|ttclid|twclid|li_fat_id|mc_eid|ord|correlator|cb|cachebuster|cache_buster|rnd|rand|random|ts|timestamp|_)$/i;

/** A URL with its volatile parameters and fragment removed, for comparing creatives across pages. */
export function normaliseUrl(href: string | null): string {
  if (!href) return '';
  try {
    const url = new URL(href);
    for (const name of [...url.searchParams.keys()]) if (VOLATILE_PARAMS.test(name)) url.searchParams.delete(name);
    url.hash = '';
    return url.href;
  } catch {
    return '';
  }
}
