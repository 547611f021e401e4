/**
 * A year of browsing as AdTally would have recorded it, written as an NDJSON export (one StoredEvent per line,
 * keys in the export's column order, read from src/common/data-files/event-columns.ts), for the storage bench
 * to import.
 *
 * Deterministic: the same seed, count and last day give a byte-identical file. Shape:
 * - 365 days ending on `lastDay` (local calendar days, as AdTally files events), weekends lighter, a slow
 *   rise over the year and ±30 % from day to day;
 * - page views on ~500 sites drawn Zipf-like (a few platforms and big news sites get most visits), 1–6 ads
 *   each; search, social, shopping and video platforms among the top ranks, with their own kinds of ads;
 * - ~2,000 advertisers drawn Zipf-like, each with a few creatives (fingerprints); a quarter of the ads show
 *   no landing page (opaque iframes), so no advertiser;
 * - per ad: a measured event (every ad on a visible page); in view 70 % of the time, and then an impression,
 *   viewable 70 % of those, a dwell event 28 %, a click 2 %: a mix of about 42 / 29 / 20 / 8 / 1 %
 *   measured / impression / viewable / dwell / click events. The measured event says how far its ad got.
 */
import { createWriteStream, existsSync, renameSync } from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import { join } from 'node:path';
import { appModule } from './app-modules.mjs';
import { rng, uuid, zipf } from './prng.mjs';

const { EVENT_COLUMNS } = await appModule('src/common/data-files/event-columns.ts');
const { localDay, parseDay } = await appModule('src/common/day.ts');

const PLATFORMS = [
  { site: 'google.com', kind: 'search', path: '/search', rule: 'adapter:google/text-ad', network: 'Google Ads' },
  { site: 'youtube.com', kind: 'video', path: '/watch', rule: 'adapter:youtube/video-ad', network: 'Google Ads' },
  { site: 'facebook.com', kind: 'social', path: '/', rule: 'adapter:facebook/sponsored-post', network: 'Meta' },
  { site: 'amazon.com', kind: 'shopping', path: '/s', rule: 'adapter:amazon/sponsored-product', network: 'Amazon Ads' },
  { site: 'reddit.com', kind: 'social', path: '/r/news/comments', rule: 'adapter:reddit/promoted-post', network: 'Reddit Ads' },
  { site: 'bing.com', kind: 'search', path: '/search', rule: 'adapter:bing/text-ad', network: 'Microsoft Advertising' },
  { site: 'instagram.com', kind: 'social', path: '/', rule: 'adapter:instagram/sponsored-post', network: 'Meta' },
  { site: 'ebay.com', kind: 'shopping', path: '/sch', rule: 'adapter:ebay/sponsored-listing', network: 'eBay Ads' },
  { site: 'linkedin.com', kind: 'social', path: '/feed', rule: 'adapter:linkedin/promoted-post', network: 'LinkedIn Ads' },
  { site: 'duckduckgo.com', kind: 'search', path: '/', rule: 'adapter:duckduckgo/text-ad', network: 'Microsoft Advertising' },
];
// Ranks the platforms take among the sites (the rest are news sites, blogs, forums, recipe and shop sites).
const PLATFORM_RANKS = [0, 1, 2, 4, 6, 9, 13, 18, 30, 55];

// Display and native ads on ordinary sites: network, rule, kind, sizes, and how often each is chosen.
const PLACEMENTS = [
  { weight: 30, network: 'Google Ad Manager', rule: 'sig:gpt-div', kind: 'display', iframe: true },
  { weight: 10, network: 'Google Ad Manager', rule: 'sig:gpt-iframe', kind: 'display', iframe: true },
  { weight: 16, network: 'AdSense', rule: 'sig:adsense-ins', kind: 'display', iframe: true },
  { weight: 8, network: 'Taboola', rule: 'sig:taboola', kind: 'native', iframe: false },
  { weight: 6, network: 'Outbrain', rule: 'sig:outbrain', kind: 'native', iframe: false },
  { weight: 5, network: 'Criteo', rule: 'sig:ad-frame-host', kind: 'display', iframe: true },
  { weight: 4, network: 'Amazon Ads', rule: 'sig:amazon-ads', kind: 'display', iframe: true },
  { weight: 9, network: null, rule: 'EasyList@202611281200 ##.ad-slot', kind: 'display', iframe: true },
  { weight: 5, network: null, rule: 'EasyList@202611281200 ##.sponsored-content', kind: 'native', iframe: false },
  { weight: 4, network: null, rule: 'label:advertisement', kind: 'display', iframe: true },
  { weight: 3, network: null, rule: 'label:sponsored', kind: 'native', iframe: false },
];
const DISPLAY_SIZES = [[300, 250], [728, 90], [160, 600], [320, 50], [970, 250], [336, 280], [300, 600]];
const SIZES = { display: DISPLAY_SIZES, native: [[300, 220], [640, 160], [360, 300]], search: [[652, 118], [652, 96]], social: [[500, 620], [500, 540]], shopping: [[220, 380], [180, 340]], video: [[640, 360], [854, 480]] };

const SYLLABLES = 'ka lo mi ne ro ta vi su pe da zo li mar ten bel cor den fal gar hol jun kel lum nor pol rin sal tor val wen'.split(' ');
const TLDS = ['com', 'com', 'com', 'de', 'co.uk', 'org', 'net', 'fr', 'it', 'es', 'nl', 'io'];
const SITE_KINDS = ['news', 'daily', 'times', 'post', 'blog', 'forum', 'recipes', 'tech', 'sport', 'travel', 'shop', 'weather'];
const SECTIONS = ['world', 'politics', 'business', 'sport', 'culture', 'science', 'travel', 'food', 'tech', 'opinion'];
const BRAND_WORDS = ['shop', 'store', 'bank', 'cars', 'travel', 'hotels', 'energy', 'insure', 'learn', 'games', 'wear', 'home', 'foods', 'fit', 'phone', 'cloud'];



/**
 * The generated file of `count` events, written once and kept: by default in the temp folder, under a name
 * that says its count, seed and last day, so every bench given the same finds it again. Written to a `.part`
 * file first, so a stopped run leaves no half file under the final name. Resolves to the path and
 * writeEventFile's summary, null when the file was already there.
 */
export async function cachedEventFile({ count, seed = 20261128, lastDay }, file = join(os.tmpdir(), `adtally-storage-${count}-${seed}-${lastDay}.ndjson`)) {
  if (existsSync(file)) return { file, summary: null };
  const summary = await writeEventFile(`${file}.part`, { count, seed, lastDay });
  renameSync(`${file}.part`, file);
  return { file, summary };
}

/** Writes `count` events to `path`; resolves to a summary (counts by type, sites, advertisers, days). */
export async function writeEventFile(path, { count = 1_000_000, seed = 20261128, lastDay, days = 365 } = {}) {
  const r = rng(seed);
  const names = new Set();
  const name = (parts, tld) => {
    for (;;) {
      let n = '';
      for (let i = 0; i < parts; i++) n += r.pick(SYLLABLES);
      const full = `${n}.${tld ?? r.pick(TLDS)}`;
      if (!names.has(full)) {
        names.add(full);
        return full;
      }
    }
  };
  // Sites by rank: the platforms at fixed ranks, the rest generated.
  const sites = [];
  for (let rank = 0, p = 0; rank < 500; rank++) {
    if (PLATFORM_RANKS[p] === rank) sites.push({ ...PLATFORMS[p++] });
    else sites.push({ site: `${name(2)}`.replace('.', `${r.pick(SITE_KINDS)}.`), kind: null });
  }
  const advertisers = Array.from({ length: 2000 }, () => `${name(r.int(2, 3))}`.replace('.', `${r.chance(0.4) ? r.pick(BRAND_WORDS) : ''}.`));
  const creativesOf = advertisers.map(() => r.int(1, 12));
  const pickSite = zipf(sites.length, 1.05, r.next);
  const pickAdvertiser = zipf(advertisers.length, 0.95, r.next);
  const placementTotal = PLACEMENTS.reduce((s, p) => s + p.weight, 0);
  const pickPlacement = () => {
    let u = r.next() * placementTotal;
    for (const p of PLACEMENTS) if ((u -= p.weight) < 0) return p;
    return PLACEMENTS[0];
  };

  // Per-day quotas: weekends lighter, a slow rise over the year, day-to-day noise; they sum to `count`.
  const end = lastDay ? parseDay(lastDay) : startOfToday();
  const dayStarts = [];
  for (let i = days - 1; i >= 0; i--) dayStarts.push(new Date(end.getFullYear(), end.getMonth(), end.getDate() - i).getTime());
  const weights = dayStarts.map((t, i) => {
    const weekday = new Date(t).getDay();
    return (weekday === 0 || weekday === 6 ? 0.75 : 1) * (0.8 + (0.4 * i) / days) * (0.7 + 0.6 * r.next());
  });
  const weightSum = weights.reduce((a, b) => a + b, 0);
  // Rounded cumulative shares: every day gets its share within one event, and they sum to `count`.
  let cumulative = 0;
  const quotas = weights.map((w) => {
    const before = Math.round((cumulative / weightSum) * count);
    cumulative += w;
    return Math.round((cumulative / weightSum) * count) - before;
  });

  const out = createWriteStream(path);
  const summary = { events: 0, byType: { measured: 0, impression: 0, viewable: 0, click: 0, dwell: 0 }, sites: new Set(), advertisers: new Set(), fingerprints: new Set(), days: dayStarts.length, bytes: 0 };
  let buffer = '';
  for (let d = 0; d < dayStarts.length; d++) {
    const dayStart = dayStarts[d];
    const dayLength = new Date(dayStart).setDate(new Date(dayStart).getDate() + 1) - dayStart; // 23–25 h around DST
    const day = localDay(dayStart);
    const events = [];
    while (events.length < quotas[d]) {
      const siteInfo = sites[pickSite()];
      const site = siteInfo.site;
      const pageViewId = uuid(r.next);
      // Daytime-heavy: most page views between 7:00 and 23:00.
      const start = dayStart + Math.floor(Math.min(dayLength - 120_000, (r.chance(0.9) ? 7 * 3600_000 + r.next() * 16 * 3600_000 : r.next() * dayLength)));
      const pageUrl = siteInfo.kind ? `https://www.${site}${siteInfo.path}` : `https://www.${site}/${r.pick(SECTIONS)}/story-${r.int(1, 40_000)}.html`;
      const ads = siteInfo.kind === 'search' ? r.int(1, 4) : r.int(1, 6);
      for (let a = 1; a <= ads && events.length < quotas[d]; a++) {
        const placement = siteInfo.kind ? { network: siteInfo.network, rule: siteInfo.rule, kind: siteInfo.kind, iframe: siteInfo.kind === 'video' } : pickPlacement();
        const [width, height] = r.pick(SIZES[placement.kind]);
        // Platforms always show the advertiser; a quarter of other ads are opaque iframes with no landing page.
        const known = siteInfo.kind ? true : !placement.iframe || r.chance(0.67);
        const advIndex = pickAdvertiser();
        const advertiser = known ? advertisers[advIndex] : null;
        const creative = r.int(1, creativesOf[advIndex]);
        const landingUrl = advertiser ? `https://www.${advertiser}/lp/${creative}?utm_source=${site}` : null;
        // An opaque creative with no headline and no visible link has no fingerprint (AdTally stores '').
        const fingerprint = advertiser || r.chance(0.85) ? `fp-${hash14(`${advertisers[advIndex]}#${creative}#${advertiser ? '' : width}`)}` : '';
        // The first ad of a page view above the fold, the rest below (no draw from the generator, so a seed's file keeps its other values).
        const fold = a === 1 ? 'above' : 'below';
        const base = { site, pageUrl, pageViewId, adId: `ad${a}`, rule: placement.rule, kind: placement.kind, network: placement.network, width, height, fingerprint, landingUrl, advertiser, fold };
        const shown = start + a * r.int(200, 30_000);
        const add = (type, time, extra = {}) => {
          const id = type === 'dwell' || type === 'measured' ? `${pageViewId}:ad${a}:${type}` : uuid(r.next);
          if (events.length < quotas[d]) events.push({ id, type, time: Math.min(time, dayStart + dayLength - 1), ...base, inFrame: false, inferred: false, focused: r.chance(0.97), dwellMs: 0, reached: null, ...extra });
        };
        // Below the fold and never scrolled to 30 % of the time: measured, never in view.
        const inView = r.chance(0.7);
        const viewable = inView && r.chance(0.7);
        add('measured', shown, { reached: viewable ? 'viewable' : inView ? 'impression' : 'measured' });
        if (!inView) continue;
        add('impression', shown);
        if (viewable) add('viewable', shown + r.int(1000, 4000));
        if (r.chance(0.02)) {
          const inFrame = placement.iframe && r.chance(0.8);
          add('click', shown + r.int(1500, 60_000), { inFrame, inferred: inFrame && r.chance(0.3), focused: true });
        }
        if (r.chance(0.28)) {
          const dwellMs = Math.round(Math.min(3_600_000, 400 * Math.exp(r.next() * 6)));
          add('dwell', shown + dwellMs, { dwellMs });
        }
      }
    }
    events.sort((x, y) => x.time - y.time || (x.id < y.id ? -1 : 1));
    for (const e of events) {
      const row = { day, ...e };
      buffer += `${JSON.stringify(Object.fromEntries(EVENT_COLUMNS.map((f) => [f, row[f]])))}\n`;
      summary.byType[e.type]++;
      summary.sites.add(e.site);
      if (e.advertiser) summary.advertisers.add(e.advertiser);
      if (e.fingerprint) summary.fingerprints.add(e.fingerprint);
    }
    summary.events += events.length;
    if (buffer.length > 4_000_000 || d === dayStarts.length - 1) {
      summary.bytes += Buffer.byteLength(buffer);
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end();
  await once(out, 'finish');
  return { ...summary, sites: summary.sites.size, advertisers: summary.advertisers.size, fingerprints: summary.fingerprints.size, firstDay: localDay(dayStarts[0]), lastDay: localDay(dayStarts.at(-1)) };
}

function hash14(text) {
  // FNV-1a, twice with different offsets: 14 hex digits, like AdTally's fingerprints.
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    h1 = Math.imul(h1 ^ text.charCodeAt(i), 16777619) >>> 0;
    h2 = Math.imul(h2 ^ text.charCodeAt(i), 2246822519) >>> 0;
  }
  return (h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0')).slice(0, 14);
}

function startOfToday() {
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth(), now.getDate());
}

