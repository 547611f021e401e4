import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuditController } from './audit/controller';
import type { PageView } from './page-view';
import { listenForTabMessages } from './messaging';
import type { TabMessageApi } from './messaging';
import { tabHandlers } from './tab-handlers';
import type { TabState } from './tab-handlers';

const OURS = 'adtally@example';

function makeTab(pageView: Partial<PageView> | null = {}) {
  let on = false;
  const audit: AuditController = {
    get on() {
      return on;
    },
    set: vi.fn((value: boolean) => void (on = value)),
  };
  const onFrameClick = vi.fn();
  const view = pageView && ({ onFrameClick, detections: () => [], observedCount: () => 0, ...pageView } as PageView);
  const state: TabState = { pageView: () => view, audit, pageViews: () => 2, pending: () => 5, tracked: () => true };
  // The handlers as the content script wires them: behind the one tab-message listener.
  type Listener = Parameters<NonNullable<TabMessageApi['runtime']>['onMessage']['addListener']>[0];
  let listener: Listener | undefined;
  const api: TabMessageApi = { runtime: { id: OURS, onMessage: { addListener: (l) => void (listener = l), removeListener: () => {} } } };
  listenForTabMessages(api, tabHandlers(state), new AbortController().signal);
  // As the browser does: a listener that returns true answers later, through sendResponse.
  const sendFrom = (senderId: string | undefined, message: unknown) => {
    let answered: (answer: unknown) => void = () => {};
    const answer = new Promise((resolve) => (answered = resolve));
    return listener!(message, { id: senderId }, answered) === true ? answer : undefined;
  };
  const send = (message: unknown) => sendFrom(OURS, message);
  return { send, sendFrom, audit, onFrameClick };
}

afterEach(() => vi.useRealTimers());

describe('tab messages', () => {
  it('credits a child frame click to the page view at its time, and answers nothing', () => {
    const { send, onFrameClick } = makeTab();
    expect(send({ type: 'childFrameClicked', landingUrl: 'https://shop.test/', time: 1234 })).toBeUndefined();
    expect(onFrameClick).toHaveBeenCalledWith('https://shop.test/', 1234);
  });

  it('dates a child frame click on arrival when its time is not a finite number', () => {
    vi.useFakeTimers({ now: 50_000 });
    const { send, onFrameClick } = makeTab();
    send({ type: 'childFrameClicked', landingUrl: null, time: Number.NaN });
    send({ type: 'childFrameClicked', landingUrl: null, time: 'soon' });
    send({ type: 'childFrameClicked', landingUrl: null });
    expect(onFrameClick.mock.calls).toEqual([
      [null, 50_000],
      [null, 50_000],
      [null, 50_000],
    ]);
  });

  it('switches the audit only for a boolean, and always answers whether it is on', async () => {
    const { send, audit } = makeTab();
    await expect(send({ type: 'setAudit', on: null })).resolves.toEqual({ on: false });
    await expect(send({ type: 'setAudit', on: 'yes' })).resolves.toEqual({ on: false });
    expect(audit.set).not.toHaveBeenCalled();
    await expect(send({ type: 'setAudit', on: true })).resolves.toEqual({ on: true });
    await expect(send({ type: 'setAudit', on: false })).resolves.toEqual({ on: false });
  });

  it('lists the page view detections with the counts the tests read', async () => {
    const ad = { adId: 'ad1', path: 'html>body', rule: 'sig', kind: 'display' as const, network: null, width: 300, height: 250 };
    const { send } = makeTab({ detections: () => [ad], observedCount: () => 3 });
    await expect(send({ type: 'listDetections' })).resolves.toEqual({ ads: [ad], observed: 3, pageViews: 2, pending: 5, tracked: true });
    await expect(makeTab(null).send({ type: 'listDetections' })).resolves.toEqual({ ads: [], observed: 0, pageViews: 2, pending: 5, tracked: true });
  });

  it('ignores messages from anyone but this extension', () => {
    const { sendFrom, audit, onFrameClick } = makeTab();
    expect(sendFrom('someone-else', { type: 'listDetections' })).toBeUndefined();
    expect(sendFrom(undefined, { type: 'setAudit', on: true })).toBeUndefined();
    sendFrom('someone-else', { type: 'childFrameClicked', landingUrl: null, time: 1 });
    expect(onFrameClick).not.toHaveBeenCalled();
    expect(audit.set).not.toHaveBeenCalled();
  });

  it('answers nothing to unknown or malformed messages', () => {
    const { send } = makeTab();
    for (const message of [undefined, null, 'listDetections', {}, { type: 'getStats' }, { type: 'toString' }, { type: 'constructor' }]) {
      expect(send(message)).toBeUndefined();
    }
  });
});
