/**
 * What the top frame answers to the background (common/messages.ts, `TabMessages`): one handler per message
 * type, which the compiler checks is there, and one dispatch that drops what is not ours.
 */
import type { ResponseOf, TabMessage, TabMessages } from '../common/messages';
import type { AuditController } from './audit/controller';
import type { PageView } from './page-view';

type TabMessageOf<K extends keyof TabMessages> = Extract<TabMessage, { type: K }>;

export type TabHandlers = { [K in keyof TabMessages]: (message: TabMessageOf<K>) => ResponseOf<TabMessages, K> };

export interface TabState {
  /** The page view in progress, if any (none while prerendered, or once the page was left). */
  pageView(): PageView | null;
  audit: AuditController;
  /** Page views started in this document. */
  pageViews(): number;
  /** Events in the outbox not yet acknowledged. */
  pending(): number;
}

export function tabHandlers(state: TabState): TabHandlers {
  return {
    // The frame's clock is this page's; a report without a usable time is dated on arrival.
    childFrameClicked: ({ landingUrl, time }) => state.pageView()?.onFrameClick(landingUrl, Number.isFinite(time) ? time : Date.now()),
    // `on` that is not a boolean only asks.
    setAudit: ({ on }) => {
      if (typeof on === 'boolean') state.audit.set(on);
      return { on: state.audit.on };
    },
    listDetections: () => {
      const pageView = state.pageView();
      return { ads: pageView?.detections() ?? [], observed: pageView?.observedCount() ?? 0, pageViews: state.pageViews(), pending: state.pending() };
    },
  };
}

/**
 * Runs the handler for a message from this extension (`senderId` is ours) and promises its answer; a message
 * from anyone else, of a type with no handler, or whose handler answers nothing, gets undefined (no answer).
 */
export function dispatchTabMessage(handlers: TabHandlers, message: unknown, senderId: string | undefined, ownId: string): Promise<unknown> | undefined {
  if (senderId !== ownId) return undefined;
  const type = (message as { type?: unknown } | null | undefined)?.type;
  if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) return undefined;
  const answer: unknown = (handlers[type as keyof TabHandlers] as (message: unknown) => unknown)(message);
  return answer === undefined ? undefined : Promise.resolve(answer);
}
