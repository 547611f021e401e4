/**
 * Background entry (service worker in Chromium, event page in Firefox). Every listener is registered
 * synchronously at the top level, so a worker woken by a message or an alarm finds its listener
 * (convention 7).
 */
import browser from 'webextension-polyfill';
import type { Runtime } from 'webextension-polyfill';
import { REFRESH_ALARM, REFRESH_PERIOD_MINUTES, refreshEasyList } from './filters/refresh';
import { route } from './router';
import { readSettings } from './settings';

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => route(message, sender));

// The bundled list is current at install; the first refresh comes a week later, then weekly.
browser.runtime.onInstalled.addListener(() => {
  void browser.alarms.create(REFRESH_ALARM, { delayInMinutes: REFRESH_PERIOD_MINUTES, periodInMinutes: REFRESH_PERIOD_MINUTES });
});
browser.alarms.onAlarm.addListener(async (alarm) => {
  if (alarm.name !== REFRESH_ALARM || !(await readSettings()).filterListUpdates) return;
  const result = await refreshEasyList();
  if (!result.ok) console.warn('AdTally: filter list refresh failed, keeping the last good list:', result.error);
});
