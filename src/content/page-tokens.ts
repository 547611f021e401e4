/**
 * The class names, ids and link targets under a root that the page has not reported yet: the tokens the
 * background uses to pick the filter-list rules that can match (uBlock Origin's "surveyor" idea), so the
 * content script never holds the whole list.
 */
export interface Tokens {
  classes: string[];
  ids: string[];
  hrefs: string[];
}

const MAX_TOKEN_LENGTH = 256;

export class TokenSurvey {
  private readonly classes = new Set<string>();
  private readonly ids = new Set<string>();
  private readonly hrefs = new Set<string>();

  /** Tokens at or under root seen for the first time. */
  collect(root: Element): Tokens {
    const fresh: Tokens = { classes: [], ids: [], hrefs: [] };
    const visit = (el: Element) => {
      for (const name of el.classList) this.note(this.classes, fresh.classes, name);
      if (el.id) this.note(this.ids, fresh.ids, el.id);
      if (el.tagName === 'A') {
        const href = el.getAttribute('href');
        if (href) this.note(this.hrefs, fresh.hrefs, href);
      }
    };
    visit(root);
    for (const el of root.querySelectorAll('[class], [id], a[href]')) visit(el);
    return fresh;
  }

  private note(seen: Set<string>, fresh: string[], token: string): void {
    if (token.length > MAX_TOKEN_LENGTH || seen.has(token)) return;
    seen.add(token);
    fresh.push(token);
  }
}

export function isEmpty(tokens: Tokens): boolean {
  return tokens.classes.length + tokens.ids.length + tokens.hrefs.length === 0;
}
