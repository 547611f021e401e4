import { parseUserRules } from '../common/user-rules';
import type { UserRuleError } from '../common/user-rules';

/** Whether the browser accepts a CSS selector: a fragment's querySelector throws on bad syntax. */
export function isCssSelector(selector: string): boolean {
  try {
    document.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
}

/** The problems in a rules text, by line, with CSS checked by this browser. */
export function userRuleErrors(text: string): UserRuleError[] {
  return parseUserRules(text, isCssSelector).errors;
}
