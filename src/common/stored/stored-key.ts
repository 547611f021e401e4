/**
 * How a storage.local (or storage.session) key is read, written and watched, given its definition in this
 * folder (docs/architecture.md, "One definition per stored setting"). The storage area is a parameter, so
 * common/ stays free of extension APIs: the background and the extension pages pass `browser.storage.local`,
 * tests a plain object.
 */

/** One key: where it lives, its name, and how a stored value of any shape reads (never throws). */
export interface StoredKey<T> {
  area: 'local' | 'session';
  key: string;
  /** Lenient: a missing or malformed value reads as the key's default, as every reader did before. */
  parse(stored: unknown): T;
}

/** The part of a browser storage area the adapter uses (webextension-polyfill's `Storage.StorageArea` fits). */
export interface StorageArea {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export async function readStored<T>(area: StorageArea, def: StoredKey<T>): Promise<T> {
  return def.parse((await area.get(def.key))[def.key]);
}

/**
 * Several keys of one area in one read, each parsed: one round trip to the browser's storage instead of one
 * per key (the popup's first screen waits for three).
 */
export async function readStoredTogether<T extends unknown[]>(area: StorageArea, ...defs: { [K in keyof T]: StoredKey<T[K]> }): Promise<T> {
  const items = await area.get(defs.map((def) => def.key));
  return defs.map((def) => def.parse(items[def.key])) as T;
}

export async function writeStored<T>(area: StorageArea, def: StoredKey<T>, value: T): Promise<void> {
  await area.set({ [def.key]: value });
}

export async function removeStored<T>(area: StorageArea, def: StoredKey<T>): Promise<void> {
  await area.remove(def.key);
}

/**
 * The key's new value when a `storage.onChanged` event (its changes and area name) touched it, else null.
 * A removed key reads as its default.
 */
export function changedIn<T>(changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, areaName: string, def: StoredKey<T>): { value: T } | null {
  if (areaName !== def.area || !(def.key in changes)) return null;
  return { value: def.parse(changes[def.key]!.newValue) };
}
