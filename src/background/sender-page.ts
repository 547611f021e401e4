/**
 * Which top-level page a top frame's message speaks for (docs/architecture.md): the page is the sender's
 * own document, whose address (`sender.url`) the browser gives, never the payload.
 *
 * The sender must be a tab's top document. Normally that is frame 0 of the tab. But a page that is being
 * left hands its last events over in `pagehide` (content/index.ts), and when the tab goes to another site
 * the browser describes that sender differently (measured in Chromium 156 and Firefox ESR 140):
 * - Chromium runs the old document's `pagehide` after the next page committed: the message comes with
 *   `documentLifecycle: 'pending_deletion'`, another frame id, and the *next* page's `tab.url`;
 * - Firefox sends it from frame 0 of a tab that is loading the next page and has no `url`.
 * So the tab's URL cannot name the page, and in Chromium the frame id cannot say it was the top frame: such
 * a message is accepted when its `documentId` was seen before from frame 0 of the same tab. The ids are kept
 * in memory and copied to a session store (`storage.session`, set by the background entry): a worker stopped
 * for idleness while a page stayed open still knows that page when the page's last events come as it is
 * left (an impression a moment old, recorded after 30 s with nothing to send).
 */
import type { Runtime } from 'webextension-polyfill';
import { siteOf } from '../common/site';

export interface SenderPage {
  site: string;
  /** The page's address as the browser gives it, for when the address an event reports is not the page's. */
  url: string;
}

type Sender = Runtime.MessageSender & { documentId?: string; documentLifecycle?: string };

/** The latest top documents of each tab (a leaving one and the next overlap). */
const topDocuments = new Map<number, string[]>();
const KEPT_PER_TAB = 3;
/** Tabs remembered at most, the least recently seen forgotten first (closed tabs are never told). */
const KEPT_TABS = 200;

/** Where the documents seen outlive the worker: the background gives `storage.session`, tests a fake. */
export interface DocumentStore {
  load(): Promise<Record<string, string[]> | undefined>;
  save(documents: Record<string, string[]>): Promise<void>;
}
let store: DocumentStore | null = null;
let restored = false;

export function keepTopDocumentsIn(documentStore: DocumentStore): void {
  store = documentStore;
}

const isFrameZero = ({ tab, frameId, documentLifecycle }: Sender) =>
  !!tab && frameId === 0 && (documentLifecycle === undefined || documentLifecycle === 'active');

/** Records the document of a message from a tab's top frame (the router calls it for every content message). */
export function noteSender(sender: Sender): void {
  const tabId = sender.tab?.id;
  if (!isFrameZero(sender) || tabId === undefined || !sender.documentId) return;
  const known = topDocuments.get(tabId) ?? [];
  if (known.includes(sender.documentId)) return;
  topDocuments.delete(tabId);
  topDocuments.set(tabId, [...known, sender.documentId].slice(-KEPT_PER_TAB));
  if (topDocuments.size > KEPT_TABS) topDocuments.delete(topDocuments.keys().next().value!);
  store?.save(Object.fromEntries(topDocuments)).catch(() => {});
}

/**
 * senderPage, and when it does not know the sender, the same after reading the documents a previous worker
 * saw (once per worker: afterwards the memory holds everything the store does).
 */
export async function resolveSenderPage(sender: Sender): Promise<SenderPage | null> {
  const page = senderPage(sender);
  if (page || !store || restored) return page;
  restored = true;
  const saved = await store.load().catch(() => undefined);
  for (const [tab, ids] of Object.entries(saved ?? {})) {
    const tabId = Number(tab);
    if (!Number.isInteger(tabId) || !Array.isArray(ids)) continue;
    const known = topDocuments.get(tabId) ?? [];
    const merged = [...ids.filter((id) => typeof id === 'string' && !known.includes(id)), ...known].slice(-KEPT_PER_TAB);
    topDocuments.set(tabId, merged);
  }
  return senderPage(sender);
}

/** The page of a message from a tab's top document, or null when it comes from anything else. */
export function senderPage(sender: Sender): SenderPage | null {
  noteSender(sender);
  const tabId = sender.tab?.id;
  const top = isFrameZero(sender) || (tabId !== undefined && !!sender.documentId && !!topDocuments.get(tabId)?.includes(sender.documentId));
  const url = sender.url ?? (isFrameZero(sender) ? sender.tab?.url : undefined);
  const site = top ? siteOf(url) : null;
  return site ? { site, url: url! } : null;
}

/** For tests: a fresh worker (its session store, if any, is the caller's to keep or clear). */
export function forgetTopDocuments(): void {
  topDocuments.clear();
  restored = false;
}
