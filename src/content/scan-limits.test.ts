import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, MAX_ADS, MAX_ELEMENTS, ScanBudget, Slice } from './scan-limits';

const limits = (maxAds: number, maxElements: number) => ({ ...DEFAULT_LIMITS, maxAds, maxElements });

describe('ScanBudget: ads', () => {
  it('takes ads up to the cap, the one reaching it included, and caps the scan there', () => {
    const budget = new ScanBudget(limits(3, 100));
    expect([budget.takeAd(), budget.takeAd()]).toEqual([true, true]);
    expect(budget.capped).toBeNull();
    expect(budget.takeAd()).toBe(true);
    expect(budget.capped).toBe('ads');
    expect(budget.ads).toBe(3);
  });

  it('counts every ad past the cap, and never takes one', () => {
    const budget = new ScanBudget(limits(1, 100));
    budget.takeAd();
    expect([budget.takeAd(), budget.takeAd()]).toEqual([false, false]);
    expect(budget.report(0)).toMatchObject({ ads: 1, adsOverCap: 2, capped: 'ads' });
  });

  it('defaults to the documented caps', () => {
    expect(new ScanBudget().limits).toEqual({ maxAds: MAX_ADS, maxElements: MAX_ELEMENTS, sliceMs: 10 });
    expect([MAX_ADS, MAX_ELEMENTS]).toEqual([1000, 500_000]);
  });
});

describe('ScanBudget: elements', () => {
  it('books queued elements, moves them when read and releases them when skipped', () => {
    const budget = new ScanBudget(limits(10, 100));
    expect(budget.enqueue(40)).toBe(true);
    expect(budget.enqueue(30)).toBe(true);
    budget.take(40);
    budget.drop(30);
    expect({ elements: budget.elements, queued: budget.queued }).toEqual({ elements: 40, queued: 0 });
    // What was skipped is not spent: 60 more fit.
    expect(budget.enqueue(60)).toBe(true);
  });

  it('refuses a subtree that would pass the budget, counting it as not scanned, and every one after', () => {
    const budget = new ScanBudget(limits(10, 100));
    budget.enqueue(90);
    expect(budget.enqueue(20)).toBe(false);
    // Even one that would fit: the scan is closing, its order of arrival kept.
    expect(budget.enqueue(5)).toBe(false);
    expect(budget.elementsNotScanned).toBe(25);
    // The queue drains first; only then is the scan capped.
    expect(budget.capped).toBeNull();
    budget.take(90);
    budget.drained();
    expect(budget.capped).toBe('elements');
  });

  it('is not capped by a drained queue when nothing was refused', () => {
    const budget = new ScanBudget(limits(10, 100));
    budget.enqueue(100);
    budget.take(100);
    budget.drained();
    expect(budget.capped).toBeNull();
  });

  it('counts what was still queued as not scanned when the scan stops', () => {
    const budget = new ScanBudget(limits(1, 100));
    budget.enqueue(30);
    budget.enqueue(20);
    budget.take(30);
    budget.takeAd();
    budget.stop();
    expect(budget.report(7)).toMatchObject({ elements: 30, elementsNotScanned: 20, tokensOverCap: 7, capped: 'ads' });
    expect(budget.enqueue(1)).toBe(false);
  });
});

describe('Slice', () => {
  it('expires once its time has passed, and starts again on restart', () => {
    let t = 1000;
    const slice = new Slice(10, () => t);
    t += 9.9;
    expect(slice.expired()).toBe(false);
    t += 0.1;
    expect(slice.expired()).toBe(true);
    slice.restart();
    expect(slice.expired()).toBe(false);
    t += 10;
    expect(slice.expired()).toBe(true);
  });
});
