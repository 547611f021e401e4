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
 * in memory: a worker stopped for idleness had nothing owed to it (a page with an ad in view reports dwell
 * every 5 s), and the next message from frame 0 records its document again.
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

const isFrameZero = ({ tab, frameId, documentLifecycle }: Sender) =>
  !!tab && frameId === 0 && (documentLifecycle === undefined || documentLifecycle === 'active');

/** Records the document of a message from a tab's top frame (the router calls it for every content message). */
export function noteSender(sender: Sender): void {
  const tabId = sender.tab?.id;
  if (!isFrameZero(sender) || tabId === undefined || !sender.documentId) return;
  const known = topDocuments.get(tabId) ?? [];
  if (!known.includes(sender.documentId)) topDocuments.set(tabId, [...known, sender.documentId].slice(-KEPT_PER_TAB));
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

/** For tests: a fresh worker. */
export function forgetTopDocuments(): void {
  topDocuments.clear();
}
