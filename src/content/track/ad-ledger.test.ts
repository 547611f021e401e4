import { describe, expect, it } from 'vitest';
import { adEvent } from '../../test-support/sample-events';
import type { Attribution } from '../attribution/attribute';
import { AdLedger } from './ad-ledger';
import type { LedgerSources } from './ad-ledger';
import type { Ad } from './ad-registry';

const attribution = (fingerprint: string): Attribution => ({ landingUrl: `https://shop.test/${fingerprint}`, creativeUrl: null, headline: '', fingerprint });

function makeLedger(overrides: Partial<LedgerSources> = {}) {
  let ids = 0;
  const attributed: Element[] = [];
  const sources: LedgerSources = {
    attribute: (element) => {
      attributed.push(element);
      return attribution(`fp${attributed.length}`);
    },
    boxOf: () => ({ width: 300.4, height: 249.6 }),
    foldOf: () => null,
    focused: () => true,
    pageUrl: () => 'https://news.test/story',
    now: () => 1_700_000_000_000,
    newId: () => `event${++ids}`,
    ...overrides,
  };
  return { ledger: new AdLedger('pv1', sources), attributed };
}

const ad = (id: string): Ad => ({ id, element: { id } as unknown as Element, rule: 'sig:gpt-div', kind: 'display', network: 'Google Ad Manager', identity: `${id}|node1` });

describe('AdLedger', () => {
  it('builds an event from the ad, the page view, its attribution and the page now', () => {
    const { ledger } = makeLedger();
    ledger.enter(ad('ad1'), attribution('creative-a'));
    // Every field: the sample's defaults are an impression of a 300×250 display ad in a focused window.
    expect(ledger.record(ad('ad1'), 'impression')).toEqual(
      adEvent({
        id: 'event1',
        time: 1_700_000_000_000,
        pageViewId: 'pv1',
        adId: 'ad1',
        fingerprint: 'creative-a',
        landingUrl: 'https://shop.test/creative-a',
        pageUrl: 'https://news.test/story',
      }),
    );
  });

  it('lets the caller override fields of the event', () => {
    const { ledger } = makeLedger();
    const click = ledger.record(ad('ad1'), 'click', { inFrame: true, inferred: true, landingUrl: null, time: 5 });
    expect(click).toMatchObject({ type: 'click', inFrame: true, inferred: true, landingUrl: null, time: 5 });
  });

  it('reads focus and the page address when each event happens', () => {
    let focused = true;
    let url = 'https://app.test/a';
    const { ledger } = makeLedger({ focused: () => focused, pageUrl: () => url });
    const first = ledger.record(ad('ad1'), 'impression');
    focused = false;
    url = 'https://app.test/b';
    const second = ledger.record(ad('ad1'), 'viewable');
    expect([first.focused, first.pageUrl]).toEqual([true, 'https://app.test/a']);
    expect([second.focused, second.pageUrl]).toEqual([false, 'https://app.test/b']);
  });

  it('moves an ad forward only: detected < impression < viewable < clicked', () => {
    const { ledger } = makeLedger();
    expect(ledger.progress('ad1')).toBe('detected');
    ledger.record(ad('ad1'), 'viewable');
    expect(ledger.progress('ad1')).toBe('viewable');
    ledger.record(ad('ad1'), 'impression');
    expect(ledger.progress('ad1')).toBe('viewable');
    ledger.record(ad('ad1'), 'click');
    ledger.record(ad('ad1'), 'viewable');
    ledger.record(ad('ad1'), 'dwell');
    expect(ledger.progress('ad1')).toBe('clicked');
    expect(ledger.progress('ad2')).toBe('detected');
  });

  it('does not move an ad for its dwell', () => {
    const { ledger } = makeLedger();
    ledger.record(ad('ad1'), 'impression');
    ledger.dwell(ad('ad1'), 1200);
    expect(ledger.progress('ad1')).toBe('impression');
  });

  it('reports dwell only when its rounded value changed, always under the same id', () => {
    const { ledger } = makeLedger();
    const first = ledger.dwell(ad('ad1'), 1200.2);
    expect(first).toMatchObject({ id: 'pv1:ad1:dwell', type: 'dwell', dwellMs: 1200 });
    expect(ledger.dwell(ad('ad1'), 1199.6)).toBeNull();
    expect(ledger.dwell(ad('ad1'), 4800)).toMatchObject({ id: 'pv1:ad1:dwell', dwellMs: 4800 });
    expect(ledger.dwell(ad('ad2'), 4800)).toMatchObject({ id: 'pv1:ad2:dwell', dwellMs: 4800 });
    expect(ledger.dwell(ad('ad1'), 4800.4)).toBeNull();
  });

  it('computes an ad attribution once and keeps the first when the ad is found again in another node', () => {
    const { ledger, attributed } = makeLedger();
    ledger.enter(ad('ad1'), attribution('first-seen'));
    ledger.enter(ad('ad1'), attribution('rebound'));
    expect(ledger.attribution(ad('ad1')).fingerprint).toBe('first-seen');
    expect(ledger.record(ad('ad1'), 'impression').fingerprint).toBe('first-seen');
    expect(attributed).toEqual([]);
  });

  it('reads an ad fold once, when it is first recorded, and carries it on every event of the ad', () => {
    const folds: string[] = [];
    const { ledger } = makeLedger({
      foldOf: (element) => {
        folds.push((element as unknown as { id: string }).id);
        return (element as unknown as { id: string }).id === 'ad1' ? 'above' : 'below';
      },
    });
    ledger.enter(ad('ad1'), attribution('a'));
    const events = [...ledger.happened(ad('ad1'), 'impression'), ...ledger.happened(ad('ad1'), 'viewable'), ledger.dwell(ad('ad1'), 1500)!, ledger.record(ad('ad1'), 'click')];
    expect(events.map((e) => e.fold)).toEqual(['above', 'above', 'above', 'above', 'above', 'above']);
    // An ad never entered is read on its first event; a known ad found again keeps its fold.
    expect(ledger.record(ad('ad2'), 'impression').fold).toBe('below');
    ledger.enter(ad('ad1'), attribution('rebound'));
    expect(ledger.record(ad('ad1'), 'click').fold).toBe('above');
    expect(folds).toEqual(['ad1', 'ad2']);
  });

  it('attributes an ad it was never told about once, on its first use', () => {
    const { ledger, attributed } = makeLedger();
    ledger.record(ad('ad7'), 'impression');
    ledger.record(ad('ad7'), 'click');
    expect(ledger.attribution(ad('ad7')).fingerprint).toBe('fp1');
    expect(attributed).toHaveLength(1);
  });
});

describe('AdLedger: the measured event', () => {
  it('is one per ad per page view, re-sent with the same id as the ad gets further, never back', () => {
    const { ledger } = makeLedger();
    const one = ad('ad1');
    const measured = (events: { type: string; id: string; reached: string | null }[]) => events.filter((e) => e.type === 'measured').map((e) => [e.id, e.reached]);
    expect(measured(ledger.happened(one, 'measured'))).toEqual([['pv1:ad1:measured', 'measured']]);
    expect(ledger.happened(one, 'measured')).toEqual([]);
    expect(measured(ledger.happened(one, 'impression'))).toEqual([['pv1:ad1:measured', 'impression']]);
    expect(measured(ledger.happened(one, 'click'))).toEqual([]);
    expect(measured(ledger.happened(one, 'viewable'))).toEqual([['pv1:ad1:measured', 'viewable']]);
    expect(measured(ledger.happened(one, 'impression'))).toEqual([]);
    expect(ledger.happened(one, 'dwell', { dwellMs: 10 }).map((e) => e.type)).toEqual(['dwell']);
  });

  it('measures an ad whose impression came first (a click on an ad not yet observed), and its own event leads', () => {
    const { ledger } = makeLedger();
    const events = ledger.happened(ad('ad2'), 'click');
    expect(events.map((e) => [e.type, e.reached])).toEqual([
      ['click', null],
      ['measured', 'impression'],
    ]);
  });
});
