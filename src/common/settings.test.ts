import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, withDefaults } from './settings';

describe('withDefaults', () => {
  it('gives the defaults when nothing is stored', () => {
    expect(withDefaults(undefined)).toEqual({ filterListUpdates: true });
    expect(withDefaults({})).toEqual({ filterListUpdates: true });
  });

  it('keeps a stored value of the right type', () => {
    expect(withDefaults({ filterListUpdates: false })).toEqual({ filterListUpdates: false });
    expect(withDefaults({ filterListUpdates: true })).toEqual({ filterListUpdates: true });
  });

  it('ignores a value of the wrong type', () => {
    expect(withDefaults({ filterListUpdates: 'false' })).toEqual({ filterListUpdates: true });
    expect(withDefaults({ filterListUpdates: 0 })).toEqual({ filterListUpdates: true });
    expect(withDefaults({ filterListUpdates: null })).toEqual({ filterListUpdates: true });
  });

  it('drops keys it does not know', () => {
    const settings = withDefaults({ filterListUpdates: false, theme: 'dark', extra: 1 });
    expect(settings).toEqual({ filterListUpdates: false });
    expect(Object.keys(settings)).toEqual(['filterListUpdates']);
  });

  it('returns a fresh object, leaving the defaults untouched', () => {
    const settings = withDefaults({ filterListUpdates: false });
    expect(settings).not.toBe(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS).toEqual({ filterListUpdates: true });
    expect(withDefaults(undefined)).not.toBe(DEFAULT_SETTINGS);
  });
});
