/** Calls `onChange` with a stored key's new value whenever it changes; returns the function that stops it. */
import browser from 'webextension-polyfill';
import { changedIn } from '../common/stored/stored-key';
import type { StoredKey } from '../common/stored/stored-key';

export function watchStored<T>(def: StoredKey<T>, onChange: (value: T) => void): () => void {
  const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    const change = changedIn(changes, area, def);
    if (change) onChange(change.value);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
