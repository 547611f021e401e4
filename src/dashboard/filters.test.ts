import { describe, expect, it } from 'vitest';
import { filterFromSearch, setFilter, withFilter } from './filters';

describe('dashboard filters in the address', () => {
  it('read every field given, an empty value included', () => {
    expect(filterFromSearch('?range=7d&site=news.test&advertiser=&kind=native&other=x')).toEqual({ site: 'news.test', advertiser: '', kind: 'native' });
    expect(filterFromSearch('')).toEqual({});
  });

  it('write the filter and keep the range', () => {
    const href = withFilter('chrome-extension://id/dashboard.html?range=7d&site=old.test', { advertiser: 'acme.com' });
    expect(filterFromSearch(new URL(href).search)).toEqual({ advertiser: 'acme.com' });
    expect(new URL(href).searchParams.get('range')).toBe('7d');
  });

  it('set and clear one field', () => {
    expect(setFilter({ site: 'a.test' }, 'kind', 'search')).toEqual({ site: 'a.test', kind: 'search' });
    expect(setFilter({ site: 'a.test', kind: 'search' }, 'site', undefined)).toEqual({ kind: 'search' });
  });
});
