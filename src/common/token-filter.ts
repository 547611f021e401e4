/**
 * Which page tokens can call for a filter-list rule, in a bit array the content script can ask locally (32 kB
 * for EasyList).
 *
 * The background files EasyList's generic rules by token: a class name, an id, or a token of a link target
 * (engine-tokens.ts). A page sends the tokens it has not reported yet and gets the rules filed under them
 * (handlers/page-rules.ts). Most tokens of a page are under no rule (a feed's hashed class names, every post's
 * own link), yet each new batch of them cost a message and an answer. The background therefore sends, with a
 * page view's first answer, a Bloom filter of every token a rule is filed under; the content script sends only
 * tokens the filter may hold. A Bloom filter never says no to a token it holds, so no rule is missed; the
 * tokens it wrongly lets through (about 0.1 %) only ask for rules that are not there, as every token did before.
 *
 * Hand-written rather than a library: it is thirty lines, and it must travel as a string in an extension
 * message and be read without being decoded into another structure.
 */

import { base64Of } from './base64';
import { engineHash, hrefTokenHashes } from './engine-tokens';

export type TokenKind = 'classes' | 'ids' | 'hrefs';

/** A filter as it travels in a message. `filtered[kind]` false: every token of that kind may call for a rule. */
export interface TokenFilterData {
  /** The bit array, base64. */
  bits: string;
  /** Bits in it, a power of two. */
  size: number;
  filtered: Record<TokenKind, boolean>;
}

/**
 * Bits of the filter per key, at least (the size is rounded up to a power of two, so 16 to 32), and positions
 * per key: about 0.1 % of other tokens get through, or less. A feed's every post has an id of its own, and each
 * one let through costs a message; at 8 bits and 3 positions (2 %) the generated feed of 660 posts still sent 15
 * messages, 13 of them for post ids. EasyList's 13,600 keys take 32 kB (44 kB as base64), sent once per page view.
 */
const BITS_PER_KEY = 16;
const POSITIONS = 5;
const SALT: Record<TokenKind, number> = { classes: 0x9e3779b9, ids: 0x85ebca6b, hrefs: 0xc2b2ae35 };

/** A 32-bit finaliser (MurmurHash3's): spreads the engine's hashes, which differ little for similar names. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Calls `at` with each of the filter's bit positions for one hash of one kind (double hashing) until it returns false. */
function everyPosition(kind: TokenKind, hash: number, size: number, at: (position: number) => boolean): boolean {
  const h1 = mix((hash ^ SALT[kind]) >>> 0);
  const h2 = mix(h1 ^ 0x27d4eb2f) | 1;
  for (let i = 0; i < POSITIONS; i++) if (!at((h1 + Math.imul(i, h2)) & (size - 1))) return false;
  return true;
}

/** The filter of these keys; a kind given as null is not filtered (its every token is sent). */
export function buildTokenFilter(keys: Record<TokenKind, readonly number[] | null>): TokenFilterData {
  const count = Object.values(keys).reduce((n, list) => n + (list?.length ?? 0), 0);
  let size = 1024;
  while (size < count * BITS_PER_KEY) size *= 2;
  const bytes = new Uint8Array(size / 8);
  for (const kind of Object.keys(SALT) as TokenKind[]) {
    for (const hash of keys[kind] ?? []) everyPosition(kind, hash, size, (p) => ((bytes[p >>> 3]! |= 1 << (p & 7)), true));
  }
  return { bits: base64Of(bytes), size, filtered: { classes: keys.classes !== null, ids: keys.ids !== null, hrefs: keys.hrefs !== null } };
}

/** The content script's side: whether a token may call for a rule. */
export class TokenFilter {
  private readonly bytes: string;

  private constructor(private readonly data: TokenFilterData) {
    this.bytes = atob(data.bits);
  }

  /** The filter of a message, or null when the message's is not one (it then filters nothing). */
  static from(data: unknown): TokenFilter | null {
    if (typeof data !== 'object' || data === null) return null;
    const { bits, size, filtered } = data as Partial<TokenFilterData>;
    if (typeof bits !== 'string' || typeof size !== 'number' || size < 8 || (size & (size - 1)) !== 0 || typeof filtered !== 'object' || filtered === null) return null;
    try {
      const filter = new TokenFilter({ bits, size, filtered: { classes: filtered.classes === true, ids: filtered.ids === true, hrefs: filtered.hrefs === true } });
      return filter.bytes.length * 8 === size ? filter : null;
    } catch {
      return null; // not base64
    }
  }

  /** Whether a page token may call for a rule: a class name or id as a whole, a link target by any of its tokens. */
  mayCallForRules(kind: TokenKind, token: string): boolean {
    if (!this.data.filtered[kind]) return true;
    if (kind !== 'hrefs') return this.mayHold(kind, engineHash(token));
    return hrefTokenHashes(token).some((hash) => this.mayHold(kind, hash));
  }

  /** Whether a hash of this kind may be a key (false: certainly not). */
  mayHold(kind: TokenKind, hash: number): boolean {
    if (!this.data.filtered[kind]) return true;
    return everyPosition(kind, hash, this.data.size, (p) => ((this.bytes.charCodeAt(p >>> 3) >>> (p & 7)) & 1) === 1);
  }
}
