/**
 * The route table: one entry per message the background answers (docs/architecture.md, "One typed message
 * protocol"). Each names who may send it, the pure parse of its payload (parse/) and its handler. Adding a
 * message is one entry here plus its handler; a message without an entry fails to compile.
 *
 * What a refusal answers is written per entry. Messages from the wrong kind of sender altogether (a tab
 * sending a UI message, an extension page a content one) and unknown types never reach a route: the router
 * logs and drops them, with no answer.
 */
import { everyId, parseEvents } from './parse/events';
import { parseFrameClick } from './parse/frame-click';
import { parsePageAds } from './parse/page-ads';
import { parsePageRules } from './parse/page-rules';
import { parseCreativeSeen, parseExportPictures, parseGetGallery } from './parse/pictures';
import { parseFilteredQuery, parseGetDailySeries, parseGetPlacement, parseGetStats, parseGetTabSite, parseGetTopKeys, parseGetWatchStats, parseNothing } from './parse/queries';
import { parseAddUserRule } from './parse/user-rule';
import { parseDeleteData, parseExportEvents, parseImportEvents } from './parse/user-data';
import type { RouteTable } from './route';
import { handleGetDailySeries, handleGetFrequency, handleGetSlice, handleGetTopKeys, handleGetWatchStats } from './handlers/dashboard-data';
import { handleEvents } from './handlers/events';
import { handleGetPlacement } from './handlers/placement-data';
import { handleGetFilterLists, handleUpdateFilterLists } from './handlers/filter-lists';
import { handleFrameClick } from './handlers/frame-click';
import { handlePageAds } from './handlers/page-ads';
import { handleCreativeSeen } from './handlers/creative-seen';
import { handleDeletePictures, handleExportPictures, handleGetGallery, handleGetPictureCount } from './handlers/pictures';
import { handlePageRules, NO_PAGE_RULES } from './handlers/page-rules';
import { handleGetStats } from './handlers/site-stats';
import { handleGetTabSite } from './handlers/tab-site';
import { handleAddUserRule, NOT_A_CORRECTION } from './handlers/user-rule';
import { handleDeleteData, handleExportAggregates, handleExportEvents, handleImportEvents } from './handlers/user-data';

export const ROUTES = {
  // Content scripts. The outbox forgets what is refused, so a refusal answers rather than stays silent.

  /** Bad events are refused one by one (`rejected`); from a sender that is no tab's top document, every id is. */
  events: { sender: 'top-document', parse: parseEvents, refused: (batch) => ({ stored: [], rejected: batch ? everyId(batch) : [] }), handle: handleEvents },
  /** Never refused for its payload (malformed tokens read as none); a frame other than the top one gets no rules. */
  pageRules: { sender: 'top-frame', parse: parsePageRules, refused: () => NO_PAGE_RULES, handle: handlePageRules },
  /** A bad correction, or one from a frame other than the top one, is an error answer. */
  addUserRule: {
    sender: 'top-frame',
    parse: parseAddUserRule,
    refused: () => {
      throw new Error(NOT_A_CORRECTION);
    },
    handle: handleAddUserRule,
  },
  /** A click without a time, or one from the top frame, is not forwarded. */
  frameClick: { sender: 'child-frame', parse: parseFrameClick, refused: () => ({ forwarded: false }), handle: handleFrameClick },
  /** A count that is not one, or one from a frame other than the top one, leaves the badge as it was. */
  pageAds: { sender: 'top-frame', parse: parsePageAds, refused: () => ({ shown: false }), handle: handlePageAds },
  /** A malformed sighting, or one from a frame other than the top one, takes no picture. */
  creativeSeen: { sender: 'top-frame', parse: parseCreativeSeen, refused: () => ({ queued: false }), handle: handleCreativeSeen },

  // AdTally's own pages. A malformed field reads as its default (parse/queries.ts, parse/user-data.ts), except in
  // deleteData, where a refusal is an error answer: a malformed site must never delete everything.

  getStats: { sender: 'extension-page', parse: parseGetStats, handle: handleGetStats },
  getTabSite: { sender: 'extension-page', parse: parseGetTabSite, handle: handleGetTabSite },
  getDailySeries: { sender: 'extension-page', parse: parseGetDailySeries, handle: handleGetDailySeries },
  getTopKeys: { sender: 'extension-page', parse: parseGetTopKeys, handle: handleGetTopKeys },
  getSlice: { sender: 'extension-page', parse: parseFilteredQuery, handle: handleGetSlice },
  getFrequency: { sender: 'extension-page', parse: parseFilteredQuery, handle: handleGetFrequency },
  getWatchStats: { sender: 'extension-page', parse: parseGetWatchStats, handle: handleGetWatchStats },
  getPlacement: { sender: 'extension-page', parse: parseGetPlacement, handle: handleGetPlacement },
  exportEvents: { sender: 'extension-page', parse: parseExportEvents, handle: handleExportEvents },
  exportAggregates: { sender: 'extension-page', parse: parseNothing, handle: () => handleExportAggregates() },
  importEvents: { sender: 'extension-page', parse: (message) => parseImportEvents(message), handle: handleImportEvents },
  deleteData: { sender: 'extension-page', parse: parseDeleteData, handle: handleDeleteData },
  getGallery: { sender: 'extension-page', parse: parseGetGallery, handle: handleGetGallery },
  getPictureCount: { sender: 'extension-page', parse: parseNothing, handle: () => handleGetPictureCount() },
  deletePictures: { sender: 'extension-page', parse: parseNothing, handle: () => handleDeletePictures() },
  exportPictures: { sender: 'extension-page', parse: parseExportPictures, handle: handleExportPictures },
  getFilterLists: { sender: 'extension-page', parse: parseNothing, handle: () => handleGetFilterLists() },
  // Not the handler itself: its parameter is the download, which tests replace.
  updateFilterLists: { sender: 'extension-page', parse: parseNothing, handle: () => handleUpdateFilterLists() },
} satisfies RouteTable;
