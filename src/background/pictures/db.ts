/**
 * The pictures database (docs/architecture.md, "Pictures in their own database"): one store of creative
 * pictures keyed by fingerprint, apart from the counting database, so a picture problem (quota, a bad blob,
 * an upgrade) never touches a count and the counting database's reads stay lean. Its own small schema.
 */
import { openDB } from 'idb';
import type { DBSchema, IDBPDatabase } from 'idb';
import type { PictureInfo } from '../../common/pictures';

export const PICTURES_DB_NAME = 'adtally-pictures';
export const PICTURES_DB_VERSION = 1;

/** A stored picture: its description and the image itself. */
export interface StoredPicture extends PictureInfo {
  blob: Blob;
}

export interface PicturesDB extends DBSchema {
  pictures: {
    key: string;
    value: StoredPicture;
    /** Deleting a site's data deletes the pictures taken there. */
    indexes: { site: string };
  };
}

export function openPicturesDb(name = PICTURES_DB_NAME): Promise<IDBPDatabase<PicturesDB>> {
  return openDB<PicturesDB>(name, PICTURES_DB_VERSION, {
    upgrade: (db, oldVersion) => {
      if (oldVersion < 1) db.createObjectStore('pictures', { keyPath: 'fingerprint' }).createIndex('site', 'site');
    },
  });
}

let opening: Promise<IDBPDatabase<PicturesDB>> | null = null;

/** Opened lazily once per worker life and cached, like the counting database; a failed open is retried next time. */
export function getPicturesDb(): Promise<IDBPDatabase<PicturesDB>> {
  opening ??= openPicturesDb().catch((error: unknown) => {
    opening = null;
    throw error;
  });
  return opening;
}

/** Stores a picture unless the creative has one already (the first picture of a creative is kept). */
export async function addPicture(db: IDBPDatabase<PicturesDB>, picture: StoredPicture): Promise<boolean> {
  const tx = db.transaction('pictures', 'readwrite');
  const had = await tx.store.getKey(picture.fingerprint);
  if (had === undefined) await tx.store.put(picture);
  await tx.done;
  return had === undefined;
}

export async function hasPicture(db: IDBPDatabase<PicturesDB>, fingerprint: string): Promise<boolean> {
  return (await db.getKey('pictures', fingerprint)) !== undefined;
}

/**
 * Deletes the pictures taken on `site` and those whose creative is not among `creatives` (its events are all
 * gone: the counting database deletes a creative record with its last event). Returns how many.
 */
export async function deletePicturesOf(db: IDBPDatabase<PicturesDB>, site: string | null, creatives: ReadonlySet<string>): Promise<number> {
  const doomed: string[] = site ? await db.getAllKeysFromIndex('pictures', 'site', site) : [];
  const siteKeys = new Set(doomed);
  for (const fingerprint of await db.getAllKeys('pictures')) {
    if (!siteKeys.has(fingerprint) && !creatives.has(fingerprint)) doomed.push(fingerprint);
  }
  if (doomed.length === 0) return 0;
  const tx = db.transaction('pictures', 'readwrite');
  await Promise.all([...doomed.map((key) => tx.store.delete(key)), tx.done]);
  return doomed.length;
}

/** Deletes every picture; returns how many there were. */
export async function deleteAllPictures(db: IDBPDatabase<PicturesDB>): Promise<number> {
  const tx = db.transaction('pictures', 'readwrite');
  const count = await tx.store.count();
  await Promise.all([tx.store.clear(), tx.done]);
  return count;
}

/** How many pictures and their image bytes, from the descriptions (no blob is read). */
export async function pictureUsage(db: IDBPDatabase<PicturesDB>): Promise<{ count: number; bytes: number }> {
  let count = 0;
  let bytes = 0;
  let cursor = await db.transaction('pictures').store.openCursor();
  while (cursor) {
    count++;
    bytes += cursor.value.bytes;
    cursor = await cursor.continue();
  }
  return { count, bytes };
}
