import { describe, expect, it } from 'vitest';
import { estimateImport, importProgressText } from './import-estimate';

describe('estimateImport', () => {
  it('extrapolates the file’s events from the lines per byte read, and times what is left at the rate so far', () => {
    // A quarter of a 400 MB file read, 250,000 lines in it; 200,000 answered after 50 s.
    const e = estimateImport({ readBytes: 100e6, totalBytes: 400e6, linesRead: 250_000, linesDone: 200_000, elapsedMs: 50_000 });
    expect(e).toEqual({ done: 200_000, total: 1_000_000, exact: false, perSecond: 4000, msLeft: 200_000 });
    expect(importProgressText(e)).toBe('200,000 of about 1,000,000 events · 4,000 events/s · about 3 min 20 s left');
  });

  it('counts exactly once the file is read to the end', () => {
    const e = estimateImport({ readBytes: 400e6, totalBytes: 400e6, linesRead: 998_765, linesDone: 990_000, elapsedMs: 99_000 });
    expect(e).toMatchObject({ total: 998_765, exact: true, perSecond: 10_000 });
    expect(e.msLeft).toBeCloseTo(876.5);
    expect(importProgressText(e)).toBe('990,000 of 998,765 events · 10,000 events/s · about 1 s left');
  });

  it('gives no rate and no time left before the first answer, and never fewer events than read', () => {
    const e = estimateImport({ readBytes: 64 * 1024, totalBytes: 500e6, linesRead: 0, linesDone: 0, elapsedMs: 800 });
    expect(e).toEqual({ done: 0, total: 0, exact: false, perSecond: null, msLeft: null });
    expect(importProgressText(e)).toBe('0 of about 0 events');
    // A first chunk of long lines would extrapolate below what is already read if it rounded down.
    expect(estimateImport({ readBytes: 3, totalBytes: 4, linesRead: 3, linesDone: 0, elapsedMs: 1 }).total).toBe(4);
    expect(estimateImport({ readBytes: 1000, totalBytes: 1001, linesRead: 10, linesDone: 0, elapsedMs: 1 }).total).toBe(10);
  });
});
