import type { ContentMessages, PayloadOf, ResponseOf } from '../../common/messages';
import { sendToTab } from '../send-to-tab';

/**
 * A trusted click inside a child frame. Only the top frame knows which ad holds that frame, so pass the
 * click on to it; the background never guesses the ad itself.
 */
export async function handleFrameClick(
  click: PayloadOf<ContentMessages, 'frameClick'>,
  { tabId }: { tabId: number },
): Promise<ResponseOf<ContentMessages, 'frameClick'>> {
  try {
    await sendToTab(tabId)('childFrameClicked', click);
    return { forwarded: true };
  } catch {
    // The top frame runs no AdTally script (a page AdTally does not count): nothing to credit.
    return { forwarded: false };
  }
}
