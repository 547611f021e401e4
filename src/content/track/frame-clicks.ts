import browser from 'webextension-polyfill';
import type { ContentMessage } from '../../common/messages';

/**
 * In a child frame (an ad creative's iframe, often cross-origin) AdTally detects nothing itself: the top frame
 * owns every ad. It only reports trusted clicks, which the background passes to the top frame.
 */
export function reportFrameClicks(signal: AbortSignal, onInvalidated: () => void): void {
  const handle = (event: MouseEvent) => {
    if (!event.isTrusted || (event.type === 'auxclick' && event.button !== 1)) return;
    const message: ContentMessage = { type: 'frameClick', time: Date.now() };
    browser.runtime.sendMessage(message).catch((error: unknown) => {
      if (isContextInvalidated(error)) onInvalidated();
    });
  };
  document.addEventListener('click', handle, { capture: true, signal });
  document.addEventListener('auxclick', handle, { capture: true, signal });
}

/** After an extension update or removal, old content scripts can no longer reach the extension. */
export function isContextInvalidated(error: unknown): boolean {
  return String((error as Error | undefined)?.message ?? error).includes('Extension context invalidated');
}
