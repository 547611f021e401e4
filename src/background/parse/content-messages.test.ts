import { describe, expect, it } from 'vitest';
import { adEvent } from '../../test-support/sample-events';
import { everyId, parseEvents } from './events';
import { parseFrameClick } from './frame-click';
import { parsePageRules } from './page-rules';
import { accepted } from './parsed';
import { parseAddUserRule } from './user-rule';

describe('parseEvents', () => {
  it('keeps the valid events and refuses the others by id, never the whole batch', async () => {
    const now = Date.now();
    const good = adEvent({ id: 'good', time: now - 1000 });
    const batch = accepted(await parseEvents({ events: [good, { ...adEvent({ id: 'bad' }), type: 'hover' }, 'junk', { id: 7 }] }, now));
    expect(batch.events.map((e) => e.id)).toEqual(['good']);
    expect(batch.rejected).toEqual(['bad']);
    expect(everyId(batch)).toEqual(['good', 'bad']);
  });

  it('reads a payload without a list as an empty batch', async () => {
    for (const events of [undefined, 'x', { 0: 'a' }, null]) expect(await parseEvents({ events })).toEqual({ ok: true, payload: { events: [], rejected: [] } });
  });
});

describe('parsePageRules', () => {
  it('reads malformed tokens as none and keeps only strings of up to 2,048 characters', () => {
    expect(accepted(parsePageRules({ classes: 'ad', ids: [1, 'top', 'x'.repeat(2049)], first: 'yes' }))).toEqual({ classes: [], ids: ['top'], hrefs: [], first: false });
    expect(accepted(parsePageRules({ classes: Array.from({ length: 20_001 }, (_, i) => `c${i}`), hrefs: [], first: true })).classes).toHaveLength(20_000);
  });
});

describe('parseAddUserRule', () => {
  it('accepts "ad" and "not-ad" with a one-line selector of up to 1,000 characters', () => {
    expect(parseAddUserRule({ kind: 'not-ad', selector: '.promo' })).toEqual({ ok: true, payload: { kind: 'not-ad', selector: '.promo' } });
    expect(parseAddUserRule({ kind: 'ad', selector: 'x'.repeat(1000) }).ok).toBe(true);
  });

  it.each([
    [{ kind: 'maybe', selector: '.promo' }],
    [{ kind: 'ad', selector: 42 }],
    [{ kind: 'ad', selector: 'x'.repeat(1001) }],
    [{ kind: 'ad', selector: '.a\nexample.com##.b' }],
    [{ selector: '.promo' }],
  ])('refuses %j', (message) => {
    expect(parseAddUserRule(message).ok).toBe(false);
  });
});

describe('parseFrameClick', () => {
  it('refuses a click without a numeric time', () => {
    expect(parseFrameClick({ time: '12', landingUrl: null }).ok).toBe(false);
    expect(parseFrameClick({}).ok).toBe(false);
  });

  it('reads a landing URL that is not http(s) as none, and keeps a long one whole', () => {
    expect(accepted(parseFrameClick({ time: 5, landingUrl: 'javascript:alert(1)' }))).toEqual({ time: 5, landingUrl: null });
    expect(accepted(parseFrameClick({ time: 5, landingUrl: 7 }))).toEqual({ time: 5, landingUrl: null });
    const long = `https://shop.example/?${'q'.repeat(5000)}`;
    expect(accepted(parseFrameClick({ time: 5, landingUrl: long })).landingUrl).toBe(long);
  });
});
