import { describe, expect, it } from 'vitest';
import { DB_UPGRADE_NOTICE } from './db-upgrade-notice';
import { FILTER_REFRESH } from './filter-refresh';
import { SETTINGS } from './settings';
import { TOP_DOCUMENTS } from './top-documents';
import { USER_RULES } from './user-rules';
import { WATCHLIST } from './watchlist';
import { WRITE_PROBLEM } from './write-problem';

const JUNK = [undefined, null, 0, 7, '', 'text', true, []];

describe('stored keys', () => {
  it('keep the names and areas existing profiles hold', () => {
    const keys = [SETTINGS, USER_RULES, WATCHLIST, WRITE_PROBLEM, DB_UPGRADE_NOTICE, FILTER_REFRESH, TOP_DOCUMENTS].map((d) => `${d.area}:${d.key}`);
    expect(keys).toEqual(['local:settings', 'local:userRules', 'local:watchlist', 'local:writeProblem', 'local:dbUpgrade', 'local:filterListRefresh', 'session:topDocuments']);
  });
});

describe('USER_RULES', () => {
  it('reads a string as stored and anything else as no rules', () => {
    expect(USER_RULES.parse('a.test##.ad\n')).toBe('a.test##.ad\n');
    for (const junk of JUNK.filter((j) => typeof j !== 'string')) expect(USER_RULES.parse(junk)).toBe('');
  });
});

describe('WATCHLIST', () => {
  it('reads well-formed entries only', () => {
    expect(WATCHLIST.parse([{ kind: 'domain', value: 'acme.com' }, { kind: 'hover', value: 'x' }])).toEqual([{ kind: 'domain', value: 'acme.com' }]);
    for (const junk of JUNK) expect(WATCHLIST.parse(junk)).toEqual([]);
  });
});

describe('WRITE_PROBLEM', () => {
  it('reads a record with a message as stored, anything else as no problem', () => {
    const problem = { message: 'AdTally cannot save new events', detail: 'QuotaExceededError: x', since: 1 };
    expect(WRITE_PROBLEM.parse(problem)).toEqual(problem);
    expect(WRITE_PROBLEM.parse({ detail: 'x', since: 1 })).toBeNull();
    for (const junk of JUNK) expect(WRITE_PROBLEM.parse(junk)).toBeNull();
  });
});

describe('DB_UPGRADE_NOTICE', () => {
  it('reads from, to and since, and anything incomplete as no upgrade', () => {
    expect(DB_UPGRADE_NOTICE.parse({ from: 5, to: 6, since: 10, extra: 1 })).toEqual({ from: 5, to: 6, since: 10 });
    expect(DB_UPGRADE_NOTICE.parse({ from: 5, to: 6 })).toBeNull();
    expect(DB_UPGRADE_NOTICE.parse({ from: '5', to: 6, since: 10 })).toBeNull();
    for (const junk of JUNK) expect(DB_UPGRADE_NOTICE.parse(junk)).toBeNull();
  });
});

describe('FILTER_REFRESH', () => {
  it('reads an attempt with a time and an outcome, filling trigger and error leniently', () => {
    expect(FILTER_REFRESH.parse({ time: 1, ok: false, trigger: 'manual', error: 'HTTP 500' })).toEqual({ time: 1, ok: false, trigger: 'manual', error: 'HTTP 500' });
    expect(FILTER_REFRESH.parse({ time: 1, ok: true, trigger: 'cron', error: 4 })).toEqual({ time: 1, ok: true, trigger: 'weekly', error: null });
    expect(FILTER_REFRESH.parse({ time: '1', ok: true })).toBeNull();
    expect(FILTER_REFRESH.parse({ time: 1 })).toBeNull();
    for (const junk of JUNK) expect(FILTER_REFRESH.parse(junk)).toBeNull();
  });
});

describe('TOP_DOCUMENTS', () => {
  it('reads what was stored (sender-page.ts checks each entry)', () => {
    const saved = { '7': ['doc-a', 'doc-b'] };
    expect(TOP_DOCUMENTS.parse(saved)).toBe(saved);
    expect(TOP_DOCUMENTS.parse(undefined)).toBeUndefined();
  });
});
