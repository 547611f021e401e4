import { FiltersEngine } from '@ghostery/adblocker';
import { describe, expect, it } from 'vitest';
import { detectionLines, EASYLIST_URL, ENGINE_OPTIONS, listVersion, looksLikeEasyList } from './list-text.js';

const SHA = '0123456789abcdef'.repeat(4);

function header(lines: string[]): string {
  return ['[Adblock Plus 2.0]', '! Title: EasyList', ...lines, '##.ad-banner'].join('\n');
}

describe('listVersion', () => {
  it('takes the "! Version:" header, even when "! Last modified:" is there too', () => {
    expect(listVersion(header(['! Last modified: 15 Jun 2025 12:00 UTC', '! Version: 202506151200']), SHA)).toBe('202506151200');
    expect(listVersion(header(['! Version: 202506151200', '! Last modified: 15 Jun 2025 12:00 UTC']), SHA)).toBe('202506151200');
  });

  it('uses "! Last modified:" when there is no version', () => {
    expect(listVersion(header(['! Last modified: 15 Jun 2025 12:00 UTC  ']), SHA)).toBe('15 Jun 2025 12:00 UTC');
  });

  it('ignores a "! Last modified:" that is still a %placeholder% and falls back to the hash', () => {
    expect(listVersion(header(['! Last modified: %timestamp%']), SHA)).toBe('sha256-0123456789ab');
  });

  it('falls back to the first 12 characters of the content hash', () => {
    expect(listVersion(header([]), SHA)).toBe('sha256-0123456789ab');
    expect(listVersion(header([]), 'f'.repeat(64))).toBe('sha256-ffffffffffff');
  });

  it('only reads header lines, not a "! Version:" deep in the list', () => {
    const text = header(['! Last modified: 1 Jan 2025']) + '\n' + '##.filler\n'.repeat(400) + '! Version: 999\n';
    expect(text.indexOf('! Version:')).toBeGreaterThan(3000);
    expect(listVersion(text, SHA)).toBe('1 Jan 2025');
  });

  it('needs the header at the start of a line', () => {
    expect(listVersion(header(['!! Version: 5', 'x ! Version: 6']), SHA)).toBe('sha256-0123456789ab');
  });
});

describe('looksLikeEasyList', () => {
  const body = '##.ad-banner\n'.repeat(20_000);

  it('accepts a long Adblock Plus list', () => {
    expect(looksLikeEasyList(header([]) + '\n' + body)).toBe(true);
  });

  it('rejects an HTML error page, however long', () => {
    const html = `<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>${'<p>error</p>'.repeat(20_000)}</body></html>`;
    expect(html.length).toBeGreaterThan(200_000);
    expect(looksLikeEasyList(html)).toBe(false);
    // Even one that mentions the header somewhere inside.
    expect(looksLikeEasyList(`<html>[Adblock Plus 2.0]\n${body}</html>`)).toBe(false);
  });

  it('rejects a short list (a truncated download)', () => {
    expect(looksLikeEasyList(header([]))).toBe(false);
    expect(looksLikeEasyList('[Adblock Plus 2.0]\n' + '!'.repeat(199_000))).toBe(false);
    expect(looksLikeEasyList('')).toBe(false);
  });
});

describe('ENGINE_OPTIONS', () => {
  it('compiles element rules only, with their raw text', () => {
    // Network filters are loaded, but detectionLines() keeps only the exceptions that switch element hiding off.
    expect(ENGINE_OPTIONS).toMatchObject({ loadNetworkFilters: true, loadCosmeticFilters: true, loadExtendedSelectors: true, debug: true });
    expect(EASYLIST_URL).toBe('https://easylist.to/easylist/easylist.txt');
    const text = header(['||ads.example^$third-party', '/banner.', '@@||example.com^$generichide', 'example.com##.promo']);
    const engine = FiltersEngine.parse(detectionLines(text), ENGINE_OPTIONS);
    expect(engine.cosmetics.getFilters().map((f) => f.rawLine).sort()).toEqual(['##.ad-banner', 'example.com##.promo']);
    expect(engine.getFilters().networkFilters.map((f) => f.rawLine)).toEqual(['@@||example.com^$generichide']);
  });
});

describe('detectionLines', () => {
  const kept = [
    '##.x',
    'example.com#@#.x',
    'example.com#?#div:has-text(Sponsored)',
    'example.com#$#.x { display: none !important; }',
    '@@||gmail.com^$generichide',
    '@@||a.com^$elemhide,third-party',
    '@@||b.com^$third-party,ghide',
    '@@||c.com^$ehide',
    '@@||d.com^$document',
  ];
  const dropped = ['||ads.com^', '/banner.', '! comment', '! a comment with ## in it', '@@||a.com^$script', '@@||e.com^$generichide-ish', '[Adblock Plus 2.0]', ''];

  it('keeps element-hiding rules, their exceptions and the exceptions that switch element hiding off', () => {
    for (const line of kept) expect(detectionLines(line), line).toBe(line);
  });

  it('drops network rules, comments and other exceptions', () => {
    for (const line of dropped) expect(detectionLines(line), line).toBe('');
  });

  it('keeps the kept lines of a whole list in order, whatever the line endings', () => {
    const mixed = [dropped[0], kept[0], dropped[2], kept[1], dropped[1], kept[4], dropped[4], kept[5]];
    expect(detectionLines(mixed.join('\n'))).toBe([kept[0], kept[1], kept[4], kept[5]].join('\n'));
    expect(detectionLines(mixed.join('\r\n'))).toBe([kept[0], kept[1], kept[4], kept[5]].join('\n'));
  });
});
