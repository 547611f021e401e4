/**
 * Content script entry for top frames: wiring only. The top frame finds and tracks every ad; child frames
 * run frame.ts, which only reports clicks, so one ad is counted once however many frames see it.
 */
import browser from 'webextension-polyfill';
import type { ContentMessage, ResponseOf, ContentMessages, TabMessage } from '../common/messages';
import type { AdEvent } from '../common/types';
import { watchNavigations } from './navigation';
import { Outbox } from './outbox';
import { startPageView } from './page-view';
import type { PageView } from './page-view';
import type { RequestRules } from './scan';
import { isContextInvalidated } from './track/frame-clicks';

if (window.top === window) startTopFrame();

function startTopFrame(): void {
  const lifetime = new AbortController();
  const { signal } = lifetime;
  const outbox = new Outbox({
    send: (events: AdEvent[]) => {
      const message: ContentMessage = { type: 'events', events };
      return browser.runtime.sendMessage(message) as Promise<ResponseOf<ContentMessages, 'events'>>;
    },
    isFatal: isContextInvalidated,
    onFatal: () => lifetime.abort(),
  });
  signal.addEventListener('abort', () => outbox.stop(), { once: true });

  const requestRules: RequestRules = (tokens) => {
    const message: ContentMessage = { type: 'pageRules', ...tokens };
    return browser.runtime.sendMessage(message) as Promise<ResponseOf<ContentMessages, 'pageRules'>>;
  };

  let pageView: PageView | null = null;
  let pageViews = 0;
  const begin = () => {
    pageView = startPageView(outbox, requestRules, signal);
    pageViews++;
  };
  const end = () => {
    pageView?.end();
    pageView = null;
    void outbox.flush();
  };
  // Nothing counts while a page is prerendered; its page view starts when a person activates it.
  if ((document as Document & { prerendering?: boolean }).prerendering) {
    document.addEventListener('prerenderingchange', begin, { once: true, signal });
  } else {
    begin();
  }

  // Leaving the page ends its page view (dwell is reported); entering the back/forward cache too.
  window.addEventListener('pagehide', end, { signal });
  watchNavigations(() => {
    if (!pageView) return;
    end();
    begin();
  }, signal);
  // A back/forward-cache restore is a new page view (docs/measurement.md).
  window.addEventListener('pageshow', (event) => event.persisted && !pageView && begin(), { signal });
  document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && void outbox.flush(), {
    signal,
  });

  const onMessage = (message: unknown, sender: browser.Runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id) return;
    const msg = message as TabMessage | undefined;
    if (msg?.type === 'childFrameClicked') pageView?.onFrameClick(msg.landingUrl);
    if (msg?.type === 'listDetections') {
      return Promise.resolve({ ads: pageView?.detections() ?? [], observed: pageView?.observedCount() ?? 0, pageViews, pending: outbox.size });
    }
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage), { once: true });
}
