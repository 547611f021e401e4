// @vitest-environment happy-dom
import { h, render } from 'preact';
import { describe, expect, it } from 'vitest';
import { PopupView } from './popup-view';
import type { PopupState } from './popup-view';

function show(state: PopupState): HTMLElement {
  const root = document.createElement('div');
  render(h(PopupView, { state, onOpenOptions: () => {} }), root);
  return root;
}

const row = { site: 'news.test', impressions: 4, viewable: 2, clicks: 1, dwellMs: 0 };

describe('PopupView', () => {
  it('says plainly when events could not be saved, above the table', () => {
    const root = show({
      status: 'ready',
      rows: [row],
      currentSite: null,
      writeProblem: { message: 'AdTally cannot save new events: the disk is full.', detail: 'QuotaExceededError: x', since: 1 },
    });
    const alert = root.querySelector('[role=alert]');
    expect(alert?.textContent).toBe('AdTally cannot save new events: the disk is full.');
    expect(alert?.getAttribute('title')).toBe('QuotaExceededError: x');
    expect(root.querySelector('table.stats')).not.toBeNull();
  });

  it('shows no alert when writes are fine, and the link to the options page', () => {
    const root = show({ status: 'ready', rows: [row], currentSite: null, writeProblem: null });
    expect(root.querySelector('[role=alert]')).toBeNull();
    expect(root.querySelector('button.link')?.textContent).toContain('Data, privacy and export');
  });
});
