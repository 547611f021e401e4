import { describe, expect, it } from 'vitest';
import { siteOf } from '../site';
import { siteHostOf } from '../site-host';
import { knownSiteOf, tabSiteKey } from './tab-site';

const note = (url: string) => ({ host: siteHostOf(url)!, site: siteOf(url)! });

describe('knownSiteOf', () => {
  it('names what siteOf names, from a note of the same host', () => {
    for (const url of ['https://www.bbc.co.uk/news', 'http://WWW.DailyNews.test:8080/a#b', 'https://someone.github.io/x', 'http://[::1]:3000/', 'http://localhost/']) {
      expect(knownSiteOf(url, note(url))).toBe(siteOf(url));
      // Another page of the host: its site is the same.
      expect(knownSiteOf(`${new URL(url).origin}/other?q=1`, note(url))).toBe(siteOf(url));
    }
  });

  it('names nothing from a note of another host, or no note', () => {
    expect(knownSiteOf('https://news.bbc.co.uk/', note('https://www.bbc.co.uk/'))).toBeUndefined();
    expect(knownSiteOf('https://b.github.io/', note('https://a.github.io/'))).toBeUndefined();
    expect(knownSiteOf('https://www.bbc.co.uk/', null)).toBeUndefined();
  });

  it('needs no note for a page without a site', () => {
    for (const url of [undefined, '', 'chrome://newtab/', 'about:blank', 'file:///tmp/a.html', 'not a url']) {
      expect(knownSiteOf(url, null)).toBeNull();
      expect(siteOf(url)).toBeNull();
    }
  });

  it('reads junk as no note', () => {
    const key = tabSiteKey(7);
    expect(key).toMatchObject({ area: 'session', key: 'tabSite.7' });
    expect(key.parse({ host: 'a.test', site: 'a.test', extra: 1 })).toEqual({ host: 'a.test', site: 'a.test' });
    for (const junk of [undefined, null, 'a.test', { host: 'a.test' }, { host: 1, site: 'a.test' }]) expect(key.parse(junk)).toBeNull();
  });
});
