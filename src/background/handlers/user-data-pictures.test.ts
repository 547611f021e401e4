import type { IDBPDatabase } from 'idb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { storedEvent, useFreshDb } from '../../test-support/fresh-db';
import { writeEvents } from '../db/events';
import { addPicture, openPicturesDb } from '../pictures/db';
import type { PicturesDB } from '../pictures/db';
import { samplePicture } from '../../test-support/sample-pictures';
import { handleDeleteData } from './user-data';

const db = useFreshDb();
vi.mock('../db/open', () => ({ getDb: () => Promise.resolve(db()) }));
// A pictures database per test, in the test's fresh IndexedDB (the real one is cached for the worker's life).
let pictures: IDBPDatabase<PicturesDB>;
vi.mock('../pictures/db', async (original) => ({ ...(await original<typeof import('../pictures/db')>()), getPicturesDb: () => Promise.resolve(pictures) }));
beforeEach(async () => {
  pictures = await openPicturesDb();
});

const picture = samplePicture;

describe('deleting data deletes pictures', () => {
  beforeEach(async () => {
    await writeEvents(db(), [
      storedEvent({ site: 'a.test', fingerprint: 'fp-shared' }),
      storedEvent({ site: 'b.test', fingerprint: 'fp-shared' }),
      storedEvent({ site: 'b.test', fingerprint: 'fp-only-b' }),
      storedEvent({ site: 'b.test', fingerprint: 'fp-b-pictured-on-c' }),
      storedEvent({ site: 'c.test', fingerprint: 'fp-only-c' }),
    ]);
    for (const [fingerprint, site] of [
      ['fp-shared', 'a.test'],
      ['fp-only-b', 'b.test'],
      ['fp-b-pictured-on-c', 'c.test'],
      ['fp-only-c', 'c.test'],
    ] as const)
      await addPicture(pictures, picture(fingerprint, site));
  });

  it('one site: the pictures taken there, and those of creatives left with no event', async () => {
    await handleDeleteData({ site: 'b.test' });
    // fp-only-b was taken on b.test; fp-b-pictured-on-c was taken elsewhere but its creative has no event left.
    expect(await pictures.getAllKeys('pictures')).toEqual(['fp-only-c', 'fp-shared']);
  });

  it('everything: every picture', async () => {
    await handleDeleteData({ site: null });
    expect(await pictures.count('pictures')).toBe(0);
  });
});
