import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: { action: { setBadgeText: vi.fn(), setBadgeBackgroundColor: vi.fn() } } }));

const { badgeShows, badgeText } = await import('./toolbar-badge');
const { DEFAULT_SETTINGS } = await import('../common/stored/settings');

describe('the toolbar badge', () => {
  it('shows a count of ads, and nothing for none', () => {
    expect(badgeText(4, true)).toBe('4');
    expect(badgeText(0, true)).toBe('');
    expect(badgeText(4, false)).toBe('');
  });

  it('shows only where ads are counted and the badge is on', () => {
    const url = 'https://www.news.example/story';
    expect(badgeShows(DEFAULT_SETTINGS, url)).toBe(true);
    expect(badgeShows({ ...DEFAULT_SETTINGS, toolbarBadge: false }, url)).toBe(false);
    expect(badgeShows({ ...DEFAULT_SETTINGS, paused: true }, url)).toBe(false);
    expect(badgeShows({ ...DEFAULT_SETTINGS, scope: 'deny', pausedSites: ['news.example'] }, url)).toBe(false);
    expect(badgeShows({ ...DEFAULT_SETTINGS, scope: 'allow', allowSites: ['other.example'] }, url)).toBe(false);
    expect(badgeShows(DEFAULT_SETTINGS, undefined)).toBe(false);
  });
});
