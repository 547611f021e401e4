import type { Runtime } from 'webextension-polyfill';
import type { ContentMessages, ResponseOf } from '../../common/messages';
import { correctionLine, parseUserRules } from '../../common/user-rules';
import { appendUserRule } from '../user-rules-store';

/**
 * Stores a correction made in the on-page audit: "not an ad" or "an ad AdTally missed" for a selector on
 * the sender tab's hostname. A page cannot file a rule for another site: the hostname is the browser's.
 */
export async function handleAddUserRule(payload: { kind: unknown; selector: unknown }, sender: Runtime.MessageSender): Promise<ResponseOf<ContentMessages, 'addUserRule'>> {
  let hostname = '';
  try {
    hostname = new URL(sender.tab?.url ?? '').hostname;
  } catch {
    hostname = '';
  }
  const kind = payload.kind === 'ad' || payload.kind === 'not-ad' ? payload.kind : null;
  const selector = typeof payload.selector === 'string' && payload.selector.length <= 1000 && !/[\r\n]/.test(payload.selector) ? payload.selector : null;
  if (!hostname || !kind || !selector || sender.frameId !== 0) throw new Error('AdTally: not a valid correction');
  const line = correctionLine(kind, hostname, selector);
  if (parseUserRules(line).errors.length > 0) throw new Error('AdTally: not a valid correction');
  await appendUserRule(line);
  return { line };
}
