import { normaliseUrl } from './landing-url';

/**
 * A creative's fingerprint: the same for the same creative on different pages and at different sizes,
 * different between creatives (docs/measurement.md). A hash of the normalised landing URL, the creative's
 * source URL (iframe or image, cache-busters removed) and its headline text.
 */
export function fingerprintOf(parts: { landingUrl: string | null; creativeUrl: string | null; headline: string }): string {
  // An ad the page cannot see into (a cross-origin frame with no URL, an empty slot) has no fingerprint:
  // giving all of them one would make every such creative look like the same one.
  if (!parts.landingUrl && !parts.creativeUrl && !parts.headline.trim()) return '';
  const text = [normaliseUrl(parts.landingUrl), normaliseUrl(parts.creativeUrl), parts.headline.trim().toLowerCase()].join('\n');
  return `fp-${cyrb53(text).toString(16).padStart(14, '0')}`;
}

/** cyrb53 (bryc, public domain): a fast 53-bit string hash with good spread; not cryptographic, need not be. */
export function cyrb53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
