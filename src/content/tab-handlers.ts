/**
 * What the top frame answers to the background and the popup (common/messages.ts, `TabMessages`): one handler
 * per message type, which the compiler checks is there; messaging.ts's `listenForTabMessages` dispatches to them.
 */
import type { Handlers, TabMessages } from '../common/messages';
import type { AuditController } from './audit/controller';
import type { PageView } from './page-view';

export type TabHandlers = Handlers<TabMessages>;

export interface TabState {
  /** The page view in progress, if any (none while prerendered, or once the page was left). */
  pageView(): PageView | null;
  audit: AuditController;
  /** Page views started in this document. */
  pageViews(): number;
  /** Events in the outbox not yet acknowledged. */
  pending(): number;
  /** Whether the current page view's page is tracked; null until the background answered (first-rules.ts). */
  tracked(): boolean | null;
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
      return { ads: pageView?.detections() ?? [], observed: pageView?.observedCount() ?? 0, pageViews: state.pageViews(), pending: state.pending(), tracked: state.tracked() };
    },
  };
}
