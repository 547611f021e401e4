/**
 * What every element a selector selects must carry, read off the selector's rightmost compound (the part
 * after its last combinator): an id, a class, an attribute or a tag. A style engine files its rules so, and
 * tests an element only against the rules filed under what it carries (Blink's RuleSet); the filter-rule
 * walk does the same with these keys, so a feed's post is no longer tested against every attribute rule of
 * the list.
 *
 * Only the compound's own simple selectors count, never those inside `:not(…)`, `:is(…)` or `:has(…)`: a
 * key must be necessary. A selector this reader is not sure of (an escape, a namespace, a list) gets no key
 * and is tested on every element, as before.
 */
export type RuleKey =
  | { by: 'id'; name: string }
  | { by: 'class'; name: string }
  | { by: 'attribute'; name: string }
  | { by: 'tag'; name: string }
  | { by: 'none' };

const NO_KEY: RuleKey = { by: 'none' };
const NAME = /^-?[A-Za-z_][\w-]*/;
/** After an attribute's name: its end, or an operator (never `|name`, a namespace). */
const AFTER_ATTRIBUTE_NAME = /^\s*(\]|[~|^$*]?=)/;

export function ruleKey(selector: string): RuleKey {
  if (selector.includes('\\')) return NO_KEY;
  const compound = rightmostCompound(selector);
  if (compound === null || compound === '') return NO_KEY;
  const keys: RuleKey[] = [];
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < compound.length; i++) {
    const c = compound[i]!;
    if (quote) {
      if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth > 0) continue;
    else if (c === '|') return NO_KEY; // a namespace prefix (`svg|a`, `*|div`)
    else if (c === '#' || c === '.') {
      const name = NAME.exec(compound.slice(i + 1))?.[0];
      if (!name) return NO_KEY;
      keys.push({ by: c === '#' ? 'id' : 'class', name });
    } else if (c === '[') {
      const rest = compound.slice(i + 1).trimStart();
      const name = NAME.exec(rest)?.[0];
      if (!name || !AFTER_ATTRIBUTE_NAME.test(rest.slice(name.length))) return NO_KEY;
      keys.push({ by: 'attribute', name: name.toLowerCase() });
      // Skip to the bracket's end: its value may hold `.` or `#` (`a[href*=".example/"]`).
      const end = closingBracket(compound, i);
      if (end < 0) return NO_KEY;
      i = end;
    } else if (i === 0 && /[A-Za-z]/.test(c)) {
      const name = NAME.exec(compound)![0];
      keys.push({ by: 'tag', name: name.toLowerCase() });
      i += name.length - 1;
    }
  }
  // The most selective key: an id names one element, a class few, an attribute (`href`, `data-testid`) more.
  for (const by of ['id', 'class', 'attribute', 'tag'] as const) {
    const key = keys.find((k) => k.by === by);
    if (key) return key;
  }
  return NO_KEY;
}

/** The index of the `]` closing the bracket at `open`, quotes respected; -1 when it has none. */
function closingBracket(text: string, open: number): number {
  let quote: string | null = null;
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ']') return i;
  }
  return -1;
}

/**
 * The part of a selector after its last top-level combinator; null for a selector list (a top-level comma),
 * which has no single rightmost compound.
 */
function rightmostCompound(selector: string): string | null {
  let depth = 0;
  let bracket = false;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i]!;
    if (quote) {
      if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (bracket) bracket = c !== ']';
    else if (c === '[') bracket = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth === 0 && c === ',') return null;
    else if (depth === 0 && (c === '>' || c === '+' || c === '~' || /\s/.test(c))) start = i + 1;
  }
  return selector.slice(start).trim();
}
