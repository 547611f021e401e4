/**
 * Detection accuracy on the labelled corpus, in real Chromium with the built extension and the full
 * EasyList: precision and recall per page and overall. `npm run accuracy` runs this file and prints the
 * table; the e2e suite fails when overall precision drops below 0.98 or recall below 0.95.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { loadCorpus } from './accuracy/corpus';
import { formatReport, measurePage, summarise } from './accuracy/measure';
import type { PageResult } from './accuracy/measure';
import { expect, test } from './fixtures';

export const MIN_PRECISION = 0.98;
export const MIN_RECALL = 0.95;

test('detection precision >= 0.98 and recall >= 0.95 on the labelled corpus', async ({ context, serviceWorker, port }) => {
  test.setTimeout(300_000);
  const corpus = loadCorpus();
  expect(corpus.length).toBeGreaterThanOrEqual(process.env.ACCURACY_HOSTS ? 1 : 15);
  const results: PageResult[] = [];
  for (const page of corpus) results.push(await measurePage(context, serviceWorker, port, page));
  const report = formatReport(results);
  console.log(`\n${report}\n`);
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/accuracy.txt', `${report}\n`);

  expect(results.flatMap((r) => r.badTruth)).toEqual([]);
  const overall = summarise(results);
  expect(overall.precision).toBeGreaterThanOrEqual(MIN_PRECISION);
  expect(overall.recall).toBeGreaterThanOrEqual(MIN_RECALL);
});
