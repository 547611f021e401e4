import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, isTracked, validSettingsChange, withDefaults } from './settings';

const DEFAULTS = { filterListUpdates: true, pageAddress: 'path', retentionDays: 0, paused: false, pausedSites: [] };

describe('withDefaults', () => {
  it('gives the defaults when nothing is stored', () => {
    expect(withDefaults(undefined)).toEqual(DEFAULTS);
    expect(withDefaults({})).toEqual(DEFAULTS);
  });

  it('keeps stored values the settings allow', () => {
    expect(withDefaults({ filterListUpdates: false })).toEqual({ ...DEFAULTS, filterListUpdates: false });
    expect(withDefaults({ pageAddress: 'site', retentionDays: 90 })).toEqual({ ...DEFAULTS, pageAddress: 'site', retentionDays: 90 });
    expect(withDefaults({ pageAddress: 'full' }).pageAddress).toBe('full');
  });

  it('ignores values the settings do not allow', () => {
    expect(withDefaults({ filterListUpdates: 'false' })).toEqual(DEFAULTS);
    expect(withDefaults({ filterListUpdates: 0 })).toEqual(DEFAULTS);
    expect(withDefaults({ filterListUpdates: null })).toEqual(DEFAULTS);
    expect(withDefaults({ pageAddress: 'everything' })).toEqual(DEFAULTS);
    expect(withDefaults({ retentionDays: 17 })).toEqual(DEFAULTS);
    expect(withDefaults({ retentionDays: '30' })).toEqual(DEFAULTS);
  });

  it('drops keys it does not know', () => {
    const settings = withDefaults({ filterListUpdates: false, theme: 'dark', extra: 1 });
    expect(Object.keys(settings).sort()).toEqual(['filterListUpdates', 'pageAddress', 'paused', 'pausedSites', 'retentionDays']);
  });

  it('returns a fresh object, leaving the defaults untouched', () => {
    const settings = withDefaults({ filterListUpdates: false });
    expect(settings).not.toBe(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS).toEqual(DEFAULTS);
  });
});

describe('validSettingsChange', () => {
  it('accepts a change of allowed values', () => {
    expect(validSettingsChange({ retentionDays: 30 })).toEqual({ retentionDays: 30 });
    expect(validSettingsChange({ pageAddress: 'site', filterListUpdates: false })).toEqual({ pageAddress: 'site', filterListUpdates: false });
  });

  it('rejects unknown keys, wrong values and empty changes', () => {
    expect(validSettingsChange({ retentionDays: 31 })).toBeNull();
    expect(validSettingsChange({ colour: 'red' })).toBeNull();
    expect(validSettingsChange({})).toBeNull();
    expect(validSettingsChange(null)).toBeNull();
  });
});

describe('isTracked', () => {
  it('is false everywhere when paused, and on paused sites', () => {
    const settings = withDefaults({ pausedSites: ['bank.test'] });
    expect(isTracked(settings, 'news.test')).toBe(true);
    expect(isTracked(settings, 'bank.test')).toBe(false);
    expect(isTracked({ ...settings, paused: true }, 'news.test')).toBe(false);
  });

  it('accepts only lists of site names as paused sites', () => {
    expect(withDefaults({ pausedSites: ['a.test', 7] }).pausedSites).toEqual([]);
    expect(withDefaults({ pausedSites: 'a.test' }).pausedSites).toEqual([]);
  });
});
