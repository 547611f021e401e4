// @vitest-environment happy-dom
import { h, render } from 'preact';
import { describe, expect, it } from 'vitest';
import { PopupView } from './popup-view';
import type { PopupControls, PopupState } from './popup-view';

function show(state: PopupState, controls?: PopupControls): HTMLElement {
  const root = document.createElement('div');
  render(h(PopupView, { state, controls, onOpenOptions: () => {}, onTogglePause: () => {} }), root);
  return root;
}

const ready = (over: Partial<Extract<PopupState, { status: 'ready' }>> = {}): PopupState => ({
  status: 'ready',
  rows: [row, { site: 'blog.test', impressions: 9, viewable: 1, clicks: 0, dwellMs: 0 }],
  currentSite: null,
  writeProblem: null,
  paused: false,
  sitePaused: false,
  ...over,
});
const siteCells = (root: HTMLElement) => [...root.querySelectorAll('table.stats tbody th')].map((th) => th.textContent);

const row = { site: 'news.test', impressions: 4, viewable: 2, clicks: 1, dwellMs: 0 };

describe('PopupView', () => {
  it('says why it waits while the database is upgraded, and plain "Loading…" otherwise', () => {
    expect(show({ status: 'loading' }).querySelector('[role=status]')?.textContent).toBe('Loading…');
    expect(show({ status: 'loading', upgrading: true }).querySelector('[role=status]')?.textContent).toContain('updating its database for the new version');
  });

  it('says plainly when events could not be saved, above the table', () => {
    const root = show({
      status: 'ready',
      rows: [row],
      currentSite: null,
      paused: false,
      sitePaused: false,
      writeProblem: { message: 'AdTally cannot save new events: the disk is full.', detail: 'QuotaExceededError: x', since: 1 },
    });
    const alert = root.querySelector('[role=alert]');
    expect(alert?.textContent).toBe('AdTally cannot save new events: the disk is full.');
    expect(alert?.getAttribute('title')).toBe('QuotaExceededError: x');
    expect(root.querySelector('table.stats')).not.toBeNull();
  });

  it('shows no alert when writes are fine, and the link to the options page', () => {
    const root = show({ status: 'ready', rows: [row], currentSite: null, writeProblem: null, paused: false, sitePaused: false });
    expect(root.querySelector('[role=alert]')).toBeNull();
    expect(root.querySelector('button.link')?.textContent).toContain('Data, privacy and export');
  });

  it('shows a card for the current site with its time in view and its pause state', () => {
    const root = show(ready({ currentSite: 'news.test', rows: [{ ...row, dwellMs: 65_000 }], sitePaused: true }));
    const card = root.querySelector('[data-testid=site-card]')!;
    expect(card.querySelector('h2')?.textContent).toBe('news.test');
    const metrics = Object.fromEntries([...card.querySelectorAll('dl div')].map((d) => [d.querySelector('dt')?.textContent, d.querySelector('dd')?.textContent]));
    expect(metrics).toEqual({ Impressions: '4', Viewable: '2', Clicks: '1', CTR: '25.0%', 'Time in view': '1 min 05 s', 'Per impression': '16.3 s', 'In view': 'n/a', Viewability: 'n/a' });
    expect((card.querySelector('input[type=checkbox]') as HTMLInputElement).checked).toBe(true);
  });

  it('shows the in-view and viewability rates of measured ads, and n/a where nothing was measured', () => {
    const measured = { ...row, measured: 8, measuredInView: 6, measuredViewable: 3 };
    const card = show(ready({ currentSite: 'news.test', rows: [measured] })).querySelector('[data-testid=site-card]')!;
    const metric = (name: string) => [...card.querySelectorAll('dl div')].find((d) => d.querySelector('dt')?.textContent === name)!;
    expect(metric('In view').querySelector('dd')?.textContent).toBe('75.0%');
    expect(metric('Viewability').querySelector('dd')?.textContent).toBe('37.5%');
    expect(metric('Viewability').getAttribute('title')).toMatch(/^3 of 8 measured ads\. Viewability: /);
  });

  it('says how many ads the tab shows now, and whether they are counted there', () => {
    const card = (pageAds: number | null, sitePaused = false) => show(ready({ currentSite: 'news.test', pageAds, sitePaused })).querySelector('.page-ads')?.textContent ?? null;
    expect(card(4)).toBe('4 ads on this page now');
    expect(card(1)).toBe('1 ad on this page now');
    expect(card(0)).toBe('No ads on this page now');
    expect(card(4, true)).toBe('4 ads on this page now (not counted here)');
    expect(card(null)).toBeNull();
  });

  it('says what every number means in a tooltip, and how rough a CTR is', () => {
    const root = show(ready({ currentSite: 'news.test', rows: [{ ...row, dwellMs: 65_000 }] }));
    const card = root.querySelector('[data-testid=site-card]')!;
    for (const metric of card.querySelectorAll('dl div')) expect(metric.getAttribute('title')?.length).toBeGreaterThan(30);
    expect([...card.querySelectorAll('dl div')].find((d) => d.querySelector('dt')?.textContent === 'CTR')?.getAttribute('title')).toContain('1 of 4 impressions; 95% interval 4.6%–69.9%');
    for (const cell of root.querySelectorAll('table.stats tbody td')) expect(cell.getAttribute('title')).toMatch(/(^|\. )(Impressions|Viewable|Clicks|CTR): /);
  });

  it('shows zeros in the card for a current site without ads, and no card without a site', () => {
    expect(show(ready({ currentSite: 'quiet.test' })).querySelector('[data-testid=site-card] dd')?.textContent).toBe('0');
    expect(show(ready()).querySelector('[data-testid=site-card]')).toBeNull();
  });

  it('sorts and filters the table as the controls say, keeping the header texts', () => {
    const root = show(ready(), { range: 'all', sort: { key: 'site', descending: false }, search: '' });
    expect(siteCells(root)).toEqual(['blog.test', 'news.test']);
    expect([...root.querySelectorAll('table.stats thead th')].map((th) => th.textContent)).toEqual(['Site', 'Impressions', 'Viewable', 'Clicks', 'CTR']);
    expect(root.querySelector('th[aria-sort]')?.textContent).toBe('Site');
    expect(siteCells(show(ready(), { range: 'all', sort: { key: 'impressions', descending: true }, search: 'NEWS' }))).toEqual(['news.test']);
    expect(show(ready(), { range: 'all', sort: { key: 'impressions', descending: true }, search: 'zzz' }).textContent).toContain('No site matches');
  });

  it('says when tracking is paused everywhere, and explains an empty start', () => {
    expect(show(ready({ paused: true })).querySelector('.paused')?.textContent).toContain('paused everywhere');
    expect(show(ready({ rows: [] })).textContent).toContain('No ads counted yet');
    expect(show(ready({ rows: [] }), { range: '7d', sort: { key: 'impressions', descending: true }, search: '' }).textContent).toContain('No ads counted in this period');
  });
});
