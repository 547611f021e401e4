// @vitest-environment happy-dom
/**
 * The fixture pages under e2e/sites/ against their ground truth (<page>.truth.json): every truth selector
 * selects exactly one element, and the adapters registered for the page's platform find exactly the ads the
 * truth lists, with their kinds, and none of the decoys. Layout-free (happy-dom): the real-browser check of
 * the same pages is the e2e accuracy test.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getDomainWithoutSuffix } from 'tldts';
import { describe, expect, it } from 'vitest';
import type { AdKind } from '../../../common/types';
import type { DetectContext } from '../types';
import { adaptersFor } from './index';

interface Truth {
  path: string;
  description: string;
  ads: { selector: string; kind: AdKind }[];
  notTheseAds: string[];
}

const SITES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../e2e/sites');
const HOSTS = [
  'www.google.test',
  'www.youtube.test',
  'www.facebook.test',
  'www.instagram.test',
  'x.test',
  'www.linkedin.test',
  'www.reddit.test',
  'www.amazon.test',
  'widgets.test',
];

const pages = HOSTS.flatMap((host) =>
  readdirSync(join(SITES, host))
    .filter((f) => f.endsWith('.truth.json'))
    .map((f) => ({ host, truthFile: f, truth: JSON.parse(readFileSync(join(SITES, host, f), 'utf8')) as Truth })),
);

function load(host: string, path: string): void {
  const html = readFileSync(join(SITES, host, path), 'utf8').replaceAll('__PORT__', '8080');
  document.documentElement.innerHTML = html.replace(/^[\s\S]*?<html[^>]*>/i, '').replace(/<\/html>\s*$/i, '');
}

function ctxFor(host: string): DetectContext {
  return {
    platform: getDomainWithoutSuffix(host) ?? null,
    isRendered: (el) => el.checkVisibility({ opacityProperty: true, visibilityProperty: true }),
    filterRules: [],
  };
}

describe('fixture pages and their ground truth', () => {
  it('has at least one page per platform host', () => {
    expect(new Set(pages.map((p) => p.host))).toEqual(new Set(HOSTS));
  });

  for (const { host, truthFile, truth } of pages) {
    // happy-dom resolves computed styles slowly: a feed page takes about a second, more on a busy machine.
    describe(`${host}${truth.path}`, { timeout: 30_000 }, () => {
      it('names its page and describes it', () => {
        expect(truth.path).toBe(`/${truthFile.replace(/\.truth\.json$/, '.html')}`);
        expect(truth.description.length).toBeGreaterThan(20);
        expect(truth.ads.length).toBeGreaterThan(0);
      });

      it('has selectors that each select exactly one element (ads) or at least one (decoys)', () => {
        load(host, truth.path);
        for (const { selector } of truth.ads) expect(document.querySelectorAll(selector).length, selector).toBe(1);
        for (const selector of truth.notTheseAds) expect(document.querySelectorAll(selector).length, selector).toBeGreaterThan(0);
        // Ground truth lives beside the page, never on its elements.
        expect(document.querySelector('[data-truth], [data-ad-truth], [data-expected], [data-test-ad]')).toBeNull();
      });

      it('is what the platform adapters find: every ad with its kind, no decoy', () => {
        load(host, truth.path);
        const ctx = ctxFor(host);
        const found = adaptersFor(ctx.platform).flatMap((a) => a.detect(document, ctx));
        const expected = truth.ads.map(({ selector, kind }) => ({ el: document.querySelector(selector), kind, selector }));
        const describeEl = (el: Element | null) => (el ? `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}` : 'null');
        expect(found.map((d) => describeEl(d.element)).sort()).toEqual(expected.map((e) => describeEl(e.el)).sort());
        for (const { el, kind, selector } of expected) {
          const hit = found.find((d) => d.element === el);
          expect(hit, selector).toBeDefined();
          expect(hit!.kind, selector).toBe(kind);
          expect(hit!.rule).toMatch(/^adapter:[a-z-]+\/[a-z-]+$/);
        }
        for (const selector of truth.notTheseAds) {
          for (const decoy of document.querySelectorAll(selector)) {
            expect(found.some((d) => d.element === decoy), selector).toBe(false);
          }
        }
      });
    });
  }
});
