import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import type { IDBPDatabase } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addPicture, deleteAllPictures, deletePicturesOf, hasPicture, openPicturesDb, pictureUsage } from './db';
import type { PicturesDB } from './db';
import { samplePicture } from '../../test-support/sample-pictures';

let db: IDBPDatabase<PicturesDB>;
beforeEach(async () => {
  vi.stubGlobal('indexedDB', new IDBFactory());
  db = await openPicturesDb();
});
afterEach(() => {
  db.close();
  vi.unstubAllGlobals();
});

const picture = samplePicture;

describe('the pictures database', () => {
  it('keeps the first picture of a creative', async () => {
    expect(await addPicture(db, picture('fp-1', 'a.test', { headline: 'first' }))).toBe(true);
    expect(await addPicture(db, picture('fp-1', 'b.test', { headline: 'second' }))).toBe(false);
    expect((await db.get('pictures', 'fp-1'))?.headline).toBe('first');
    expect(await hasPicture(db, 'fp-1')).toBe(true);
    expect(await hasPicture(db, 'fp-2')).toBe(false);
  });

  it('deletes a site’s pictures and those whose creative has no event left, and keeps the rest', async () => {
    await addPicture(db, picture('fp-a', 'a.test'));
    await addPicture(db, picture('fp-b', 'b.test'));
    await addPicture(db, picture('fp-gone', 'b.test'));
    // The counting database still has creatives fp-a (seen elsewhere too) and fp-b.
    expect(await deletePicturesOf(db, 'a.test', new Set(['fp-a', 'fp-b']))).toBe(2);
    expect(await db.getAllKeys('pictures')).toEqual(['fp-b']);
    // Retention: no site, only the creatives gone.
    expect(await deletePicturesOf(db, null, new Set(['fp-b']))).toBe(0);
    expect(await deletePicturesOf(db, null, new Set())).toBe(1);
  });

  it('counts pictures and their bytes, and deletes them all', async () => {
    await addPicture(db, picture('fp-1', 'a.test', { bytes: 1200 }));
    await addPicture(db, picture('fp-2', 'a.test', { bytes: 800 }));
    expect(await pictureUsage(db)).toEqual({ count: 2, bytes: 2000 });
    expect(await deleteAllPictures(db)).toBe(2);
    expect(await pictureUsage(db)).toEqual({ count: 0, bytes: 0 });
  });
});
