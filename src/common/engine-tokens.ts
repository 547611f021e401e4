/**
 * The page tokens as the filter engine (@ghostery/adblocker) hashes them when it looks up the rules a page
 * can use: a class name or id hashed whole, a link target cut into its runs of letters and digits. The
 * content script hashes the same way to ask only for tokens that some rule is filed under (token-filter.ts).
 * It must agree with the engine bit for bit; engine-tokens.test.ts compares the two on the engine's own
 * functions, so a change of the engine's hashing fails there.
 */

const SEED = 5011;
const MULTIPLIER = 37;

/** The engine's hash of a whole class name or id (its `fastHash`). */
export function engineHash(text: string): number {
  let hash = SEED;
  for (let i = 0; i < text.length; i++) hash = (hash * MULTIPLIER) ^ text.charCodeAt(i);
  return hash >>> 0;
}

/** Letters and digits as the engine's tokenizer takes them: ASCII, '%', Latin extended and Cyrillic. */
function isTokenCode(ch: number): boolean {
  return (ch >= 97 && ch <= 122) || (ch >= 65 && ch <= 90) || (ch >= 48 && ch <= 57) || ch === 37 || (ch >= 192 && ch <= 450) || (ch >= 1024 && ch <= 1279);
}

/**
 * The hashes of a link target's tokens as the engine's page-side tokenizer makes them (`tokenizeNoSkip`):
 * every run of token characters longer than one, over the whole text (the engine stops at 2,048 characters;
 * a longer text only gives more tokens here, never fewer).
 */
export function hrefTokenHashes(href: string): number[] {
  const hashes: number[] = [];
  let start = -1;
  let hash = SEED;
  for (let i = 0; i <= href.length; i++) {
    const ch = i < href.length ? href.charCodeAt(i) : -1;
    if (ch !== -1 && isTokenCode(ch)) {
      if (start === -1) {
        start = i;
        hash = SEED;
      }
      hash = (hash * MULTIPLIER) ^ ch;
    } else if (start !== -1) {
      if (i - start > 1) hashes.push(hash >>> 0);
      start = -1;
    }
  }
  return hashes;
}
