/**
 * What a route is: who may send its message, the pure parse that turns the message as it arrived into typed
 * data, and the handler that sees only that data (docs/architecture.md, "Distrust senders"). The table of
 * routes is routes.ts; the router (router.ts) applies them.
 */
import type { Runtime } from 'webextension-polyfill';
import type { BackgroundMessages, PayloadOf, ResponseOf } from '../common/messages';
import type { EventBatch } from './parse/events';
import type { Parsed, Unchecked } from './parse/parsed';
import type { ImportPage } from './parse/user-data';
import { resolveSenderPage } from './sender-page';
import type { SenderPage } from './sender-page';

export type MessageType = keyof BackgroundMessages;

/**
 * Who may send a message:
 * - `extension-page`: AdTally's own pages (popup, dashboard, options), whose address is in the extension's origin;
 * - `top-frame`: frame 0 of a tab;
 * - `top-document`: a tab's top document, including one being left, which the browser may describe with another
 *   frame id and the next page's tab (sender-page.ts);
 * - `child-frame`: a frame inside a tab's page.
 */
export type SenderKind = 'extension-page' | 'top-frame' | 'top-document' | 'child-frame';

/** What checking the sender proved, handed to the handler so it need not check again. */
export interface SenderFacts {
  'extension-page': Runtime.MessageSender;
  'top-frame': Runtime.MessageSender;
  /** The page the top document speaks for (its site and address come from the browser). */
  'top-document': SenderPage;
  'child-frame': { tabId: number };
}

/** Routes whose parse gives more than the protocol's payload: batches checked item by item. */
interface ParsedPayloads {
  events: EventBatch;
  importEvents: ImportPage;
}
export type ParsedPayload<K extends MessageType> = K extends keyof ParsedPayloads ? ParsedPayloads[K] : PayloadOf<BackgroundMessages, K>;

type Response<K extends MessageType> = ResponseOf<BackgroundMessages, K>;

interface RouteFrom<K extends MessageType, S extends SenderKind> {
  sender: S;
  parse(message: Unchecked): Parsed<ParsedPayload<K>> | Promise<Parsed<ParsedPayload<K>>>;
  /**
   * The answer to a message this route refuses: its payload was refused (`null`), or it came from a tab but
   * not from this route's kind of frame (its parsed payload). May throw, for an error answer. Without it a
   * refusal is an error answer naming the reason.
   */
  refused?(payload: ParsedPayload<K> | null): Response<K>;
  handle(payload: ParsedPayload<K>, from: SenderFacts[S]): Promise<Response<K>>;
}

/** One route, with the handler's second argument typed by the route's sender kind. */
export type Route<K extends MessageType> = { [S in SenderKind]: RouteFrom<K, S> }[SenderKind];

/** One route per message: a missing or an extra one fails to compile. */
export type RouteTable = { [K in MessageType]: Route<K> };

/**
 * Checks a sender against a route's kind, past the router's first check (an extension page, or any frame of a
 * tab), and gives what it proved; null when the sender is not of that kind.
 */
export async function senderFacts(kind: SenderKind, sender: Runtime.MessageSender): Promise<SenderFacts[SenderKind] | null> {
  switch (kind) {
    case 'extension-page':
      return sender;
    case 'top-frame':
      return sender.frameId === 0 ? sender : null;
    case 'top-document':
      return resolveSenderPage(sender);
    case 'child-frame': {
      const tabId = sender.tab?.id;
      return tabId !== undefined && sender.frameId ? { tabId } : null;
    }
  }
}
