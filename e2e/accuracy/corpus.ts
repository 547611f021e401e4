/**
 * The labelled corpus: every fixture page with a ground-truth file beside it,
 * e2e/sites/<host>/<name>.truth.json = { path, description, ads: [{ selector, kind }], notTheseAds?: [selector] }.
 * The truth names elements by the page's own markup, never by test-only attributes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SITES_DIR } from '../../scripts/fixture-server.mjs';

export interface TruthAd {
  selector: string;
  kind: string;
}

export interface CorpusPage {
  host: string;
  path: string;
  description: string;
  ads: TruthAd[];
  notTheseAds: string[];
  /** Scroll to the end before measuring (feeds that load more as you scroll). */
  scroll?: boolean;
}

/**
 * Every labelled page, or with ACCURACY_HOSTS=host[,host…] only those hosts' pages (to measure new fixture
 * pages before and after a detector change without the whole corpus).
 */
export function loadCorpus(): CorpusPage[] {
  const pages: CorpusPage[] = [];
  const only = process.env.ACCURACY_HOSTS?.split(',').map((h) => h.trim()).filter(Boolean);
  for (const host of readdirSync(SITES_DIR, { withFileTypes: true })) {
    if (!host.isDirectory() || (only && !only.includes(host.name))) continue;
    for (const file of readdirSync(join(SITES_DIR, host.name))) {
      if (!file.endsWith('.truth.json')) continue;
      const truth = JSON.parse(readFileSync(join(SITES_DIR, host.name, file), 'utf8'));
      pages.push({ host: host.name, notTheseAds: [], ...truth });
    }
  }
  return pages.sort((a, b) => `${a.host}${a.path}`.localeCompare(`${b.host}${b.path}`));
}
