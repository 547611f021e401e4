import type { FiltersEngine } from '@ghostery/adblocker';
import { buildTokenFilter } from '../../common/token-filter';
import type { TokenFilterData, TokenKind } from '../../common/token-filter';

const cache = new WeakMap<FiltersEngine, TokenFilterData>();

/**
 * The Bloom filter of every token the engine files a generic rule under, per kind (common/token-filter.ts),
 * built once per engine. The tokens are read from the engine's own reverse indexes (`bucketsIndex`: pairs of
 * token and filter, adblocker 2.x, pinned by the lock file), so the filter holds exactly the tokens a lookup
 * can find rules under. A kind with rules in the wildcard bucket (token 0: a rule with no usable token, which
 * every lookup of that kind returns) is not filtered, so those rules still come with the first token of that kind.
 */
export function tokenFilterOf(engine: FiltersEngine): TokenFilterData {
  let filter = cache.get(engine);
  if (!filter) {
    const cosmetics = engine.cosmetics as unknown as Record<'classesIndex' | 'idsIndex' | 'hrefsIndex', { bucketsIndex: Uint32Array }>;
    const keysOf = (index: { bucketsIndex: Uint32Array }): number[] | null => {
      const keys: number[] = [];
      for (let i = 0; i < index.bucketsIndex.length; i += 2) {
        if (index.bucketsIndex[i] === 0) return null;
        keys.push(index.bucketsIndex[i]!);
      }
      return keys;
    };
    const keys: Record<TokenKind, number[] | null> = { classes: keysOf(cosmetics.classesIndex), ids: keysOf(cosmetics.idsIndex), hrefs: keysOf(cosmetics.hrefsIndex) };
    filter = buildTokenFilter(keys);
    cache.set(engine, filter);
  }
  return filter;
}
