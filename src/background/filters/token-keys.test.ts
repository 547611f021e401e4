import { existsSync, readFileSync } from 'node:fs';
import { FiltersEngine } from '@ghostery/adblocker';
import { describe, expect, it } from 'vitest';
import type { FilterListInfo } from '../../common/types';
import { TokenFilter } from '../../common/token-filter';
import type { TokenKind } from '../../common/token-filter';
import { detectionLines, ENGINE_OPTIONS } from './list-text.js';
import { pageRules } from './page-rules';
import { tokenFilterOf } from './token-keys';

const INFO: FilterListInfo = { id: 'easylist', name: 'EasyList', version: '1', source: 'test', obtained: '2026-12-07T00:00:00.000Z', sha256: 'ab', cosmeticFilters: 0 };

/** Compiled, then through its stored form, as the background loads it. */
const load = (text: string) => FiltersEngine.deserialize(FiltersEngine.parse(detectionLines(text), ENGINE_OPTIONS).serialize());

/** The rules a page gets for these tokens, after its first answer. */
function rulesFor(engine: FiltersEngine, tokens: Partial<Record<TokenKind, string[]>>): string[] {
  const page = { url: 'https://news.test/a', hostname: 'news.test', domain: 'news.test', classes: [], ids: [], hrefs: [], first: false, ...tokens };
  return pageRules(engine, INFO, page).map((r) => r.rule).sort();
}

/**
 * Tokens as pages carry them: every class, id and link the list's own selectors name (each calls for rules),
 * their near misses, and names and links no rule is filed under.
 */
function pageTokens(listText: string): Record<TokenKind, string[]> {
  const named = (re: RegExp) => [...listText.matchAll(re)].map((m) => m[1]!);
  const classes = named(/##\.([\w-]+)/g);
  const ids = named(/###([\w-]+)/g);
  const links = named(/href[*^]?="([^"]+)"/g);
  const others = Array.from({ length: 3000 }, (_, i) => `css-${(i * 2654435761 >>> 0).toString(36)}`);
  return {
    classes: [...classes, ...classes.map((c) => `${c}-x`), ...others],
    ids: [...ids, ...ids.map((c) => `x${c}`), ...others],
    hrefs: [...links.map((l) => `${l.startsWith('/') ? 'https://site.test' : ''}${l}`), ...others.map((o) => `https://site.test/post/${o}?ref=feed`)],
  };
}

function checkExact(listText: string, sample = Infinity) {
  const engine = load(listText);
  const filter = TokenFilter.from(JSON.parse(JSON.stringify(tokenFilterOf(engine))))!;
  const tokens = pageTokens(listText);
  const keep = (kind: TokenKind) => tokens[kind].filter((t) => filter.mayCallForRules(kind, t));
  const kept: Record<TokenKind, string[]> = { classes: keep('classes'), ids: keep('ids'), hrefs: keep('hrefs') };
  // The same rules from the tokens the filter lets through as from all of them…
  expect(rulesFor(engine, kept)).toEqual(rulesFor(engine, tokens));
  // …and no rule from any token it turns away, each asked alone.
  let turnedAway = 0;
  for (const kind of ['classes', 'ids', 'hrefs'] as const) {
    for (const token of tokens[kind].filter((t) => !filter.mayCallForRules(kind, t)).slice(0, sample)) {
      expect(rulesFor(engine, { [kind]: [token] }), `${kind} ${token}`).toEqual([]);
      turnedAway++;
    }
  }
  return { tokens, kept, turnedAway };
}

describe('tokenFilterOf: the page asks only with tokens a rule is filed under, and misses no rule', () => {
  it('on a small list', () => {
    const list = ['##.ad-banner', '###ad_main', '##a[href^="https://ads.example.com/"]', '##a[href*="/adclick?"]', '##.promo > .slot', '~example.com##.not-there', '##[data-ad-slot]'].join('\n');
    const { kept, turnedAway } = checkExact(list);
    expect(kept.classes).toContain('ad-banner');
    expect(kept.hrefs).toContain('https://ads.example.com/');
    expect(kept.classes.length).toBeLessThan(150); // of 3,000 names no rule has, a few false positives at most
    expect(turnedAway).toBeGreaterThan(5500); // the names; every https link may call for the https://ads.example.com/ rule, filed under "https"
  });

  const EASYLIST = '.cache/filter-lists/easylist.txt';
  it.skipIf(!existsSync(EASYLIST))('on the real EasyList', { timeout: 120_000 }, () => {
    const { tokens, kept } = checkExact(readFileSync(EASYLIST, 'utf8'), 1500);
    // A feed's own names and post links are nearly all turned away.
    const feedLinks = tokens.hrefs.filter((h) => h.includes('/post/'));
    expect(kept.hrefs.filter((h) => h.includes('/post/')).length / feedLinks.length).toBeLessThan(0.05);
  });
});
