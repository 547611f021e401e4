/// <reference types="vite/client" />
/**
 * The fixture pages under e2e/sites/ against their ground truth (<page>.truth.json): every truth selector
 * selects exactly one element, and the adapters registered for the page's platform find exactly the ads the
 * truth lists, with their kinds, and none of the decoys. Each page is laid out in this test's own document,
 * with its styles but without its scripts or the extension: the end-to-end check of the same pages is the
 * e2e accuracy test.
 */
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

// Bundled at build time: the browser running this test has no file system.
const TRUTHS = import.meta.glob<Truth>('../../../../e2e/sites/*/*.truth.json', { eager: true, import: 'default' });
const HTML = import.meta.glob<string>('../../../../e2e/sites/*/*.html', { eager: true, query: '?raw', import: 'default' });

const pages = Object.entries(TRUTHS)
  .map(([file, truth]) => {
    const [, host = '', truthFile = ''] = /\/e2e\/sites\/([^/]+)\/([^/]+)$/.exec(file) ?? [];
    return { host, truthFile, truth };
  })
  .filter((p) => HOSTS.includes(p.host));

function load(host: string, path: string): void {
  const html = HTML[`../../../../e2e/sites/${host}${path}`];
  if (html === undefined) throw new Error(`no page ${host}${path}`);
  document.documentElement.innerHTML = html.replaceAll('__PORT__', '8080').replace(/^[\s\S]*?<html[^>]*>/i, '').replace(/<\/html>\s*$/i, '');
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
    describe(`${host}${truth.path}`, () => {
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
