import browser from 'webextension-polyfill';
import type { Runtime } from 'webextension-polyfill';
import type { TabMessage } from '../../common/messages';

/**
 * A trusted click inside a child frame. Only the top frame knows which ad holds that frame, so pass the
 * click on to it; the background never guesses the ad itself.
 */
export async function handleFrameClick(
  payload: { time: unknown; landingUrl: unknown },
  sender: Runtime.MessageSender,
): Promise<{ forwarded: boolean }> {
  const tabId = sender.tab?.id;
  if (tabId === undefined || !sender.frameId || typeof payload.time !== 'number') return { forwarded: false };
  // However long: the click event that carries it back is where an over-long URL is cut (validate.ts).
  const landingUrl = typeof payload.landingUrl === 'string' && /^https?:\/\//.test(payload.landingUrl) ? payload.landingUrl : null;
  const message: TabMessage = { type: 'childFrameClicked', time: payload.time, landingUrl };
  try {
    await browser.tabs.sendMessage(tabId, message, { frameId: 0 });
    return { forwarded: true };
  } catch {
    // The top frame runs no AdTally script (a page AdTally does not count): nothing to credit.
    return { forwarded: false };
  }
}
