import type { Runtime } from 'webextension-polyfill';
import type { ContentMessages, PayloadOf, ResponseOf } from '../../common/messages';
import { correctionLine, parseUserRules } from '../../common/user-rules';
import { appendUserRule } from '../user-rules-store';

/** What the audit sees when a correction is refused, whatever the reason (routes.ts throws it too). */
export const NOT_A_CORRECTION = 'AdTally: not a valid correction';

/**
 * Stores a correction made in the on-page audit: "not an ad" or "an ad AdTally missed" for a selector on
 * the sender tab's hostname, from the tab's top frame (routes.ts). A page cannot file a rule for another
 * site: the hostname is the browser's.
 */
export async function handleAddUserRule(
  { kind, selector }: PayloadOf<ContentMessages, 'addUserRule'>,
  sender: Runtime.MessageSender,
): Promise<ResponseOf<ContentMessages, 'addUserRule'>> {
  let hostname = '';
  try {
    hostname = new URL(sender.tab?.url ?? '').hostname;
  } catch {
    hostname = '';
  }
  if (!hostname) throw new Error(NOT_A_CORRECTION);
  const line = correctionLine(kind, hostname, selector);
  if (parseUserRules(line).errors.length > 0) throw new Error(NOT_A_CORRECTION);
  await appendUserRule(line);
  return { line };
}
