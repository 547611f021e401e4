import type { ContentMessages, PayloadOf } from '../../common/messages';
import { accept, refuse } from './parsed';
import type { Parsed, Unchecked } from './parsed';

/** The longest selector a correction may carry; a rule line holds one line, so no line breaks either. */
export const MAX_SELECTOR_LENGTH = 1000;

/** A correction from the on-page audit: "ad" or "not-ad" and a one-line selector, else refused. */
export function parseAddUserRule(message: Unchecked): Parsed<PayloadOf<ContentMessages, 'addUserRule'>> {
  const { kind, selector } = message;
  if (kind !== 'ad' && kind !== 'not-ad') return refuse('kind is not "ad" or "not-ad"');
  if (typeof selector !== 'string' || selector.length > MAX_SELECTOR_LENGTH || /[\r\n]/.test(selector)) return refuse('not a one-line selector');
  return accept({ kind, selector });
}
