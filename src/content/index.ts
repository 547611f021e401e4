/**
 * Content script entry for top frames: wiring only. The top frame finds and tracks every ad; child frames
 * run frame.ts, which only reports clicks, so one ad is counted once however many frames see it.
 */
import type { CreativeSighting } from '../common/pictures';
import type { AdEvent } from '../common/types';
import { extensionApi } from './extension-api';
import { askFirstRules } from './first-rules';
import { watchNavigations } from './navigation';
import { Outbox } from './outbox';
import { startPageView } from './page-view';
import type { PageView } from './page-view';
import type { RequestRules } from './scan';
import { auditController } from './audit/controller';
import { tabHandlers } from './tab-handlers';
import { contentSender, isContextInvalidated, listenForTabMessages, runtimeAlive } from './messaging';

if (window.top === window) startTopFrame();

function startTopFrame(): void {
  // Aborted when the extension is reloaded, updated or disabled under this page ("Extension context
  // invalidated"): every observer, listener and timer of this script stops, and a page view never starts again.
  const lifetime = new AbortController();
  const { signal } = lifetime;
  const tearDown = () => lifetime.abort();
  // The browser's own API (extension-api.ts): no polyfill to parse in every page.
  const toBackground = contentSender((message) => extensionApi()!.runtime.sendMessage(message), tearDown, () => runtimeAlive(extensionApi()));
  const outbox = new Outbox({
    send: (events: AdEvent[]) => toBackground('events', { events }),
    isFatal: (error) => isContextInvalidated(error) || !runtimeAlive(extensionApi()),
    onFatal: tearDown,
  });
  signal.addEventListener('abort', () => outbox.stop(), { once: true });

  // A page whose outbox is empty learns of the invalidation here, at its next page view's first rules request.
  const requestRules: RequestRules = (tokens) => toBackground('pageRules', tokens);

  // The toolbar badge's number; a lost count is replaced by the next one.
  const reportAdCount = (count: number) => void toBackground('pageAds', { count }).catch(() => {});

  // A creative's picture is the background's to take or not; a lost sighting loses only that picture.
  const reportSighting = (sighting: CreativeSighting) => void toBackground('creativeSeen', sighting).catch(() => {});

  let pageView: PageView | null = null;
  let pageViews = 0;
  // Whether a page view should be running: not while prerendered, nor once the page was left.
  let wanted = false;
  // Each start's number: the answer to a start that was ended meanwhile starts nothing.
  let starts = 0;
  // A page view asks first whether its page is tracked (first-rules.ts); where AdTally is paused or the site
  // is out of scope, nothing is read, observed or tracked until the next page view asks again.
  let tracked: boolean | null = null;
  const begin = () => {
    wanted = true;
    pageViews++;
    const start = ++starts;
    void askFirstRules(requestRules).then((firstRules) => {
      if (start !== starts || signal.aborted) return;
      tracked = firstRules.tracked !== false;
      if (tracked) pageView = startPageView({ outbox, requestRules, firstRules, reportAdCount, reportSighting }, signal);
    });
  };
  const end = () => {
    starts++;
    tracked = null;
    pageView?.end();
    pageView = null;
    void outbox.flush();
  };
  // Leaving the page: everything it owes goes now, whatever is in flight, since a page left for another site
  // never sees the answer a queued send would wait for (docs/measurement.md, Delivery).
  const leave = () => {
    wanted = false;
    starts++;
    pageView?.end();
    pageView = null;
    outbox.handOver();
  };
  // Nothing counts while a page is prerendered; its page view starts when a person activates it.
  if ((document as Document & { prerendering?: boolean }).prerendering) {
    document.addEventListener('prerenderingchange', begin, { once: true, signal });
  } else {
    begin();
  }

  // Leaving the page ends its page view (dwell is reported); entering the back/forward cache too.
  window.addEventListener('pagehide', leave, { signal });
  watchNavigations(() => {
    if (!wanted) return;
    end();
    begin();
  }, signal);
  // A back/forward-cache restore is a new page view (docs/measurement.md).
  window.addEventListener('pageshow', (event) => event.persisted && !wanted && begin(), { signal });
  document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && void outbox.flush(), {
    signal,
  });

  // The on-page audit (popup switch): outlines the current page view's ads; corrections go to the background.
  const audit = auditController(
    {
      listAds: () => pageView?.auditAds() ?? [],
      addUserRule: async (kind, selector) => (await toBackground('addUserRule', { kind, selector })).line,
    },
    signal,
  );

  // The background's messages to this frame: one handler per type (tab-handlers.ts), one listener.
  const handlers = tabHandlers({ pageView: () => pageView, audit, pageViews: () => pageViews, pending: () => outbox.size, tracked: () => tracked });
  listenForTabMessages(extensionApi() ?? {}, handlers, signal);
}
