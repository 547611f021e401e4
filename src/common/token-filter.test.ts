import { describe, expect, it } from 'vitest';
import { buildTokenFilter, TokenFilter } from './token-filter';
import { engineHash } from './engine-tokens';

const names = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => engineHash(`${prefix}-${i}`));

describe('TokenFilter', () => {
  const keys = { classes: names('ad-class', 9000), ids: names('ad-id', 4000), hrefs: names('tok', 450) };
  const filter = TokenFilter.from(JSON.parse(JSON.stringify(buildTokenFilter(keys))))!;

  it('holds every key of its kind, after a trip through a message', () => {
    for (const kind of ['classes', 'ids', 'hrefs'] as const) for (const hash of keys[kind]) expect(filter.mayHold(kind, hash)).toBe(true);
  });

  it('turns away nearly every other token, and a key of one kind asked as another', () => {
    const others = names('page-class', 20_000);
    const through = others.filter((hash) => filter.mayHold('classes', hash)).length;
    expect(through / others.length).toBeLessThan(0.005);
    expect(keys.classes.filter((hash) => filter.mayHold('ids', hash)).length / keys.classes.length).toBeLessThan(0.005);
  });

  it('lets every token of a kind through when that kind is not filtered', () => {
    const open = TokenFilter.from(buildTokenFilter({ classes: [], ids: null, hrefs: [] }))!;
    expect(open.mayHold('ids', engineHash('anything'))).toBe(true);
    expect(open.mayHold('classes', engineHash('anything'))).toBe(false);
  });

  it('is sixteen to thirty-two bits per key, in whole powers of two', () => {
    const data = buildTokenFilter(keys);
    expect(data.size).toBe(262_144);
    expect(atob(data.bits).length * 8).toBe(data.size);
  });

  it('takes nothing that is not a filter, so the page reports every token as before', () => {
    const good = buildTokenFilter(keys);
    for (const bad of [null, 'x', {}, { ...good, size: 1000 }, { ...good, bits: '%%%' }, { ...good, size: good.size * 2 }, { ...good, filtered: null }]) {
      expect(TokenFilter.from(bad)).toBeNull();
    }
  });
});
