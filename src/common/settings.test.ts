import { describe, expect, it } from 'vitest';
import { isTracked, togglePauseSite, validSettingsChange } from './settings';
import { withDefaults } from './stored/settings';

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
  const lists = { pausedSites: ['bank.test'], allowSites: ['blog.test'] };

  it('tracks every site in scope all, whatever the lists hold', () => {
    const settings = withDefaults({ ...lists, scope: 'all' });
    expect(['news.test', 'bank.test', 'blog.test'].map((s) => isTracked(settings, s))).toEqual([true, true, true]);
  });

  it('tracks only allowed sites in scope allow', () => {
    const settings = withDefaults({ ...lists, scope: 'allow' });
    expect(['news.test', 'bank.test', 'blog.test'].map((s) => isTracked(settings, s))).toEqual([false, false, true]);
    expect(isTracked(withDefaults({ scope: 'allow' }), 'blog.test')).toBe(false);
  });

  it('tracks every site but denied ones in scope deny', () => {
    const settings = withDefaults({ ...lists, scope: 'deny' });
    expect(['news.test', 'bank.test', 'blog.test'].map((s) => isTracked(settings, s))).toEqual([true, false, true]);
  });

  it('tracks nothing when paused everywhere, in every scope', () => {
    for (const scope of ['all', 'allow', 'deny']) {
      const settings = withDefaults({ ...lists, scope, paused: true });
      expect(['news.test', 'bank.test', 'blog.test'].some((s) => isTracked(settings, s))).toBe(false);
    }
  });

  it('keeps sites paused before scopes existed paused (no stored scope means deny)', () => {
    const settings = withDefaults({ pausedSites: ['bank.test'] });
    expect(settings.scope).toBe('deny');
    expect(isTracked(settings, 'news.test')).toBe(true);
    expect(isTracked(settings, 'bank.test')).toBe(false);
    expect(withDefaults({ pausedSites: ['bank.test'], scope: 'all' }).scope).toBe('all');
  });

  it('accepts only known scopes and lists of site names', () => {
    expect(withDefaults({ scope: 'some' }).scope).toBe('all');
    expect(withDefaults({ pausedSites: ['a.test', 7] }).pausedSites).toEqual([]);
    expect(withDefaults({ pausedSites: 'a.test' }).pausedSites).toEqual([]);
    expect(withDefaults({ allowSites: [''] }).allowSites).toEqual([]);
    expect(validSettingsChange({ scope: 'allow', allowSites: ['blog.test'] })).toEqual({ scope: 'allow', allowSites: ['blog.test'] });
    expect(validSettingsChange({ scope: 'none' })).toBeNull();
  });
});

describe('togglePauseSite', () => {
  const apply = (settings: ReturnType<typeof withDefaults>, site: string) => ({ ...settings, ...togglePauseSite(settings, site) });

  it('in scope all, pauses the site on the deny list and switches to deny; again resumes it', () => {
    const paused = apply(withDefaults({ scope: 'all' }), 'news.test');
    expect(paused).toMatchObject({ scope: 'deny', pausedSites: ['news.test'] });
    expect(isTracked(paused, 'news.test')).toBe(false);
    expect(isTracked(paused, 'blog.test')).toBe(true);
    const resumed = apply(paused, 'news.test');
    expect(resumed).toMatchObject({ scope: 'deny', pausedSites: [] });
    expect(isTracked(resumed, 'news.test')).toBe(true);
  });

  it('in scope all with the site still on the kept deny list, pauses without a duplicate', () => {
    expect(togglePauseSite(withDefaults({ scope: 'all', pausedSites: ['news.test'] }), 'news.test')).toEqual({ scope: 'deny', pausedSites: ['news.test'] });
  });

  it('in scope allow, pausing removes the site from the allow list and resuming adds it back', () => {
    const start = withDefaults({ scope: 'allow', allowSites: ['blog.test', 'news.test'] });
    const paused = apply(start, 'news.test');
    expect(paused).toMatchObject({ scope: 'allow', allowSites: ['blog.test'], pausedSites: [] });
    expect(isTracked(paused, 'news.test')).toBe(false);
    expect(apply(paused, 'news.test').allowSites).toEqual(['blog.test', 'news.test']);
  });
});
