/**
 * Whether the latest database write failed, kept in storage.local so the popup can say so plainly even
 * after the service worker restarted. Events that could not be written stay in the pages' outboxes, which
 * retry; nothing is dropped silently.
 */
import browser from 'webextension-polyfill';
import type { WriteProblem } from '../../common/types';

const KEY = 'writeProblem';
/** Known per service-worker life, so a good write clears the stored problem without a storage read each time. */
let known: boolean | null = null;

export function describeWriteError(error: unknown): Omit<WriteProblem, 'since'> {
  const name = error instanceof Error || error instanceof DOMException ? error.name : 'Error';
  const detail = error instanceof Error || error instanceof DOMException ? `${error.name}: ${error.message}` : String(error);
  const message =
    name === 'QuotaExceededError'
      ? 'AdTally cannot save new events: the disk is full or the browser’s storage limit is reached. Events are kept in open tabs and saved as soon as there is space; free disk space or delete old data.'
      : 'AdTally cannot save new events: its database reported an error. Events are kept in open tabs and retried; if this stays, restart the browser.';
  return { message, detail };
}

export async function reportWriteFailure(error: unknown): Promise<void> {
  const current = await readWriteProblem();
  if (current) {
    known = true;
    return;
  }
  await browser.storage.local.set({ [KEY]: { ...describeWriteError(error), since: Date.now() } satisfies WriteProblem });
  known = true;
}

export async function reportWriteSuccess(): Promise<void> {
  if (known === false) return;
  await browser.storage.local.remove(KEY);
  known = false;
}

export async function readWriteProblem(): Promise<WriteProblem | null> {
  const stored = (await browser.storage.local.get(KEY))[KEY] as WriteProblem | undefined;
  return stored && typeof stored.message === 'string' ? stored : null;
}
