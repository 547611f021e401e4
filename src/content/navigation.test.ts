// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { urlWithoutFragment } from '../common/url-without-fragment';
import { watchNavigations } from './navigation';

describe('urlWithoutFragment', () => {
  it('drops the fragment and keeps everything else', () => {
    expect(urlWithoutFragment('https://news.test/a?b=1#section')).toBe('https://news.test/a?b=1');
    expect(urlWithoutFragment('https://news.test/a#')).toBe('https://news.test/a');
    expect(urlWithoutFragment('https://news.test/a#x#y')).toBe('https://news.test/a');
    expect(urlWithoutFragment('https://news.test/#/route/1')).toBe('https://news.test/');
  });

  it('returns a URL without a fragment unchanged', () => {
    expect(urlWithoutFragment('https://news.test/a?b=1')).toBe('https://news.test/a?b=1');
    expect(urlWithoutFragment('')).toBe('');
  });
});

describe('watchNavigations', () => {
  let controller: AbortController;
  let onNavigate: ReturnType<typeof vi.fn<() => void>>;

  beforeEach(() => {
    vi.useFakeTimers();
    history.replaceState(null, '', '/start?page=1');
    controller = new AbortController();
    onNavigate = vi.fn<() => void>();
  });

  afterEach(() => {
    controller.abort();
    delete (window as { navigation?: unknown }).navigation;
    vi.useRealTimers();
  });

  const start = () => watchNavigations(onNavigate, controller.signal);

  it('reports a pushState to a new path once, within 500 ms', () => {
    start();
    history.pushState(null, '', '/article/2');
    expect(location.pathname).toBe('/article/2');
    vi.advanceTimersByTime(499);
    expect(onNavigate).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onNavigate).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(5_000);
    expect(onNavigate).toHaveBeenCalledTimes(1);
  });

  it('reports a popstate at once, and does not report it again at the next check', () => {
    start();
    history.pushState(null, '', '/article/3');
    window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
    expect(onNavigate).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(2_000);
    expect(onNavigate).toHaveBeenCalledTimes(1);
  });

  it('reports each change: a replaceState, a new query, and the way back', () => {
    start();
    history.replaceState(null, '', '/start?page=2');
    vi.advanceTimersByTime(500);
    expect(onNavigate).toHaveBeenCalledTimes(1);
    history.pushState(null, '', '/start?page=1');
    vi.advanceTimersByTime(500);
    expect(onNavigate).toHaveBeenCalledTimes(2);
  });

  it('ignores a change of the fragment alone', () => {
    start();
    history.pushState(null, '', '#comments');
    expect(location.hash).toBe('#comments');
    vi.advanceTimersByTime(2_000);
    window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
    history.replaceState(null, '', '/start?page=1#top');
    vi.advanceTimersByTime(2_000);
    expect(onNavigate).not.toHaveBeenCalled();
  });

  it('ignores a popstate that leaves the URL as it was', () => {
    start();
    window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
    vi.advanceTimersByTime(2_000);
    expect(onNavigate).not.toHaveBeenCalled();
  });

  it('reports at once where the Navigation API says the entry changed', () => {
    const navigation = new EventTarget();
    Object.defineProperty(window, 'navigation', { configurable: true, value: navigation });
    start();
    history.pushState(null, '', '/article/4');
    navigation.dispatchEvent(new Event('currententrychange'));
    expect(onNavigate).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(2_000);
    expect(onNavigate).toHaveBeenCalledTimes(1);
  });

  it('stops when the signal aborts', () => {
    const navigation = new EventTarget();
    Object.defineProperty(window, 'navigation', { configurable: true, value: navigation });
    start();
    controller.abort();
    history.pushState(null, '', '/article/5');
    window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
    navigation.dispatchEvent(new Event('currententrychange'));
    vi.advanceTimersByTime(5_000);
    expect(onNavigate).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});
