import browser from 'webextension-polyfill';
import type { Runtime } from 'webextension-polyfill';
import { CONTENT_MESSAGE_TYPES, UI_MESSAGE_TYPES } from '../common/messages';
import { handleEvents } from './handlers/events';
import { handleFrameClick } from './handlers/frame-click';
import { handlePageRules } from './handlers/page-rules';
import { handleDeleteData, handleExportAggregates, handleExportEvents, handleImportEvents } from './handlers/data';
import { handleGetFilterLists, handleUpdateFilterLists } from './handlers/filter-lists';
import { handleGetDailySeries, handleGetFrequency, handleGetSlice, handleGetTopKeys, handleGetWatchStats } from './handlers/dashboard-data';
import { handleGetStats } from './handlers/stats';
import { handleAddUserRule } from './handlers/user-rule';
import { noteSender } from './sender-page';

type Handler = (message: Record<string, unknown>, sender: Runtime.MessageSender) => Promise<unknown>;

/** One handler per message type (docs/architecture.md, "One typed message protocol"); content and UI messages are told apart by sender. */
const HANDLERS: Record<string, Handler> = {
  events: (m, sender) => handleEvents({ events: m.events }, sender),
  pageRules: (m, sender) => handlePageRules(m, sender),
  addUserRule: (m, sender) => handleAddUserRule({ kind: m.kind, selector: m.selector }, sender),
  frameClick: (m, sender) => handleFrameClick({ time: m.time, landingUrl: m.landingUrl }, sender),
  getStats: (m) => handleGetStats({ tabId: m.tabId, days: m.days }),
  getDailySeries: (m) => handleGetDailySeries({ days: m.days }),
  getTopKeys: (m) => handleGetTopKeys({ dimension: m.dimension, days: m.days, limit: m.limit }),
  getSlice: (m) => handleGetSlice({ days: m.days, filter: m.filter, limit: m.limit }),
  getFrequency: (m) => handleGetFrequency({ days: m.days, filter: m.filter, limit: m.limit }),
  getWatchStats: (m) => handleGetWatchStats({ days: m.days, entries: m.entries }),
  exportEvents: (m) => handleExportEvents({ after: m.after, limit: m.limit }),
  exportAggregates: () => handleExportAggregates(),
  importEvents: (m) => handleImportEvents({ lines: m.lines }),
  deleteData: (m) => handleDeleteData({ site: m.site }),
  getFilterLists: () => handleGetFilterLists(),
  updateFilterLists: () => handleUpdateFilterLists(),
};

function isExtensionPage(sender: Runtime.MessageSender): boolean {
  return typeof sender.url === 'string' && sender.url.startsWith(browser.runtime.getURL(''));
}

/**
 * Routes a message, or returns undefined (no answer) for anything unknown or from the wrong kind of sender:
 * pages may send only content messages, and only AdTally's own pages may ask for stats.
 */
export function route(message: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined {
  if (sender.id !== browser.runtime.id || typeof message !== 'object' || message === null) return undefined;
  const type = (message as { type?: unknown }).type;
  if (typeof type !== 'string') return undefined;
  const allowed = isExtensionPage(sender) ? UI_MESSAGE_TYPES.has(type) : CONTENT_MESSAGE_TYPES.has(type) && !!sender.tab;
  if (!allowed) {
    console.warn('AdTally: dropped message', type, 'from', sender.url);
    return undefined;
  }
  if (!isExtensionPage(sender)) noteSender(sender);
  return HANDLERS[type]?.(message as Record<string, unknown>, sender);
}
