/**
 * Messages from a content script to the background. After the extension is reloaded, updated or disabled, the
 * old content script stays in the page with its extension context invalidated. Chrome then makes
 * `runtime.sendMessage` throw "Extension context invalidated." synchronously rather than reject (a caller's
 * `.catch()` never sees it: an uncaught error in the page at every later send), and later removes `runtime`
 * from the script altogether (a TypeError, `runtime.id` gone). Every send goes through `sendOrStop`, which
 * turns either into a rejection and tells the caller to tear down.
 */
import { typedSender } from '../common/messages';
import type { ContentMessage, ContentMessages, Handlers, Sender, TabMessages } from '../common/messages';

export async function sendOrStop<T>(send: () => Promise<T>, onInvalidated: () => void, hasContext: () => boolean): Promise<T> {
  try {
    return await send();
  } catch (error) {
    if (isContextInvalidated(error) || !hasContext()) onInvalidated();
    throw error;
  }
}

/** Whether the extension API object (`browser`) still belongs to a live extension: `runtime.id` goes with it. */
export function runtimeAlive(api: unknown): boolean {
  return (api as { runtime?: { id?: string } } | undefined)?.runtime?.id !== undefined;
}

/** After an extension update or removal, old content scripts can no longer reach the extension. */
export function isContextInvalidated(error: unknown): boolean {
  return String((error as Error | undefined)?.message ?? error).includes('Extension context invalidated');
}

/**
 * The content script's typed sender to the background: `send(type, payload)` answers the response type of that
 * message, and every send goes through `sendOrStop`. `raw` is `runtime.sendMessage` of the script's extension API.
 */
export function contentSender(raw: (message: ContentMessage) => Promise<unknown>, onInvalidated: () => void, hasContext: () => boolean): Sender<ContentMessages> {
  return typedSender<ContentMessages>((message) => sendOrStop(() => raw(message), onInvalidated, hasContext));
}

/**
 * A listener as both browsers call it: `true` says the answer comes later, through `sendResponse` (which the
 * browsers always pass; optional so that the type fits webextension-polyfill's listener types too).
 */
type TabMessageListener = (message: unknown, sender: { id?: string }, sendResponse?: (answer: unknown) => void) => true | undefined;

/** The part of the extension API that tab messages arrive through (`browser`, or a test's stand-in). */
export interface TabMessageApi {
  runtime?: {
    id?: string;
    onMessage: { addListener(listener: TabMessageListener): void; removeListener(listener: TabMessageListener): void };
  };
}

/**
 * Answers the background's and the popup's messages to this tab with one handler per TabMessages type. Messages
 * from other extensions and unknown types get no answer (another listener may answer them); a handler's
 * `undefined` is no answer either. The answer goes through `sendResponse`, which Chromium's own API takes (a
 * returned promise is webextension-polyfill's, which the content script does without: extension-api.ts); a
 * handler that fails answers nothing. The listener goes with the signal, unless the extension context is gone,
 * in which case touching `runtime` throws and the listener went with it.
 */
export function listenForTabMessages(api: TabMessageApi, handlers: Handlers<TabMessages>, signal: AbortSignal): void {
  const listener: TabMessageListener = (message, sender, sendResponse) => {
    if (sender.id !== api.runtime?.id || typeof message !== 'object' || message === null) return undefined;
    const { type } = message as { type?: unknown };
    if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) return undefined;
    const answer = (handlers[type as keyof TabMessages] as (payload: unknown) => unknown)(message);
    if (answer === undefined) return undefined;
    Promise.resolve(answer).then(
      (value) => sendResponse?.(value),
      () => sendResponse?.(undefined),
    );
    return true;
  };
  api.runtime?.onMessage.addListener(listener);
  signal.addEventListener('abort', () => runtimeAlive(api) && api.runtime?.onMessage.removeListener(listener), { once: true });
}
