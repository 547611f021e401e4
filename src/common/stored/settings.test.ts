import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SETTINGS, withDefaults } from './settings';

const DEFAULTS = { filterListUpdates: true, pageAddress: 'path', retentionDays: 0, paused: false, scope: 'all', pausedSites: [], allowSites: [], toolbarBadge: true, pictures: true };

describe('withDefaults', () => {
  it('gives the defaults when nothing is stored', () => {
    expect(withDefaults(undefined)).toEqual(DEFAULTS);
    expect(withDefaults({})).toEqual(DEFAULTS);
  });

  it('keeps stored values the settings allow', () => {
    expect(withDefaults({ filterListUpdates: false })).toEqual({ ...DEFAULTS, filterListUpdates: false });
    expect(withDefaults({ pageAddress: 'site', retentionDays: 90 })).toEqual({ ...DEFAULTS, pageAddress: 'site', retentionDays: 90 });
    expect(withDefaults({ pageAddress: 'full' }).pageAddress).toBe('full');
    expect(withDefaults({ toolbarBadge: false })).toEqual({ ...DEFAULTS, toolbarBadge: false });
  });

  it('ignores values the settings do not allow', () => {
    expect(withDefaults({ filterListUpdates: 'false' })).toEqual(DEFAULTS);
    expect(withDefaults({ filterListUpdates: 0 })).toEqual(DEFAULTS);
    expect(withDefaults({ filterListUpdates: null })).toEqual(DEFAULTS);
    expect(withDefaults({ pageAddress: 'everything' })).toEqual(DEFAULTS);
    expect(withDefaults({ retentionDays: 17 })).toEqual(DEFAULTS);
    expect(withDefaults({ retentionDays: '30' })).toEqual(DEFAULTS);
    expect(withDefaults({ toolbarBadge: 'no' })).toEqual(DEFAULTS);
  });

  it('drops keys it does not know', () => {
    const settings = withDefaults({ filterListUpdates: false, theme: 'dark', extra: 1 });
    expect(Object.keys(settings).sort()).toEqual(['allowSites', 'filterListUpdates', 'pageAddress', 'paused', 'pausedSites', 'pictures', 'retentionDays', 'scope', 'toolbarBadge']);
  });

  it('returns a fresh object, leaving the defaults untouched', () => {
    const settings = withDefaults({ filterListUpdates: false });
    expect(settings).not.toBe(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS).toEqual(DEFAULTS);
  });
});

describe('SETTINGS', () => {
  it('is the settings key of storage.local, as profiles have stored it', () => {
    expect([SETTINGS.area, SETTINGS.key]).toEqual(['local', 'settings']);
  });

  it('reads anything that is not a settings object as the defaults', () => {
    for (const junk of [undefined, null, 'settings', 7, true, []]) expect(SETTINGS.parse(junk)).toEqual(DEFAULTS);
  });

  it('reads a stored object over the defaults, with the migration of paused sites', () => {
    expect(SETTINGS.parse({ retentionDays: 30, pausedSites: ['bank.test'] })).toEqual({ ...DEFAULTS, retentionDays: 30, pausedSites: ['bank.test'], scope: 'deny' });
  });
});
