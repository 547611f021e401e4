import { describe, expect, it } from 'vitest';
import { storedEvent } from '../../test-support/fresh-db';
import { accepted } from './parsed';
import { MAX_TOP, parseFilteredQuery, parseGetPlacement, parseGetStats, parseGetTopKeys, parseGetWatchStats } from './queries';
import { MAX_PAGE, parseDeleteData, parseExportEvents, parseImportEvents } from './user-data';

describe('the queries never refuse: a malformed field reads as its default', () => {
  it('getStats: a tab id that is not a number is none, a malformed range is all time', () => {
    expect(accepted(parseGetStats({ tabId: '3', days: { from: 'yesterday', to: '2026-11-21' } }))).toEqual({ tabId: null, days: { to: '2026-11-21' } });
  });

  it('getTopKeys: an unknown dimension is "site", a limit that is not a positive whole number is 10, more than MAX_TOP is MAX_TOP', () => {
    expect(accepted(parseGetTopKeys({ dimension: 'cell', limit: 2.5 }))).toEqual({ dimension: 'site', days: {}, limit: 10 });
    expect(accepted(parseGetTopKeys({ dimension: 'kind', limit: 0 })).limit).toBe(10);
    expect(accepted(parseGetTopKeys({ dimension: 'network', limit: 1e6 }))).toMatchObject({ dimension: 'network', limit: MAX_TOP });
  });

  it('getSlice and getFrequency: a filter keeps only string fields of the four dimensions', () => {
    expect(accepted(parseFilteredQuery({ filter: { site: 'news.test', advertiser: 3, day: '2026-11-21' }, limit: 5 }))).toEqual({ days: {}, filter: { site: 'news.test' }, limit: 5 });
    expect(accepted(parseFilteredQuery({ filter: 'site=news.test' })).filter).toEqual({});
  });

  it('getPlacement: only a range, a malformed one is all time', () => {
    expect(accepted(parseGetPlacement({ days: { from: '2026-11-15', to: '2026-11-21' }, filter: { site: 'news.test' } }))).toEqual({ days: { from: '2026-11-15', to: '2026-11-21' } });
    expect(accepted(parseGetPlacement({ days: 'last week' }))).toEqual({ days: {} });
  });

  it('getWatchStats: malformed entries are left out', () => {
    expect(accepted(parseGetWatchStats({ entries: [{ kind: 'regex', value: '.*' }, 'acme.com', { kind: 'domain', value: 'acme.com' }] })).entries).toEqual([{ kind: 'domain', value: 'acme.com' }]);
    expect(accepted(parseGetWatchStats({ entries: 'acme.com' })).entries).toEqual([]);
  });
});

describe('the data messages never refuse', () => {
  it('exportEvents: a limit that is not a positive number is a whole page; a malformed position is the start', () => {
    expect(accepted(parseExportEvents({ limit: -1, after: { time: '1', id: 'a' } }))).toEqual({ after: null, limit: MAX_PAGE });
    expect(accepted(parseExportEvents({ limit: 1e9, after: { time: 1, id: 'a' } }))).toEqual({ after: { time: 1, id: 'a' }, limit: MAX_PAGE });
  });

  it('importEvents: lines that are not a list are none; each bad line is reported by its number', () => {
    expect(accepted(parseImportEvents({ lines: 'nope' }))).toEqual({ events: [], errors: [] });
    const page = accepted(parseImportEvents({ lines: [{ line: 1, value: storedEvent({ id: 'a' }) }, { value: 'text' }, null] }));
    expect(page.events.map((e) => e.id)).toEqual(['a']);
    expect(page.errors).toEqual([
      { line: 0, reason: 'not a JSON object' },
      { line: 0, reason: 'not a JSON object' },
    ]);
  });

  it('deleteData: a site, or null for everything; anything else is refused, never read as "delete everything"', () => {
    expect(accepted(parseDeleteData({ site: 'a.test' }))).toEqual({ site: 'a.test' });
    expect(accepted(parseDeleteData({ site: null }))).toEqual({ site: null });
    for (const site of ['', 7, undefined, {}]) expect(parseDeleteData({ site }).ok).toBe(false);
  });
});
