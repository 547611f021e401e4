import { describe, expect, it, vi } from 'vitest';
import type { Browser } from 'webextension-polyfill';
import type { Handlers, TabMessages } from '../common/messages';
import { contentSender, isContextInvalidated, listenForTabMessages, runtimeAlive, sendOrStop } from './messaging';
import type { TabMessageApi } from './messaging';

const alive = () => true;

const invalidated = () => new Error('Extension context invalidated.');

describe('sendOrStop', () => {
  it('resolves to the answer', async () => {
    const onInvalidated = vi.fn();
    await expect(sendOrStop(async () => 42, onInvalidated, alive)).resolves.toBe(42);
    expect(onInvalidated).not.toHaveBeenCalled();
  });

  it('turns a synchronous "Extension context invalidated" throw (Chrome) into a rejection and stops', async () => {
    const onInvalidated = vi.fn();
    const send = (): Promise<number> => {
      throw invalidated();
    };
    const result = sendOrStop(send, onInvalidated, alive);
    await expect(result).rejects.toThrow('Extension context invalidated');
    expect(onInvalidated).toHaveBeenCalledTimes(1);
  });

  it('stops on a send that rejects because the context was invalidated', async () => {
    const onInvalidated = vi.fn();
    await expect(sendOrStop(() => Promise.reject(invalidated()), onInvalidated, alive)).rejects.toThrow();
    expect(onInvalidated).toHaveBeenCalledTimes(1);
  });

  it('passes other failures on without stopping: a sleeping service worker is retried, not given up', async () => {
    const onInvalidated = vi.fn();
    const asleep = new Error('Could not establish connection. Receiving end does not exist.');
    await expect(sendOrStop(() => Promise.reject(asleep), onInvalidated, alive)).rejects.toBe(asleep);
    expect(onInvalidated).not.toHaveBeenCalled();
  });

  it('stops when the API was taken from the old script (runtime gone: a TypeError, not the invalidated message)', async () => {
    const onInvalidated = vi.fn();
    const api: { runtime?: { id?: string; sendMessage(): Promise<unknown> } } = {};
    const send = () => api.runtime!.sendMessage();
    await expect(sendOrStop(send, onInvalidated, () => runtimeAlive(api))).rejects.toThrow(TypeError);
    expect(onInvalidated).toHaveBeenCalledTimes(1);
  });
});

describe('runtimeAlive', () => {
  it('is true while runtime.id is there', () => {
    expect(runtimeAlive({ runtime: { id: 'abc' } })).toBe(true);
    expect(runtimeAlive({ runtime: {} })).toBe(false);
    expect(runtimeAlive({})).toBe(false);
    expect(runtimeAlive(undefined)).toBe(false);
  });
});

describe('isContextInvalidated', () => {
  it('recognises the error by its message, whatever its type', () => {
    expect(isContextInvalidated(invalidated())).toBe(true);
    expect(isContextInvalidated('Error: Extension context invalidated.')).toBe(true);
    expect(isContextInvalidated(new Error('no answer in 5000 ms'))).toBe(false);
    expect(isContextInvalidated(undefined)).toBe(false);
  });
});

describe('contentSender', () => {
  it('sends {type, ...payload} and stops when the context is gone', async () => {
    const raw = vi.fn((message: unknown) => Promise.resolve({ line: `answer to ${JSON.stringify(message)}` }));
    const onInvalidated = vi.fn();
    const send = contentSender(raw, onInvalidated, alive);
    const answer: { line: string } = await send('addUserRule', { kind: 'ad', selector: '.promo' });
    expect(raw).toHaveBeenCalledWith({ type: 'addUserRule', kind: 'ad', selector: '.promo' });
    expect(answer.line).toBe('answer to {"type":"addUserRule","kind":"ad","selector":".promo"}');
    const dead = contentSender(() => Promise.reject(invalidated()), onInvalidated, alive);
    await expect(dead('frameClick', { time: 1, landingUrl: null })).rejects.toThrow('Extension context invalidated');
    expect(onInvalidated).toHaveBeenCalledTimes(1);
  });
});

/** A runtime whose onMessage keeps its listeners, so a test can deliver messages as the browser would. */
function fakeApi(id = 'adtally') {
  const listeners = new Set<Parameters<NonNullable<TabMessageApi['runtime']>['onMessage']['addListener']>[0]>();
  const api = { runtime: { id, onMessage: { addListener: (l: never) => listeners.add(l), removeListener: (l: never) => listeners.delete(l) } } };
  // As the browser does: a listener that returns true answers later, through sendResponse.
  const deliver = (message: unknown, sender = { id }) =>
    [...listeners].map((l) => {
      let answered: (answer: unknown) => void = () => {};
      const answer = new Promise((resolve) => (answered = resolve));
      return l(message, sender, answered) === true ? answer : undefined;
    });
  return { api: api as TabMessageApi, listeners, deliver };
}

const handlers = (): Handlers<TabMessages> & { [K in keyof TabMessages]: ReturnType<typeof vi.fn> } => ({
  childFrameClicked: vi.fn(() => undefined),
  setAudit: vi.fn(({ on }: { on: boolean | null }) => ({ on: on ?? false })),
  listDetections: vi.fn(async () => ({ ads: [], observed: 3, pageViews: 1, pending: 0, tracked: true })),
});

describe('listenForTabMessages', () => {
  it('dispatches by type, answers with the handler result, and gives no answer where the handler gives none', async () => {
    const { api, deliver } = fakeApi();
    const table = handlers();
    listenForTabMessages(api, table, new AbortController().signal);
    const [audit] = deliver({ type: 'setAudit', on: true });
    await expect(audit).resolves.toEqual({ on: true });
    expect(table.setAudit).toHaveBeenCalledWith({ type: 'setAudit', on: true });
    await expect(deliver({ type: 'listDetections' })[0]).resolves.toMatchObject({ observed: 3 });
    expect(deliver({ type: 'childFrameClicked', time: 5, landingUrl: null })).toEqual([undefined]);
    expect(table.childFrameClicked).toHaveBeenCalledTimes(1);
  });

  it('ignores other senders, unknown types and non-messages', () => {
    const { api, deliver } = fakeApi();
    const table = handlers();
    listenForTabMessages(api, table, new AbortController().signal);
    expect(deliver({ type: 'setAudit', on: true }, { id: 'another-extension' })).toEqual([undefined]);
    expect(deliver({ type: 'toString' })).toEqual([undefined]);
    expect(deliver({ type: 'events', events: [] })).toEqual([undefined]);
    expect(deliver('setAudit')).toEqual([undefined]);
    expect(deliver(null)).toEqual([undefined]);
    expect(table.setAudit).not.toHaveBeenCalled();
  });

  it('stops listening with its signal, and leaves a runtime already gone alone', () => {
    const { api, listeners } = fakeApi();
    const lifetime = new AbortController();
    listenForTabMessages(api, handlers(), lifetime.signal);
    expect(listeners.size).toBe(1);
    lifetime.abort();
    expect(listeners.size).toBe(0);
    const gone = fakeApi();
    const later = new AbortController();
    listenForTabMessages(gone.api, handlers(), later.signal);
    delete (gone.api as { runtime?: unknown }).runtime;
    expect(() => later.abort()).not.toThrow();
  });

  it('takes the extension API object as the browser gives it', () => {
    // A compile-time check: `browser` (webextension-polyfill) fits TabMessageApi.
    const wire = (browser: Browser) => listenForTabMessages(browser, handlers(), new AbortController().signal);
    expect(typeof wire).toBe('function');
  });
});
