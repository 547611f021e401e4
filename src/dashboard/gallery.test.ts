// @vitest-environment happy-dom
import { h, render } from 'preact';
import { describe, expect, it } from 'vitest';
import type { GalleryCard } from '../common/pictures';
import type { Creative } from '../common/types';
import { GalleryCards } from './gallery';

const creative: Creative = {
  fingerprint: 'f1',
  firstSeen: Date.UTC(2026, 11, 1),
  lastSeen: Date.UTC(2026, 11, 7),
  impressions: 4,
  viewable: 2,
  clicks: 1,
  dwellMs: 0,
  kind: 'display',
  network: null,
  advertiser: 'shop.test',
  landingUrl: 'https://shop.test/lp',
  rule: 'r',
  width: 300,
  height: 250,
};

function sitesText(sites: string[]): { text: string; title: string | null } {
  const root = document.createElement('div');
  const card: GalleryCard = { creative, sites, picture: null };
  render(h(GalleryCards, { cards: [card], total: 1, loadingMore: false, onShowMore: () => {}, empty: 'none' }), root);
  const cell = root.querySelector('[data-testid=creative-sites]')!;
  return { text: cell.textContent!.trim(), title: cell.getAttribute('title') };
}

describe('a gallery card', () => {
  it('names up to three sites, and counts the rest with every site in its tooltip', () => {
    expect(sitesText(['a.test', 'b.test'])).toEqual({ text: 'a.test, b.test', title: null });
    expect(sitesText(['a.test', 'b.test', 'c.test'])).toEqual({ text: 'a.test, b.test, c.test', title: null });
    expect(sitesText(['a.test', 'b.test', 'c.test', 'd.test', 'e.test'])).toEqual({ text: 'a.test, b.test, c.test and 2 more', title: 'a.test, b.test, c.test, d.test, e.test' });
    expect(sitesText([]).text).toBe('—');
  });
});
