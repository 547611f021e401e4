/**
 * Background entry (service worker in Chromium, event page in Firefox). Every listener is registered
 * synchronously at the top level, so a worker woken by a message finds its listener (convention 7).
 */
import browser from 'webextension-polyfill';
import type { Runtime } from 'webextension-polyfill';
import { route } from './router';

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => route(message, sender));
