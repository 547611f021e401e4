import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';

const sentToTabs: unknown[][] = [];
vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: { id: 'adtally', getURL: (path: string) => `chrome-extension://adtally/${path}` },
    tabs: { sendMessage: (...args: unknown[]) => Promise.resolve(void sentToTabs.push(args)) },
    storage: { local: { get: () => Promise.resolve({}), set: () => Promise.resolve() } },
  },
}));
vi.mock('./db/open', () => ({ getDb: () => Promise.reject(new Error('no database in this test')) }));

const { route } = await import('./router');

const extensionPage: Runtime.MessageSender = { id: 'adtally', url: 'chrome-extension://adtally/popup.html' };
const frame = (frameId: number): Runtime.MessageSender => ({ id: 'adtally', url: 'https://news.test/', frameId, tab: { id: 9, url: 'https://news.test/' } as never });

beforeEach(() => {
  sentToTabs.length = 0;
});

describe('route', () => {
  it('drops, with no answer, what no route allows that sender', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      expect(route({ type: 'getStats', tabId: null, days: {} }, frame(0))).toBeUndefined(); // a UI message from a tab
      expect(route({ type: 'frameClick', time: 1, landingUrl: null }, extensionPage)).toBeUndefined(); // a content message from a page
      expect(route({ type: 'pageRules' }, { id: 'adtally', url: 'https://news.test/' })).toBeUndefined(); // no tab
      expect(route({ type: 'toString' }, frame(0))).toBeUndefined(); // no route, whatever Object.prototype holds
      expect(route({ type: 'listDetections' }, frame(0))).toBeUndefined();
      expect(warn).toHaveBeenCalledTimes(5);
    } finally {
      warn.mockRestore();
    }
    expect(route({ type: 'getStats' }, { ...extensionPage, id: 'another-extension' })).toBeUndefined();
    expect(route('getStats', extensionPage)).toBeUndefined();
  });

  it('answers a sender of the wrong frame kind with the route refusal', async () => {
    await expect(route({ type: 'pageRules', classes: ['ad'], ids: [], hrefs: [], first: true }, frame(3))).resolves.toEqual({ rules: [], platform: null, userRules: [], tracked: true });
    await expect(route({ type: 'addUserRule', kind: 'ad', selector: '.x' }, frame(2))).rejects.toThrow('AdTally: not a valid correction');
    await expect(route({ type: 'frameClick', time: 1, landingUrl: null }, frame(0))).resolves.toEqual({ forwarded: false });
    expect(sentToTabs).toEqual([]);
  });

  it('answers a refused payload with the route refusal', async () => {
    await expect(route({ type: 'addUserRule', kind: 'ad', selector: '.x\n.y' }, frame(0))).rejects.toThrow('AdTally: not a valid correction');
    await expect(route({ type: 'frameClick', landingUrl: null }, frame(4))).resolves.toEqual({ forwarded: false });
    expect(sentToTabs).toEqual([]);
  });

  it("passes a child frame's click to its tab's top frame, with the landing URL checked", async () => {
    await expect(route({ type: 'frameClick', time: 5, landingUrl: 'javascript:void 0', extra: 1 }, frame(4))).resolves.toEqual({ forwarded: true });
    expect(sentToTabs).toEqual([[9, { type: 'childFrameClicked', time: 5, landingUrl: null }, { frameId: 0 }]]);
  });
});
