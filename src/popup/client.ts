/**
 * The popup's one connection to the extension (docs/architecture.md, "The UI is a pure render"): components get data from here as props
 * and never call `browser.*` themselves.
 */
import browser from 'webextension-polyfill';
import { readAllTimeSites } from '../common/all-time-sites';
import { DB_NAME, DB_VERSION } from '../common/db-identity';
import { DB_SCHEMA } from '../common/stored/db-schema';
import { readDbUpgrade as readDbUpgradeNotice } from '../ui/db-upgrade-store';
import { readStored, readStoredTogether } from '../common/stored/stored-key';
import { DB_UPGRADE_NOTICE } from '../common/stored/db-upgrade-notice';
import { knownSiteOf, tabSiteKey } from '../common/stored/tab-site';
import { WRITE_PROBLEM } from '../common/stored/write-problem';
import type { ResponseOf, TabMessages, UiMessages } from '../common/messages';
import { sendToBackground, sendToTab } from '../ui/send';
import type { DayRange } from '../common/types';
import type { PopupControls } from './popup-view';
import { DEFAULT_SORT, RANGE_CHOICES, SORT_KEYS } from './table-view';

export type Stats = ResponseOf<UiMessages, 'getStats'>;

/** Where the popup's rows came from: read in this page (all time), or answered by the background. */
export type StatsSource = 'direct' | 'background';

/**
 * The tab the popup describes: `?tab=<id>` when a tool opens the popup page for a given tab (the e2e tests
 * and `npm start` do), else the active tab of the window the popup belongs to.
 */
async function popupTab(): Promise<{ id: number; url?: string } | null> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return browser.tabs.get(fromQuery).then((tab) => ({ id: fromQuery, url: tab.url }), () => ({ id: fromQuery }));
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? null : { id: tab.id, url: tab.url };
}

async function popupTabId(): Promise<number | null> {
  return (await popupTab())?.id ?? null;
}

/**
 * The popup's table. All time is read in this page from the all-time rows when the database allows it
 * (common/all-time-sites.ts: no worker to wake, no message); a range, an upgrade running or a database
 * this page may not read goes to the background, whose answer it would equal. `siteKnown` false: the
 * background's note did not name the tab's site (common/stored/tab-site.ts), `currentSite` is null for now
 * and `askTabSite` names it, after the first paint.
 */
export async function loadStats(days: DayRange = {}): Promise<Stats & { source: StatsSource; siteKnown: boolean }> {
  if (!days.from && !days.to) {
    const direct = await readStatsHere();
    if (direct) return { ...direct, source: 'direct' };
  }
  return { ...(await sendToBackground({ type: 'getStats', tabId: await popupTabId(), days })), source: 'background', siteKnown: true };
}

async function readStatsHere(): Promise<(Stats & { siteKnown: boolean }) | null> {
  const wanted = { name: DB_NAME, version: DB_VERSION };
  const stored = readStoredTogether(browser.storage.local, DB_SCHEMA, DB_UPGRADE_NOTICE, WRITE_PROBLEM);
  // The database opens while storage is read: it is read only if the background runs this build's schema
  // and no upgrade is under way.
  const mayRead = stored.then(([schema, upgrade]) => schema?.name === wanted.name && schema.version === wanted.version && upgrade === null);
  const [rows, [, , writeProblem], site] = await Promise.all([readAllTimeSites(indexedDB, wanted, mayRead), stored, popupTab().then(siteFromNote)]);
  return rows && { rows, currentSite: site ?? null, writeProblem, siteKnown: site !== undefined };
}

/**
 * The site of the popup's tab as the background names it (`siteOf` its page), from the note the background
 * keeps of each tab's site in storage.session, without tldts' public-suffix list in this script; undefined
 * when there is no note of the page's host (then only the background can say: `askTabSite`).
 */
async function siteFromNote(tab: { id: number; url?: string } | null): Promise<string | null | undefined> {
  if (!tab) return null;
  const note = await readStored(browser.storage.session, tabSiteKey(tab.id)).catch(() => null);
  return knownSiteOf(tab.url, note);
}

/** The background's answer for the site of the popup's tab, when the first screen had no note of it. */
export async function askTabSite(): Promise<string | null> {
  return (await sendToBackground({ type: 'getTabSite', tabId: await popupTabId() })).site;
}

/** Whether the background is upgrading the database now (common/stored/db-upgrade-notice.ts). */
export async function readDbUpgrade(): Promise<boolean> {
  return (await readDbUpgradeNotice()) !== null;
}

/** Opens AdTally's options page (data, privacy, export and import) in a tab. */
export function openOptions(): void {
  void browser.runtime.openOptionsPage();
  window.close();
}

const CONTROLS_KEY = 'adtally.popup.controls';

/** The range and sort the person chose last time (the search starts empty), from the popup's localStorage. */
export function readControls(): PopupControls {
  const fallback: PopupControls = { range: 'all', sort: DEFAULT_SORT, search: '' };
  try {
    const saved = JSON.parse(localStorage.getItem(CONTROLS_KEY) ?? 'null') as Partial<PopupControls> | null;
    const range = RANGE_CHOICES.some((r) => r.id === saved?.range) ? saved!.range! : fallback.range;
    const sort = saved?.sort && SORT_KEYS.includes(saved.sort.key) ? { key: saved.sort.key, descending: !!saved.sort.descending } : fallback.sort;
    return { range, sort, search: '' };
  } catch {
    return fallback;
  }
}

export function rememberControls(controls: PopupControls): void {
  localStorage.setItem(CONTROLS_KEY, JSON.stringify({ range: controls.range, sort: controls.sort }));
}

/**
 * Whether the on-page audit is on in the popup's tab, after turning it on or off when `on` is given; null
 * when the tab has no AdTally content script (a browser page, a page loaded before AdTally was installed).
 */
export async function auditInTab(on: boolean | null): Promise<boolean | null> {
  const tabId = await popupTabId();
  if (tabId === null) return null;
  try {
    // Typed, yet a tab whose script predates this popup may answer anything or nothing.
    const reply = (await sendToTab(tabId)('setAudit', { on })) as ResponseOf<TabMessages, 'setAudit'> | undefined;
    return typeof reply?.on === 'boolean' ? reply.on : null;
  } catch {
    return null;
  }
}

/**
 * How many ads a person could see on the popup's tab's page now (the toolbar badge's number, whatever the
 * badge setting); null when the tab has no AdTally content script.
 */
export async function adsInTab(): Promise<number | null> {
  const tabId = await popupTabId();
  if (tabId === null) return null;
  try {
    const reply = (await sendToTab(tabId)('listDetections', {})) as ResponseOf<TabMessages, 'listDetections'> | undefined;
    return Array.isArray(reply?.ads) ? reply.ads.length : null;
  } catch {
    return null;
  }
}

/** Opens AdTally's dashboard (charts and top lists) in a new tab. */
export function openDashboard(): void {
  void browser.tabs.create({ url: browser.runtime.getURL('dashboard.html') });
  window.close();
}

/** Opens the welcome page (what AdTally counts and keeps) in a new tab. */
export function openWelcome(): void {
  void browser.tabs.create({ url: browser.runtime.getURL('welcome.html') });
  window.close();
}
