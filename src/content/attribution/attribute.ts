import { fingerprintOf } from './fingerprint';
import { unwrapLandingUrl } from './landing-url';

export interface Attribution {
  /** Where a click on the ad leads, unwrapped from redirectors; null when the page cannot see it (cross-origin creative). */
  landingUrl: string | null;
  /** The creative's own source (iframe, image or video URL), when it has one. */
  creativeUrl: string | null;
  headline: string;
  fingerprint: string;
}

const MAX_HEADLINE = 200;

/** What the page shows of an ad: its link, its creative source and its headline, and their fingerprint. */
export function attributeAd(el: Element): Attribution {
  const base = el.ownerDocument.baseURI;
  const link = el.matches('a[href]') ? el : el.querySelector('a[href]');
  const landingUrl = link ? unwrapLandingUrl(link.getAttribute('href') ?? '', base) : null;
  // The first creative with a real source: lazy-loading placeholders are data: images, frames start as about:blank.
  const candidates = [el, ...el.querySelectorAll('iframe[src], img[src], video[src], video source[src]')];
  const creativeSrc =
    candidates
      .filter((c) => c.matches('iframe[src], img[src], video[src], source[src]'))
      .map((c) => c.getAttribute('src') ?? '')
      .find((src) => src && !src.startsWith('data:') && !src.startsWith('about:')) ?? null;
  const creativeUrl = creativeSrc ? absolute(creativeSrc, base) : null;
  const headlineEl = el.querySelector('h1, h2, h3, h4, h5, h6, [role="heading"]') ?? link;
  const headline = (headlineEl?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_HEADLINE);
  return { landingUrl, creativeUrl, headline, fingerprint: fingerprintOf({ landingUrl, creativeUrl, headline }) };
}

function absolute(src: string, base: string): string | null {
  try {
    return new URL(src, base).href;
  } catch {
    return null;
  }
}
