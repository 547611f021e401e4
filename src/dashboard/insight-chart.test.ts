// @vitest-environment happy-dom
import { h, render } from 'preact';
import { describe, expect, it } from 'vitest';
import type { Frequency } from '../common/frequency';
import type { KeyStats } from '../common/types';
import { heldNote, InsightChart } from './insight-chart';

const key = (k: string, impressions: number, clicks: number): KeyStats => ({ key: k, impressions, viewable: 0, clicks, dwellMs: 0 });
const none: Frequency = { buckets: [], top: [], creatives: 0, impressions: 0 };

function show(rows: KeyStats[], total: number, onShowAll: (d: 'site' | 'advertiser') => void = () => {}): HTMLElement {
  const root = document.createElement('div');
  const top = { status: 'ready', value: { rows, total } } as const;
  render(
    h(InsightChart, {
      tops: { site: top, advertiser: top },
      frequency: { status: 'ready', value: none },
      watchlist: [],
      watchedSites: new Set(['mine.test']),
      overallCtr: 0.05,
      onShowAll,
    }),
    root,
  );
  return root;
}

describe('InsightChart', () => {
  it('marks the sites carrying My ads and offers the rows the top table has not fetched', () => {
    const asked: string[] = [];
    const rows = Array.from({ length: 10 }, (_, i) => key(i === 3 ? 'mine.test' : `s${i}.test`, 100 - i, 5));
    const root = show(rows, 12, (d) => asked.push(d));
    const dots = [...root.querySelectorAll('g.dot')];
    expect(dots).toHaveLength(10);
    expect(dots.filter((dot) => dot.getAttribute('data-mine') === 'true').map((dot) => dot.getAttribute('data-key'))).toEqual(['mine.test']);
    expect(dots.at(-1)!.getAttribute('data-key')).toBe('mine.test');
    const held = root.querySelector('[data-testid=insight-held]')!;
    expect(held.textContent).toContain('The 10 sites with most impressions, of 12.');
    (held.querySelector('button') as HTMLButtonElement).click();
    expect(asked).toEqual(['site']);
  });

  it('offers nothing more once it holds every row, or the 10,000 "Show all" fetches at most', () => {
    expect(show([key('a.test', 5, 0)], 1).querySelector('[data-testid=insight-held]')!.textContent).toBe('All 1 sites of the range.');
    // The note alone: 10,000 points are too slow to draw in happy-dom.
    const most = Array.from({ length: 10_000 }, (_, i) => key(`s${i}.test`, 1, 0));
    const root = document.createElement('div');
    render(h('p', null, heldNote('advertiser', { rows: most, total: 12_000 }, () => {})), root);
    expect(root.textContent).toBe('The 10,000 advertisers with most impressions, of 12,000.');
    expect(root.querySelector('button')).toBeNull();
  });
});
