import type { RequestRules, RulesReply } from './scan';
import { withTimeout } from './with-timeout';

/** How long a page view waits for an answer about rules before it goes on without (the built-in layers still find ads). */
export const RULES_TIMEOUT_MS = 2000;

/** No answer in time: tracked, as before the question existed; the background still stores nothing it should not. */
const NO_ANSWER: RulesReply = { rules: [], platform: null, userRules: [], tracked: true };

/**
 * A page view's first question to the background, asked before the page is read at all: is this page tracked
 * (AdTally not paused, the site in scope), and the rules keyed by its host plus the generic ones. A page that is
 * not tracked is never surveyed, scanned or observed (docs/measurement.md, "Paused and out-of-scope pages").
 */
export function askFirstRules(requestRules: RequestRules): Promise<RulesReply> {
  return withTimeout(requestRules({ classes: [], ids: [], hrefs: [], first: true }), RULES_TIMEOUT_MS).catch(() => NO_ANSWER);
}
