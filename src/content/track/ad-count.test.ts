import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { COUNT_AFTER_MS, reportAdCount } from './ad-count';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the count of ads for the toolbar badge', () => {
  it('sends the first count a second after the page view starts, even 0', () => {
    const send = vi.fn();
    reportAdCount(() => 0, send, new AbortController().signal);
    vi.advanceTimersByTime(COUNT_AFTER_MS - 1);
    expect(send).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(send.mock.calls).toEqual([[0]]);
  });

  it('counts once for many changes within a second, and sends only a different number', () => {
    let ads = 0;
    const count = vi.fn(() => ads);
    const send = vi.fn();
    const report = reportAdCount(count, send, new AbortController().signal);
    vi.advanceTimersByTime(COUNT_AFTER_MS);
    ads = 3;
    for (let i = 0; i < 50; i++) report.changed();
    vi.advanceTimersByTime(COUNT_AFTER_MS);
    expect(count).toHaveBeenCalledTimes(2);
    report.changed();
    vi.advanceTimersByTime(COUNT_AFTER_MS);
    expect(send.mock.calls).toEqual([[0], [3]]);
  });

  it('stops with its page view', () => {
    const send = vi.fn();
    const controller = new AbortController();
    const report = reportAdCount(() => 2, send, controller.signal);
    controller.abort();
    report.changed();
    vi.advanceTimersByTime(10 * COUNT_AFTER_MS);
    expect(send).not.toHaveBeenCalled();
  });

  it('counts only when layout has settled, as the page view says', () => {
    const settled: (() => void)[] = [];
    const count = vi.fn(() => 1);
    const send = vi.fn();
    reportAdCount(count, send, new AbortController().signal, (fn) => settled.push(fn));
    vi.advanceTimersByTime(COUNT_AFTER_MS);
    expect(count).not.toHaveBeenCalled();
    settled.shift()!();
    expect(send.mock.calls).toEqual([[1]]);
  });
});
