/**
 * Messages from a content script to the background. After the extension is reloaded, updated or disabled, the
 * old content script stays in the page with its extension context invalidated. Chrome then makes
 * `runtime.sendMessage` throw "Extension context invalidated." synchronously rather than reject (a caller's
 * `.catch()` never sees it: an uncaught error in the page at every later send), and later removes `runtime`
 * from the script altogether (a TypeError, `runtime.id` gone). Every send goes through `sendOrStop`, which
 * turns either into a rejection and tells the caller to tear down.
 */
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
