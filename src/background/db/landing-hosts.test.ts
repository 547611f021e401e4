import { describe, expect, it } from 'vitest';
import { globToRegExp } from '../../common/watchlist';
import { landingHostOf, patternHost } from './landing-hosts';

describe('the landing-host index keys', () => {
  it('reads the host text of a landing URL as written, lower-cased, port and user included', () => {
    expect(landingHostOf('https://Shop.Acme.com/winter?x=1')).toBe('shop.acme.com');
    expect(landingHostOf('https://acme.com:8443/x')).toBe('acme.com:8443');
    expect(landingHostOf('https://acme.com?q')).toBe('acme.com');
    expect(landingHostOf('https://acme.com#top')).toBe('acme.com');
    expect(landingHostOf('https://acme.com')).toBe('acme.com');
    expect(landingHostOf('javascript:void(0)')).toBeNull();
    expect(landingHostOf(null)).toBeNull();
    expect(landingHostOf('https:///path')).toBeNull();
  });

  it('pins a pattern to a host only when no URL of another host can match it', () => {
    expect(patternHost('https://acme.com/winter-sale*')).toBe('acme.com');
    expect(patternHost('HTTPS://Acme.COM/*')).toBe('acme.com');
    expect(patternHost('https://acme.com?utm=*')).toBe('acme.com');
    expect(patternHost('https://acme.com:8443/*')).toBe('acme.com:8443');
    // The `*` could run past the host, or stands in it, or comes first.
    expect(patternHost('https://acme.com*')).toBeNull();
    expect(patternHost('https://*.acme.com/*')).toBeNull();
    expect(patternHost('*://acme.com/*')).toBeNull();
    expect(patternHost('*utm_campaign=winter*')).toBeNull();
    expect(patternHost('https://bücher.de/*')).toBeNull();
  });

  it('agrees with the pattern itself: every URL a pinned pattern matches has the pattern\'s host', () => {
    const urls = ['https://acme.com/a', 'https://ACME.com/b', 'https://acme.com.evil.net/a', 'https://evil.net/?r=https://acme.com/a', 'http://acme.com/a', 'https://acme.com:8443/a', 'https://shop.acme.com/a'];
    for (const pattern of ['https://acme.com/*', 'https://acme.com:8443/*', 'https://acme.com/a', 'http*://acme.com/*', '*://acme.com/*', 'https://*acme.com/*']) {
      const host = patternHost(pattern);
      const matches = urls.filter((u) => globToRegExp(pattern).test(u));
      expect(matches.length, pattern).toBeGreaterThan(0);
      if (host !== null) for (const url of matches) expect(landingHostOf(url), `${pattern} ${url}`).toBe(host);
    }
  });
});
