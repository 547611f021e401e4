/**
 * Whether the latest database write failed, kept in storage.local (common/stored/write-problem.ts) so the
 * popup can say so plainly even after the service worker restarted. Events that could not be written stay
 * in the pages' outboxes, which retry; nothing is dropped silently.
 */
import browser from 'webextension-polyfill';
import { WRITE_PROBLEM } from '../../common/stored/write-problem';
import { readStored, removeStored, writeStored } from '../../common/stored/stored-key';
import type { WriteProblem } from '../../common/types';

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
  await writeStored(browser.storage.local, WRITE_PROBLEM, { ...describeWriteError(error), since: Date.now() });
  known = true;
}

export async function reportWriteSuccess(): Promise<void> {
  if (known === false) return;
  await removeStored(browser.storage.local, WRITE_PROBLEM);
  known = false;
}

export async function readWriteProblem(): Promise<WriteProblem | null> {
  return readStored(browser.storage.local, WRITE_PROBLEM);
}
