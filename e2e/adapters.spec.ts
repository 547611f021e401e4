/**
 * Each platform adapter has a fixture page copying the platform's markup; every sponsored unit there must
 * be found by that adapter (its rule starts with "adapter:<id>/"), so removing the adapter fails its test
 * even when a generic layer would catch some of the units.
 */
import { loadCorpus } from './accuracy/corpus';
import { measurePage } from './accuracy/measure';
import { expect, test } from './fixtures';

const ADAPTER_FIXTURES: { adapter: string; host: string }[] = [
  { adapter: 'google-search', host: 'www.google.test' },
  { adapter: 'youtube', host: 'www.youtube.test' },
  { adapter: 'facebook', host: 'www.facebook.test' },
  { adapter: 'instagram', host: 'www.instagram.test' },
  { adapter: 'x', host: 'x.test' },
  { adapter: 'linkedin', host: 'www.linkedin.test' },
  { adapter: 'reddit', host: 'www.reddit.test' },
  { adapter: 'amazon', host: 'www.amazon.test' },
  { adapter: 'chumbox', host: 'widgets.test' },
];

const corpus = loadCorpus();

for (const { adapter, host } of ADAPTER_FIXTURES) {
  test(`adapter ${adapter} finds every sponsored unit on ${host}`, async ({ context, serviceWorker, port }) => {
    const pages = corpus.filter((p) => p.host === host);
    expect(pages.length, `a fixture page with a truth file under e2e/sites/${host}/`).toBeGreaterThan(0);
    for (const page of pages) {
      const result = await measurePage(context, serviceWorker, port, page);
      expect(result.badTruth).toEqual([]);
      expect(result.falseNegatives, `missed on ${result.page}`).toEqual([]);
      expect(result.falsePositives, `false positives on ${result.page}`).toEqual([]);
      for (const match of result.matches) expect(match.rule, match.truth).toMatch(new RegExp(`^adapter:${adapter}/`));
    }
  });
}
