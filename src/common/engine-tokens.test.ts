import { CosmeticFilter, tokenize } from '@ghostery/adblocker';
import { describe, expect, it } from 'vitest';
import { engineHash, hrefTokenHashes } from './engine-tokens';

// Names and links as pages print them: hashed CSS-in-JS classes, BEM, ids with digits, accents, Cyrillic,
// CJK (no token characters), percent-escapes, one-letter runs, and empty parts.
const NAMES = ['adsbygoogle', 'css-1dbjc4n', 'r-1loqt21', 'ad-slot__inner--top', 'div-gpt-ad-1234567-0', 'Sponsored_Post', 'réclame', 'реклама', '広告', 'a', 'x9', '%E5%BA%83', 'ad_300x250'];
const HREFS = [
  'https://ad.doubleclick.net/ddm/clk/123;abc?x=1',
  'https://www.amazon.com/gp/aw/d/B0XYZ?tag=a-b&ref=sr_1',
  '/r/news/comments/abc123/title_here/',
  'javascript:void(0)',
  '#',
  'https://пример.рф/путь?q=реклама',
  'https://example.com/caf%C3%A9/é-à/x',
  'https://广告.cn/广告',
  'a b c d',
  'https://ex.com/' + 'seg/'.repeat(50),
];

describe('engine-tokens, against the engine itself', () => {
  it('hashes a class or id as the engine files a `##.name` / `###name` rule', () => {
    let compared = 0;
    for (const name of NAMES) {
      for (const rule of [`##.${name}`, `###${name}`]) {
        // A rule the engine cannot parse or file under a token (non-ASCII names) is looked up by no page token.
        const filed = CosmeticFilter.parse(rule)?.getTokens()[0]?.[0];
        if (filed === undefined) continue;
        expect(filed, rule).toBe(engineHash(name));
        compared++;
      }
    }
    expect(compared).toBe(18); // the nine ASCII names, as class and as id
  });

  it('cuts a link target into the tokens the engine looks its rules up by', () => {
    for (const href of HREFS) expect(hrefTokenHashes(href), href).toEqual(Array.from(tokenize(href)));
  });
});
