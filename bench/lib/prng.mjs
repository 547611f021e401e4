/**
 * A seeded PRNG (mulberry32) and the helpers the page generators draw from, so every run of the bench
 * serves byte-identical pages.
 */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  return { next, int, pick, chance: (p) => next() < p };
}

/**
 * A Zipf-like sampler over ranks 0…n-1: rank k is drawn with weight 1/(k+1)^s (s ≈ 1 is how visits spread
 * over sites and ads over advertisers). `next` is a PRNG's next(); the CDF is built once.
 */
export function zipf(n, s, next) {
  const cdf = new Float64Array(n);
  let total = 0;
  for (let k = 0; k < n; k++) cdf[k] = total += 1 / (k + 1) ** s;
  for (let k = 0; k < n; k++) cdf[k] /= total;
  return () => {
    const u = next();
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** A UUID-v4-shaped id from the PRNG (the form AdTally's content script gives events and page views). */
export function uuid(next) {
  let hex = '';
  for (let i = 0; i < 4; i++) hex += (Math.floor(next() * 2 ** 32) >>> 0).toString(16).padStart(8, '0');
  const v = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${v}${hex.slice(17, 20)}-${hex.slice(20)}`;
}
