/**
 * Background entry (service worker in Chromium, event page in Firefox). Every listener is registered
 * synchronously at the top level, so a worker woken by a message or an alarm finds its listener
 * (docs/architecture.md, "Service-worker discipline").
 */
import browser from 'webextension-polyfill';
import type { Runtime } from 'webextension-polyfill';
import { REFRESH_ALARM, REFRESH_PERIOD_MINUTES, refreshEasyList } from './filters/refresh';
import { recordRefresh } from './filters/refresh-record';
import { getDb, listenToOpen } from './db/open';
import { upgradeLeftUnfinished, upgradeNotice } from './storage/upgrade-notice';
import { recordDbSchema } from './storage/db-schema-record';
import { route } from './router';
import { keepTopDocumentsIn } from './sender-page';
import { readSettings } from './settings';
import { forgetTab, refreshBadges, tabLoading } from './toolbar-badge';
import { forgetTabSite, noteTabSite } from './tab-sites';
import { opensWelcome, WELCOME_PAGE } from './welcome-tab';
import { applyRetention, RETENTION_ALARM, RETENTION_PERIOD_MINUTES } from './storage/retention';
import { deletePicturesOf, getPicturesDb } from './pictures/db';
import { SETTINGS } from '../common/stored/settings';
import { changedIn, readStored, writeStored } from '../common/stored/stored-key';
import { TOP_DOCUMENTS } from '../common/stored/top-documents';

listenToOpen(upgradeNotice);
// An upgrade's backfill cut short by a stopped worker goes on as the worker starts again (db/backfill.ts).
void upgradeLeftUnfinished().then(async (unfinished) => {
  if (unfinished) await getDb().catch(() => {});
});
// Which database, at which version, the popup may read itself (common/all-time-sites.ts).
recordDbSchema();
// The pages each tab showed, for events a page hands over as it is left after this worker was stopped.
keepTopDocumentsIn({
  // Async, so a browser without storage.session rejects (and is ignored) instead of throwing in the router.
  load: async () => readStored(browser.storage.session, TOP_DOCUMENTS),
  save: async (documents) => writeStored(browser.storage.session, TOP_DOCUMENTS, documents),
});
browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => route(message, sender));

// The bundled list is current at install; the first refresh comes a week later, then weekly.
// Retention runs a minute after install or update (an update may bring a new limit), then daily.
browser.runtime.onInstalled.addListener((details) => {
  void browser.alarms.create(REFRESH_ALARM, { delayInMinutes: REFRESH_PERIOD_MINUTES, periodInMinutes: REFRESH_PERIOD_MINUTES });
  void browser.alarms.create(RETENTION_ALARM, { delayInMinutes: 1, periodInMinutes: RETENTION_PERIOD_MINUTES });
  // What AdTally counts and keeps, shown once to a new user (the test harnesses close this tab).
  if (opensWelcome(details)) void browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE) });
  // storage.session starts empty with a new version: note the site of every tab already open, for the popup.
  void browser.tabs.query({}).then((tabs) => Promise.all(tabs.map((tab) => tab.id !== undefined && noteTabSite(browser.storage.session, tab.id, tab.url))));
});
browser.alarms.onAlarm.addListener(async (alarm) => {
  if (alarm.name === RETENTION_ALARM) await runRetention();
  if (alarm.name !== REFRESH_ALARM || !(await readSettings()).filterListUpdates) return;
  const result = await refreshEasyList();
  await recordRefresh(result, 'weekly').catch(() => {});
  if (!result.ok) console.warn('AdTally: filter list refresh failed, keeping the last good list:', result.error);
});
// A shorter retention limit applies at once, not at the next daily run.
browser.storage.onChanged.addListener((changes, area) => {
  const settings = changedIn(changes, area, SETTINGS);
  if (!settings) return;
  void runRetention();
  // Turned off, paused or resumed: every open tab's badge follows at once.
  void refreshBadges(settings.value);
});
browser.tabs.onRemoved.addListener((tabId) => {
  forgetTab(tabId);
  void forgetTabSite(browser.storage.session, tabId);
});
browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'loading') void tabLoading(tabId, change.url);
  // The site of the tab's page, for the popup (common/stored/tab-site.ts): it names it without tldts.
  if (change.url !== undefined) void noteTabSite(browser.storage.session, tabId, change.url);
});

async function runRetention(): Promise<void> {
  try {
    const db = await getDb();
    // Pictures go with the last event of their creative.
    if ((await applyRetention(db, (await readSettings()).retentionDays, Date.now())) > 0) await deletePicturesOf(await getPicturesDb(), null, new Set(await db.getAllKeys('creatives')));
  } catch (error) {
    console.warn('AdTally: retention could not run, will try again:', error);
  }
}
