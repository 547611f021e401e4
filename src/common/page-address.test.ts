import { describe, expect, it } from 'vitest';
import { MAX_PAGE_ADDRESS, pageAddressFor } from './page-address';

const page = 'https://www.news.test/world/story.html?utm_source=x&user=42#comments';

describe('pageAddressFor', () => {
  it('stores no address for "site only"', () => {
    expect(pageAddressFor(page, page, 'news.test', 'site')).toBeNull();
  });

  it('drops query and fragment for "path", the default', () => {
    expect(pageAddressFor(page, page, 'news.test', 'path')).toBe('https://www.news.test/world/story.html');
  });

  it('keeps everything for "full"', () => {
    expect(pageAddressFor(page, page, 'news.test', 'full')).toBe(page);
  });

  it('uses the reported address, which knows SPA navigations the tab URL may not yet show', () => {
    expect(pageAddressFor('https://news.test/b', 'https://news.test/a', 'news.test', 'path')).toBe('https://news.test/b');
  });

  it('falls back to the tab address when the reported one is of another site or not a URL', () => {
    expect(pageAddressFor('https://evil.test/x', 'https://news.test/a?q', 'news.test', 'path')).toBe('https://news.test/a');
    expect(pageAddressFor('not a url', 'https://news.test/a', 'news.test', 'full')).toBe('https://news.test/a');
    expect(pageAddressFor('not a url', undefined, 'news.test', 'full')).toBeNull();
  });

  it('cuts very long addresses', () => {
    const long = `https://news.test/?q=${'x'.repeat(5000)}`;
    expect(pageAddressFor(long, long, 'news.test', 'full')).toHaveLength(MAX_PAGE_ADDRESS);
  });
});
