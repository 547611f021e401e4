// @vitest-environment happy-dom
import { h, render } from 'preact';
import { describe, expect, it } from 'vitest';
import { nextUpgradeState, partialViews, UpgradeBanner } from './upgrade-banner';
import type { UpgradeState } from './upgrade-banner';

const show = (state: UpgradeState) => {
  const root = document.createElement('div');
  render(h(UpgradeBanner, { state, onReload: () => {} }), root);
  return root.textContent ?? '';
};

describe('the dashboard upgrade banner', () => {
  it('names the views the walk still fills, by the version upgraded from', () => {
    expect(partialViews(5)).toEqual(['filtered views', 'My ads by domain or name', 'placement', 'time in view']);
    expect(partialViews(6)).toEqual(['placement', 'time in view']);
    expect(partialViews(7)).toEqual([]);
  });

  it('says how far the walk got and which views are partial meanwhile', () => {
    const text = show({ status: 'running', upgrade: { from: 6, to: 8, since: 0, done: 250_000, total: 1_000_000 } });
    expect(text).toContain('250,000 of 1,000,000 stored events, 25%');
    expect(text).toContain('placement and time in view count only the events it has reached');
  });

  it('says every view is complete when the walk fills only the landing index', () => {
    expect(show({ status: 'running', upgrade: { from: 7, to: 8, since: 0 } })).toContain('Every view is complete');
  });

  it('turns into "finished" when the notice goes away while it was shown, and shows nothing otherwise', () => {
    const running: UpgradeState = { status: 'running', upgrade: { from: 6, to: 8, since: 0 } };
    expect(nextUpgradeState(running, null)).toEqual({ status: 'finished' });
    expect(nextUpgradeState(null, null)).toBeNull();
    expect(show(nextUpgradeState(running, null))).toContain('finished updating');
    expect(show(null)).toBe('');
  });
});
