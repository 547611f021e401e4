import type { ContentMessages, PayloadOf } from '../../common/messages';
import { accept } from './parsed';
import type { Parsed, Unchecked } from './parsed';

/** The most tokens of each kind read from one message (the content script sends at most this many: content/page-tokens.ts). */
const MAX_TOKENS = 20_000;
/** Longer tokens are dropped: no filter rule is keyed on one. */
const MAX_TOKEN_LENGTH = 2048;

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && s.length <= MAX_TOKEN_LENGTH).slice(0, MAX_TOKENS) : [];

/** The page's tokens; anything that is not a list of strings reads as none. Never refuses. */
export function parsePageRules(message: Unchecked): Parsed<PayloadOf<ContentMessages, 'pageRules'>> {
  return accept({ classes: strings(message.classes), ids: strings(message.ids), hrefs: strings(message.hrefs), first: message.first === true });
}
