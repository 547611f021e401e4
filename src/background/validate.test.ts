import { describe, expect, it, vi } from 'vitest';
import { AD_KINDS } from '../common/types';
import type { AdEvent } from '../common/types';
import { CUT_MARK, cutText, FIELD_LIMITS, isValidEvent, pickEventFields, pickStoredFields, shortenOverlong, storedEventProblem } from './validate';

const NOW = Date.UTC(2025, 5, 15, 12, 0, 0);

function valid(): AdEvent {
  return {
    id: 'c0a8e3f2-7a1b-4c2d-9e3f-0123456789ab',
    type: 'impression',
    time: NOW - 60_000,
    pageViewId: 'f1e2d3c4-b5a6-4978-8a9b-cdef01234567',
    adId: 'ad1',
    rule: 'sig:gpt-div',
    kind: 'display',
    network: 'Google Ad Manager',
    width: 300,
    height: 250,
    inFrame: false,
    inferred: false,
    focused: true,
    dwellMs: 0,
    reached: null,
    fold: 'above',
    fingerprint: 'fp-00a1b2c3d4e5f6',
    landingUrl: 'https://shop.example/offer?id=7',
    pageUrl: 'https://news.test/world/story.html',
  };
}

/** The valid event with one field replaced (or removed, for `undefined`). */
function withField(field: string, value: unknown): Record<string, unknown> {
  const e: Record<string, unknown> = { ...valid() };
  if (value === undefined) delete e[field];
  else e[field] = value;
  return e;
}

describe('isValidEvent', () => {
  it('accepts a valid event', () => {
    expect(isValidEvent(valid(), NOW)).toBe(true);
    expect(isValidEvent({ ...valid(), type: 'click', inFrame: true, network: null }, NOW)).toBe(true);
  });

  it.each(['impression', 'viewable', 'click', 'dwell'] as const)('accepts type %s', (type) => {
    expect(isValidEvent({ ...valid(), type }, NOW)).toBe(true);
  });

  it('accepts a dwell event with its time in view', () => {
    expect(isValidEvent({ ...valid(), type: 'dwell', dwellMs: 42_000 }, NOW)).toBe(true);
  });

  it.each(AD_KINDS)('accepts kind %s', (kind) => {
    expect(isValidEvent({ ...valid(), kind }, NOW)).toBe(true);
  });

  it.each([null, undefined, 'event', 42, true])('rejects a non-object (%s)', (value) => {
    expect(isValidEvent(value, NOW)).toBe(false);
  });

  it.each([
    ['missing id', 'id', undefined],
    ['empty id', 'id', ''],
    ['id too long', 'id', 'x'.repeat(65)],
    ['numeric id', 'id', 123],
    ['unknown type', 'type', 'view'],
    ['missing type', 'type', undefined],
    ['NaN time', 'time', Number.NaN],
    ['Infinity time', 'time', Number.POSITIVE_INFINITY],
    ['-Infinity time', 'time', Number.NEGATIVE_INFINITY],
    ['string time', 'time', String(NOW)],
    ['time before 2024', 'time', Date.UTC(2023, 11, 31, 23, 59, 59, 999)],
    ['time zero', 'time', 0],
    ['time too far in the future', 'time', NOW + 5 * 60_000 + 1],
    ['missing pageViewId', 'pageViewId', undefined],
    ['pageViewId too long', 'pageViewId', 'p'.repeat(65)],
    ['missing adId', 'adId', undefined],
    ['empty adId', 'adId', ''],
    ['non-string rule', 'rule', 7],
    ['rule too long', 'rule', 'r'.repeat(1001)],
    ['unknown kind', 'kind', 'banner'],
    ['missing kind', 'kind', undefined],
    ['numeric network', 'network', 42],
    ['missing network', 'network', undefined],
    ['network too long', 'network', 'n'.repeat(101)],
    ['negative width', 'width', -1],
    ['NaN width', 'width', Number.NaN],
    ['huge width', 'width', 100_001],
    ['string width', 'width', '300'],
    ['negative height', 'height', -0.5],
    ['Infinity height', 'height', Number.POSITIVE_INFINITY],
    ['missing height', 'height', undefined],
    ['string inFrame', 'inFrame', 'false'],
    ['numeric inFrame', 'inFrame', 0],
    ['missing inFrame', 'inFrame', undefined],
    ['string inferred', 'inferred', 'true'],
    ['numeric inferred', 'inferred', 1],
    ['null inferred', 'inferred', null],
    ['missing inferred', 'inferred', undefined],
    ['string focused', 'focused', 'true'],
    ['numeric focused', 'focused', 0],
    ['missing focused', 'focused', undefined],
    ['negative dwellMs', 'dwellMs', -1],
    ['NaN dwellMs', 'dwellMs', Number.NaN],
    ['Infinity dwellMs', 'dwellMs', Number.POSITIVE_INFINITY],
    ['dwellMs over a day', 'dwellMs', 86_400_001],
    ['string dwellMs', 'dwellMs', '1000'],
    ['missing dwellMs', 'dwellMs', undefined],
    ['fingerprint too long', 'fingerprint', 'f'.repeat(65)],
    ['numeric fingerprint', 'fingerprint', 12345],
    ['null fingerprint', 'fingerprint', null],
    ['missing fingerprint', 'fingerprint', undefined],
    ['javascript: landingUrl', 'landingUrl', 'javascript:alert(1)'],
    ['data: landingUrl', 'landingUrl', 'data:text/html,hi'],
    ['ftp landingUrl', 'landingUrl', 'ftp://files.example/x'],
    ['relative landingUrl', 'landingUrl', '/offer'],
    ['landingUrl with http in the middle', 'landingUrl', 'x https://shop.example/'],
    ['landingUrl too long', 'landingUrl', `https://shop.example/${'a'.repeat(4096 - 21 + 1)}`],
    ['numeric landingUrl', 'landingUrl', 42],
    ['missing landingUrl', 'landingUrl', undefined],
  ])('rejects an event with %s', (_name, field, value) => {
    expect(isValidEvent(withField(field, value), NOW)).toBe(false);
  });

  it.each([
    ['a 64-character id', 'id', 'x'.repeat(64)],
    ['the earliest time', 'time', Date.UTC(2024, 0, 1)],
    ['a time 5 minutes ahead (clock skew)', 'time', NOW + 5 * 60_000],
    ['a 1000-character rule', 'rule', 'r'.repeat(1000)],
    ['a 100-character network', 'network', 'n'.repeat(100)],
    ['zero size', 'width', 0],
    ['the largest size', 'height', 100_000],
    ['inferred true', 'inferred', true],
    ['focused false', 'focused', false],
    ['a fractional dwellMs', 'dwellMs', 1234.5],
    ['dwellMs of exactly a day', 'dwellMs', 86_400_000],
    ['an empty fingerprint', 'fingerprint', ''],
    ['a 64-character fingerprint', 'fingerprint', 'f'.repeat(64)],
    ['a null landingUrl', 'landingUrl', null],
    ['an http landingUrl', 'landingUrl', 'http://shop.example/'],
    ['a 4096-character landingUrl', 'landingUrl', `https://shop.example/${'a'.repeat(4096 - 21)}`],
  ])('accepts an event with %s', (_name, field, value) => {
    expect(isValidEvent(withField(field, value), NOW)).toBe(true);
  });
});

describe('pickEventFields', () => {
  it('keeps exactly the AdEvent fields and drops extra properties', () => {
    const original = valid();
    const hostile = { ...original, site: 'other.example', day: '2020-01-01', secret: 'cookie=1', __proto__x: 1 };
    const picked = pickEventFields(hostile);
    expect(picked).toEqual(original);
    expect(Object.keys(picked).sort()).toEqual(Object.keys(original).sort());
    expect(picked).not.toBe(hostile);
    expect(picked).not.toHaveProperty('site');
    expect(picked).not.toHaveProperty('secret');
  });

  it('keeps the new fields with their values', () => {
    const original: AdEvent = {
      ...valid(),
      type: 'dwell',
      inferred: true,
      focused: false,
      dwellMs: 5_250,
      fingerprint: 'fp-0123456789abcd',
      landingUrl: null,
    };
    const picked = pickEventFields({ ...original, advertiser: 'evil.example', extra: { nested: 1 } } as AdEvent);
    expect(picked).toEqual(original);
    expect(picked.inferred).toBe(true);
    expect(picked.focused).toBe(false);
    expect(picked.dwellMs).toBe(5_250);
    expect(picked.fingerprint).toBe('fp-0123456789abcd');
    expect(picked.landingUrl).toBeNull();
    expect(picked).not.toHaveProperty('advertiser');
    expect(picked).not.toHaveProperty('extra');
  });
});

describe('storedEventProblem (import lines)', () => {
  const line = () => ({
    ...valid(),
    site: 'news.test',
    day: '2025-06-15',
    advertiser: 'shop.example',
    pageUrl: 'https://news.test/world',
  });

  it('accepts an exported event, also an old one far in the past and one without page address', () => {
    expect(storedEventProblem(line(), NOW)).toBeNull();
    expect(storedEventProblem({ ...line(), time: Date.UTC(2024, 2, 1), pageUrl: null, advertiser: null }, NOW)).toBeNull();
  });

  it.each([
    ['site', 'News Site!', '"site" is not valid'],
    ['day', '15/06/2025', '"day" is not valid'],
    ['day', '2025-02-31x', '"day" is not valid'],
    ['advertiser', '', '"advertiser" is not valid'],
    ['pageUrl', 'javascript:alert(1)', '"pageUrl" is not valid'],
    ['time', NOW + 2 * 24 * 3600_000, '"time" is not valid'],
    ['landingUrl', 'ftp://x', '"landingUrl" is not valid'],
  ])('names the field: %s = %s', (field, value, reason) => {
    expect(storedEventProblem({ ...line(), [field]: value }, NOW)).toBe(reason);
  });

  it('names a missing field and rejects what is not an object', () => {
    const { advertiser: _, ...rest } = line();
    expect(storedEventProblem(rest, NOW)).toBe('"advertiser" is missing');
    expect(storedEventProblem([line()], NOW)).toBe('not a JSON object');
    expect(storedEventProblem(null, NOW)).toBe('not a JSON object');
  });

  it('keeps only the format fields', () => {
    expect(Object.keys(pickStoredFields({ ...line(), extra: 1 } as never))).not.toContain('extra');
  });

  it('imports a line exported before measured ads were counted (no "reached") as an event that is not one', () => {
    const { reached: _, ...older } = line();
    expect(storedEventProblem(older, NOW)).toBeNull();
    expect(pickStoredFields(older as never)).toEqual(line());
    expect(storedEventProblem({ ...line(), type: 'measured', reached: 'viewable' }, NOW)).toBeNull();
    expect(storedEventProblem({ ...line(), type: 'measured', reached: 'seen' }, NOW)).toBe('"reached" is not valid');
  });

  it('wants "reached" from a page: a content script always sends it', () => {
    const { reached: _, ...older } = valid();
    expect(isValidEvent(older, NOW)).toBe(false);
  });

  it('imports a line exported before version 7 (no "fold") as an ad whose fold is unknown', () => {
    const { fold: _, ...older } = line();
    expect(storedEventProblem(older, NOW)).toBeNull();
    expect(pickStoredFields(older as never)).toEqual({ ...line(), fold: null });
    expect(storedEventProblem({ ...line(), fold: 'below' }, NOW)).toBeNull();
    expect(storedEventProblem({ ...line(), fold: 'middle' }, NOW)).toBe('"fold" is not valid');
  });

  it('wants "fold" from a page, above, below or null', () => {
    const { fold: _, ...older } = valid();
    expect(isValidEvent(older, NOW)).toBe(false);
    expect(isValidEvent({ ...valid(), fold: null }, NOW)).toBe(true);
    expect(isValidEvent({ ...valid(), fold: 'below' }, NOW)).toBe(true);
    expect(isValidEvent({ ...valid(), fold: 1 }, NOW)).toBe(false);
  });
});

describe('shortenOverlong', () => {
  // A real EasyList rule of 1,000+ characters: one selector list joined by commas.
  const longRule = `filter:EasyList 202506150000 ##${Array.from({ length: 120 }, (_, i) => `.ad-slot-${i}`).join(', ')}`;
  const longUrl = `https://shop.example/offer?${'x'.repeat(5000)}`;
  const longPage = `https://news.test/story?${'y'.repeat(70_000)}`;

  it.each([
    ['rule', longRule, FIELD_LIMITS.rule],
    ['landingUrl', longUrl, FIELD_LIMITS.landingUrl],
    ['pageUrl', longPage, FIELD_LIMITS.pageUrl],
  ] as const)('cuts an over-long %s to its limit, keeps its start and a hash of the whole, and the event stays valid', async (field, text, max) => {
    expect(text.length).toBeGreaterThan(max);
    expect(isValidEvent({ ...valid(), [field]: text }, NOW)).toBe(false);
    const cut = (await shortenOverlong({ ...valid(), [field]: text })) as AdEvent;
    const value = cut[field]!;
    expect(value).toHaveLength(max);
    expect(value.startsWith(text.slice(0, max - CUT_MARK.length - 16))).toBe(true);
    expect(value).toMatch(/…#[0-9a-f]{16}$/);
    expect(isValidEvent(cut, NOW)).toBe(true);
    // Every other field as it was.
    expect({ ...cut, [field]: text }).toEqual({ ...valid(), [field]: text });
  });

  it('leaves values at the limit, and events without over-long fields, exactly as they are', async () => {
    const atLimit = { ...valid(), rule: 'r'.repeat(FIELD_LIMITS.rule) };
    expect(await shortenOverlong(atLimit)).toBe(atLimit);
    const plain = valid();
    expect(await shortenOverlong(plain)).toBe(plain);
    expect(await shortenOverlong('not an event')).toBe('not an event');
  });

  it('keeps two long values that share their start apart, and one value always the same', async () => {
    const a = `${'s'.repeat(2000)}a`;
    const b = `${'s'.repeat(2000)}b`;
    expect(await cutText(a, 1000)).not.toBe(await cutText(b, 1000));
    expect(await cutText(a, 1000)).toBe(await cutText(a, 1000));
  });

  it('never cuts an emoji in half', async () => {
    const keep = 1000 - CUT_MARK.length - 16;
    const text = `${'a'.repeat(keep - 1)}😀${'b'.repeat(100)}`;
    const cut = await cutText(text, 1000);
    expect(cut.startsWith(`${'a'.repeat(keep - 1)}${CUT_MARK}`)).toBe(true);
    expect(cut.length).toBe(999);
  });

  it('says what it cut in the console, once per field in the life of the worker', async () => {
    vi.resetModules();
    const fresh = await import('./validate');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      for (let i = 0; i < 3; i++) await fresh.shortenOverlong({ ...valid(), rule: longRule, landingUrl: longUrl });
      const fields = warn.mock.calls.map(([message]) => /event's (\w+)/.exec(String(message))?.[1]);
      expect(fields).toEqual(['rule', 'landingUrl']);
      expect(String(warn.mock.calls[0]![0])).toContain(`${longRule.length} characters, over the 1000 kept`);
    } finally {
      warn.mockRestore();
    }
  });
});
