// @vitest-environment happy-dom
import { h, render } from 'preact';
import { describe, expect, it } from 'vitest';
import { PopupView } from './popup-view';
import type { PopupControls, PopupState } from './popup-view';

const rows = Array.from({ length: 45 }, (_, i) => ({ site: `site-${String(i).padStart(2, '0')}.test`, impressions: i + 1, viewable: 0, clicks: 0, dwellMs: 0 }));
const state: PopupState = { status: 'ready', rows, currentSite: null, writeProblem: null, paused: false, sitePaused: false, range: 'all' };
const byImpressions: PopupControls = { range: 'all', sort: { key: 'impressions', descending: true }, search: '' };

function show(firstRows: number | undefined, controls = byImpressions): HTMLElement {
  const root = document.createElement('div');
  render(h(PopupView, { state, controls, firstRows }), root);
  return root;
}
const sites = (root: HTMLElement) => [...root.querySelectorAll('table.stats tbody th')].map((th) => th.textContent);
const busy = (root: HTMLElement) => root.querySelector('section[aria-label="All sites"]')?.getAttribute('aria-busy');

describe('PopupView, first screen', () => {
  it('renders the first rows of the sorted table and says the table is busy until the rest are in', () => {
    const first = show(30);
    expect(sites(first)).toEqual(rows.map((r) => r.site).reverse().slice(0, 30));
    expect(busy(first)).toBe('true');
    const all = show(undefined);
    expect(sites(all)).toHaveLength(45);
    expect(busy(all)).toBe('false');
  });

  it('cuts after sorting and searching, so the first rows are the top of what the person asked for', () => {
    expect(sites(show(2, { ...byImpressions, sort: { key: 'site', descending: false } }))).toEqual(['site-00.test', 'site-01.test']);
    // Fewer matches than the cut: complete, not busy.
    const searched = show(30, { ...byImpressions, search: 'site-4' });
    expect(sites(searched)).toEqual(['site-44.test', 'site-43.test', 'site-42.test', 'site-41.test', 'site-40.test']);
    expect(busy(searched)).toBe('false');
  });
});
