import { describe, expect, it } from 'vitest';
import { siteFromInput, siteOf } from './site';

describe('siteOf', () => {
  it('returns the registrable domain (eTLD+1) of a page', () => {
    expect(siteOf('https://www.bbc.co.uk/news/world')).toBe('bbc.co.uk');
    expect(siteOf('http://a.b.example.com/')).toBe('example.com');
    expect(siteOf('https://example.com')).toBe('example.com');
  });

  it('treats private suffixes as public, so each blog is its own site', () => {
    expect(siteOf('https://alice.github.io/post')).toBe('alice.github.io');
    expect(siteOf('https://bob.github.io/')).toBe('bob.github.io');
    expect(siteOf('https://www.someblog.blogspot.com/')).toBe('someblog.blogspot.com');
  });

  it('ignores the port and lower-cases the host', () => {
    expect(siteOf('http://news.test:8080/article?id=1')).toBe('news.test');
    expect(siteOf('http://WWW.News.Test:8080/')).toBe('news.test');
  });

  it('keeps hosts without a registrable domain as their own site', () => {
    expect(siteOf('http://localhost:3000/')).toBe('localhost');
    expect(siteOf('http://127.0.0.1:8080/page')).toBe('127.0.0.1');
    expect(siteOf('http://192.168.1.10/')).toBe('192.168.1.10');
  });

  it('returns IPv6 hosts without their brackets', () => {
    expect(siteOf('http://[::1]:8080/')).toBe('::1');
    expect(siteOf('https://[2001:db8::1]/x')).toBe('2001:db8::1');
  });

  it('returns null for pages that are not http(s)', () => {
    expect(siteOf('chrome-extension://abcdefghijklmnop/popup.html')).toBeNull();
    expect(siteOf('moz-extension://0b1c-22/popup.html')).toBeNull();
    expect(siteOf('about:blank')).toBeNull();
    expect(siteOf('file:///home/user/page.html')).toBeNull();
    expect(siteOf('ftp://example.com/file')).toBeNull();
    expect(siteOf('data:text/html,<p>hi</p>')).toBeNull();
  });

  it('returns null for garbage, empty and missing urls', () => {
    expect(siteOf('not a url')).toBeNull();
    expect(siteOf('http://')).toBeNull();
    expect(siteOf('')).toBeNull();
    expect(siteOf(undefined)).toBeNull();
  });
});

describe('siteFromInput', () => {
  it('turns a typed domain or a pasted address into its site', () => {
    expect(siteFromInput('www.bbc.co.uk')).toBe('bbc.co.uk');
    expect(siteFromInput('  https://WWW.BBC.co.uk/news?x=1 ')).toBe('bbc.co.uk');
    expect(siteFromInput('blog.test')).toBe('blog.test');
    expect(siteFromInput('news.test:8080/a')).toBe('news.test');
    expect(siteFromInput('alice.github.io')).toBe('alice.github.io');
  });

  it('refuses text that is not a host name', () => {
    expect(siteFromInput('')).toBeNull();
    expect(siteFromInput('two words')).toBeNull();
    expect(siteFromInput('file:///etc/passwd')).toBeNull();
    expect(siteFromInput('héllo_world!')).toBeNull();
  });
});
