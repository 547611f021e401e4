/**
 * The options page's one connection to the extension (docs/architecture.md, "The UI is a pure render"): settings and the user's rules in
 * storage.local, data and filter lists through messages to the background, and the browser's storage estimate. Components call these and never
 * `browser.*` themselves.
 */
export { loadSettings, saveSettings } from '../ui/settings-store';
export { loadUserRulesText, saveUserRulesText, watchUserRulesText } from '../ui/user-rules-text';

export { sendToBackground as send } from '../ui/send';

export interface StorageState {
  usedBytes: number | null;
  persisted: boolean | null;
}

/**
 * How much the extension's origin stores, and whether the browser keeps it under storage pressure. Asks
 * for persistence once: with `unlimitedStorage` Chromium grants it silently; Firefox may ask the user.
 */
export async function storageState(): Promise<StorageState> {
  const storage = navigator.storage;
  if (!storage?.estimate) return { usedBytes: null, persisted: null };
  let persisted = (await storage.persisted?.()) ?? null;
  if (persisted === false && storage.persist) persisted = await storage.persist().catch(() => false);
  const { usage } = await storage.estimate();
  return { usedBytes: usage ?? null, persisted };
}
