/**
 * The class names, ids and link targets under a root that the page has not reported yet: the tokens the
 * background uses to pick the filter-list rules that can match (uBlock Origin's "surveyor" idea), so the
 * content script never holds the whole list. Once the background has said which tokens any rule is filed
 * under (common/token-filter.ts), only those are reported: the rest could call for no rule.
 */
import type { TokenFilter, TokenKind } from '../common/token-filter';

export interface Tokens {
  classes: string[];
  ids: string[];
  hrefs: string[];
}

const MAX_TOKEN_LENGTH = 256;
/**
 * Distinct tokens of each kind one page view reports (the background reads at most 20,000 of each kind per
 * message, handlers/page-rules.ts): a page with a unique link on each of 100,000 ads would otherwise send
 * megabytes and keep every link in memory. Tokens past it are not reported, so rules only they would call
 * for are not fetched; `overCap` says how many were left out.
 */
export const MAX_TOKENS_PER_KIND = 20_000;

export class TokenSurvey {
  private readonly classes = new Set<string>();
  private readonly ids = new Set<string>();
  private readonly hrefs = new Set<string>();
  /** New tokens left out because their kind had reached the cap (repeats included). */
  overCap = 0;
  private filter: TokenFilter | null = null;

  constructor(readonly maxPerKind = MAX_TOKENS_PER_KIND) {}

  /** Tokens at or under root seen for the first time, appended to `into` when given. */
  collect(root: Element, into: Tokens = { classes: [], ids: [], hrefs: [] }): Tokens {
    const visit = (el: Element) => {
      for (const name of el.classList) this.note('classes', this.classes, into.classes, name);
      if (el.id) this.note('ids', this.ids, into.ids, el.id);
      if (el.tagName === 'A') {
        const href = el.getAttribute('href');
        if (href) this.note('hrefs', this.hrefs, into.hrefs, href);
      }
    };
    visit(root);
    for (const el of root.querySelectorAll('[class], [id], a[href]')) visit(el);
    return into;
  }

  /** From now on, report only the tokens this filter may hold (null: all, as before an answer). */
  filterBy(filter: TokenFilter | null): void {
    this.filter = filter;
  }

  private note(kind: TokenKind, seen: Set<string>, fresh: string[], token: string): void {
    if (token.length > MAX_TOKEN_LENGTH || seen.has(token)) return;
    if (seen.size >= this.maxPerKind) {
      this.overCap++;
      return;
    }
    seen.add(token);
    if (!this.filter || this.filter.mayCallForRules(kind, token)) fresh.push(token);
  }
}

export function isEmpty(tokens: Tokens): boolean {
  return tokens.classes.length + tokens.ids.length + tokens.hrefs.length === 0;
}
