/**
 * The user's own rules, in EasyList's cosmetic syntax so they read like the lists they correct:
 * `example.com##.promo-box` marks elements as ads AdTally missed; `example.com#@#.card` marks elements as
 * not ads (they are never counted, whichever rule found them). A rule without domains applies everywhere.
 * The on-page audit writes these lines; the options page lets people edit them.
 */

export interface UserRule {
  kind: 'ad' | 'not-ad';
  /** Hostnames the rule applies to (and their subdomains); empty for every site. */
  domains: string[];
  selector: string;
  /** The line as written, stored with every ad the rule finds (rule `user:<line>`). */
  line: string;
}

export interface UserRuleError {
  /** 1-based line number in the text. */
  line: number;
  reason: string;
}

const DOMAIN = /^(?:[a-z0-9-]+\.)*[a-z0-9-]+$/;
export const MAX_USER_RULES = 5000;

/**
 * Parses the rules text. Blank lines and `!` comments are skipped. `isSelector` checks CSS syntax where a
 * DOM is at hand (the options page, the content script); the background passes none and trusts the text
 * the options page saved.
 */
export function parseUserRules(text: string, isSelector: (selector: string) => boolean = () => true): { rules: UserRule[]; errors: UserRuleError[] } {
  const rules: UserRule[] = [];
  const errors: UserRuleError[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('!')) return;
    const fail = (reason: string) => errors.push({ line: i + 1, reason });
    const match = /^([^#]*)(#@#|##)(.+)$/.exec(line);
    if (!match) return fail('not a rule: write domain##selector (an ad) or domain#@#selector (not an ad)');
    const [, domainText, separator, selectorText] = match as unknown as [string, string, string, string];
    const domains = domainText === '' ? [] : domainText.split(',').map((d) => d.trim().toLowerCase());
    if (domains.some((d) => !DOMAIN.test(d))) return fail(`"${domainText}" is not a list of domains`);
    const selector = selectorText.trim();
    if (/^[+^]|:(?:has-text|xpath|upward|remove|style|matches-css|-abp-)/.test(selector)) return fail('procedural and scriptlet rules are not supported in your own rules');
    if (!isSelector(selector)) return fail(`"${selector}" is not a valid CSS selector`);
    if (rules.length >= MAX_USER_RULES) return fail(`more than ${MAX_USER_RULES} rules`);
    rules.push({ kind: separator === '##' ? 'ad' : 'not-ad', domains, selector, line });
  });
  return { rules, errors };
}

/** The rules that apply on a page of this hostname. */
export function userRulesFor(rules: readonly UserRule[], hostname: string): UserRule[] {
  const host = hostname.toLowerCase();
  return rules.filter((r) => r.domains.length === 0 || r.domains.some((d) => host === d || host.endsWith(`.${d}`)));
}

/** The line for a correction made on a page: scoped to the page's hostname. */
export function correctionLine(kind: UserRule['kind'], hostname: string, selector: string): string {
  return `${hostname.toLowerCase()}${kind === 'ad' ? '##' : '#@#'}${selector}`;
}
