// @vitest-environment happy-dom
import { h, render } from 'preact';
import { describe, expect, it } from 'vitest';
import { untitledNumbers } from '../test-support/untitled-numbers';
import { PopupView } from './popup-view';

describe('the popup', () => {
  it('explains every number with a tooltip: the card, the ads on the page now and the table', () => {
    const row = { site: 'news.test', impressions: 40, viewable: 30, clicks: 3, dwellMs: 52_000, measured: 50, measuredInView: 40, measuredViewable: 30 };
    const root = document.createElement('div');
    render(
      h(PopupView, {
        state: { status: 'ready', range: 'all', rows: [row, { ...row, site: 'blog.test' }], currentSite: 'news.test', writeProblem: null, paused: false, sitePaused: false, pageAds: 4, audit: false },
      }),
      root,
    );
    expect(root.textContent).toContain('4 ads on this page now');
    expect(untitledNumbers(root)).toEqual([]);
  });
});
