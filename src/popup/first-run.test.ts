// @vitest-environment happy-dom
import { h, render } from 'preact';
import { describe, expect, it } from 'vitest';
import { PopupView } from './popup-view';
import type { PopupControls, PopupState } from './popup-view';

const ALL: PopupControls = { range: 'all', sort: { key: 'impressions', descending: true }, search: '' };
const WEEK: PopupControls = { ...ALL, range: '7d' };

function show(state: PopupState, controls: PopupControls, onOpenWelcome = () => {}): HTMLElement {
  const root = document.createElement('div');
  render(h(PopupView, { state, controls, onOpenWelcome }), root);
  return root;
}

const onSite = (rows: { site: string; impressions: number; viewable: number; clicks: number; dwellMs: number }[], range = ALL.range): PopupState => ({
  status: 'ready',
  range,
  rows,
  currentSite: 'news.test',
  writeProblem: null,
  paused: false,
  sitePaused: false,
});
const other = { site: 'blog.test', impressions: 3, viewable: 1, clicks: 0, dwellMs: 0 };

describe('the popup on a first run', () => {
  it('explains what will appear instead of a card of zeros, and links to the welcome page', () => {
    let opened = 0;
    const root = show(onSite([]), ALL, () => opened++);
    const card = root.querySelector('[data-testid=site-card]')!;
    expect(card.querySelector('dl')).toBeNull();
    expect(card.textContent).toContain('Nothing counted on this site yet.');
    const empty = root.querySelector('[data-testid=empty-state]')!;
    expect(empty.textContent).toContain('No ads counted yet.');
    const links = [...root.querySelectorAll('button')].filter((b) => b.textContent === 'How AdTally counts');
    // One in the explanation, one in the footer; both open the welcome page.
    expect(links).toHaveLength(2);
    links.forEach((link) => link.click());
    expect(opened).toBe(2);
  });

  it('keeps the zeros once anything is stored, and in a shorter range, where a site can have none', () => {
    const stored = show(onSite([other]), ALL);
    expect(stored.querySelector('[data-testid=site-card] dl')?.textContent).toContain('Impressions0');
    expect(stored.querySelector('[data-testid=empty-state]')).toBeNull();
    const week = show(onSite([], '7d'), WEEK);
    expect(week.querySelector('[data-testid=site-card] dl')).not.toBeNull();
    expect(week.textContent).toContain('No ads counted in this period');
  });
});
