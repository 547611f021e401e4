/**
 * The background's one message listener (docs/architecture.md, "Distrust senders"): it tells AdTally's own
 * pages from tabs, drops what no route allows that sender, and applies the route (routes.ts): its sender
 * kind, its parse, then its handler with typed data.
 */
import browser from 'webextension-polyfill';
import type { Runtime } from 'webextension-polyfill';
import type { BackgroundMessages, ResponseOf } from '../common/messages';
import type { Parsed, Unchecked } from './parse/parsed';
import { senderFacts } from './route';
import type { MessageType, SenderKind } from './route';
import { ROUTES } from './routes';
import { noteSender } from './sender-page';

/** A route as the router applies it, whatever its message: the table's types checked each entry already. */
interface AnyRoute {
  sender: SenderKind;
  parse(message: Unchecked): Parsed<unknown> | Promise<Parsed<unknown>>;
  refused?(payload: unknown): unknown;
  handle(payload: unknown, from: unknown): Promise<unknown>;
}

function routeOf(type: string): AnyRoute | undefined {
  return Object.hasOwn(ROUTES, type) ? (ROUTES[type as MessageType] as AnyRoute) : undefined;
}

function isExtensionPage(sender: Runtime.MessageSender): boolean {
  return typeof sender.url === 'string' && sender.url.startsWith(browser.runtime.getURL(''));
}

/**
 * Routes a message, or returns undefined (no answer) for anything unknown or from the wrong kind of sender:
 * AdTally's own pages may send only their routes' messages, and tabs only the content scripts'.
 */
export function route(message: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined {
  if (sender.id !== browser.runtime.id || typeof message !== 'object' || message === null) return undefined;
  const type = (message as { type?: unknown }).type;
  if (typeof type !== 'string') return undefined;
  const entry = routeOf(type);
  const fromPage = isExtensionPage(sender);
  const allowed = entry !== undefined && (fromPage ? entry.sender === 'extension-page' : entry.sender !== 'extension-page' && !!sender.tab);
  if (!allowed) {
    console.warn('AdTally: dropped message', type, 'from', sender.url);
    return undefined;
  }
  if (!fromPage) noteSender(sender);
  return apply(entry, message as Unchecked, sender);
}

/**
 * Applies the route of a message whose sender passed the router's first check, as route() does: for tests,
 * which give the sender the browser would.
 */
export function deliver<K extends MessageType>(type: K, message: Unchecked, sender: Runtime.MessageSender): Promise<ResponseOf<BackgroundMessages, K>> {
  return apply(ROUTES[type] as AnyRoute, { ...message, type }, sender) as Promise<ResponseOf<BackgroundMessages, K>>;
}

/** Parse, then the route's sender kind, then the handler; a refusal answers what the route says (routes.ts). */
async function apply(entry: AnyRoute, message: Unchecked, sender: Runtime.MessageSender): Promise<unknown> {
  const parsed = await entry.parse(message);
  if (!parsed.ok) return refusal(entry, parsed.reason, null);
  const from = await senderFacts(entry.sender, sender);
  if (from === null) return refusal(entry, `not from a ${entry.sender}`, parsed.payload);
  return entry.handle(parsed.payload, from);
}

function refusal(entry: AnyRoute, reason: string, payload: unknown): unknown {
  if (entry.refused) return entry.refused(payload);
  throw new Error(`AdTally: refused: ${reason}`);
}
