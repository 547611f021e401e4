import { describe, expect, it } from 'vitest';
import { changedIn, readStored, readStoredTogether, removeStored, writeStored } from './stored-key';
import type { StorageArea, StoredKey } from './stored-key';

/** A storage area as a plain object, with what the adapter asked of it. */
function fakeArea(items: Record<string, unknown> = {}) {
  const asked: string[] = [];
  const area: StorageArea = {
    get: (keys) => {
      const list = typeof keys === 'string' ? [keys] : keys;
      asked.push(`get ${list.join()}`);
      return Promise.resolve(Object.fromEntries(list.filter((key) => key in items).map((key) => [key, items[key]])));
    },
    set: (entries) => (asked.push(`set ${Object.keys(entries).join()}`), Promise.resolve(void Object.assign(items, entries))),
    remove: (key) => (asked.push(`remove ${key}`), Promise.resolve(void delete items[key])),
  };
  return { area, items, asked };
}

const COUNT: StoredKey<number> = { area: 'local', key: 'count', parse: (stored) => (typeof stored === 'number' ? stored : 0) };

describe('readStored', () => {
  it('reads its key only and parses the value', async () => {
    const { area, asked } = fakeArea({ count: 3, other: 9 });
    expect(await readStored(area, COUNT)).toBe(3);
    expect(asked).toEqual(['get count']);
  });

  it('reads a missing or malformed value as the parse says', async () => {
    expect(await readStored(fakeArea().area, COUNT)).toBe(0);
    expect(await readStored(fakeArea({ count: 'three' }).area, COUNT)).toBe(0);
  });
});

describe('readStoredTogether', () => {
  it('reads several keys in one request, each parsed by its own definition', async () => {
    const NAME: StoredKey<string> = { area: 'local', key: 'name', parse: (stored) => (typeof stored === 'string' ? stored : 'none') };
    const { area, asked } = fakeArea({ count: 3, other: 9 });
    expect(await readStoredTogether(area, COUNT, NAME)).toEqual([3, 'none']);
    expect(asked).toEqual(['get count,name']);
  });
});

describe('writeStored and removeStored', () => {
  it('write the value under its key and remove the key, leaving other keys alone', async () => {
    const { area, items } = fakeArea({ other: 9 });
    await writeStored(area, COUNT, 5);
    expect(items).toEqual({ other: 9, count: 5 });
    expect(await readStored(area, COUNT)).toBe(5);
    await removeStored(area, COUNT);
    expect(items).toEqual({ other: 9 });
  });
});

describe('changedIn', () => {
  it('gives the parsed new value when its key changed in its area', () => {
    expect(changedIn({ count: { oldValue: 1, newValue: 2 } }, 'local', COUNT)).toEqual({ value: 2 });
    expect(changedIn({ count: { oldValue: 1 } }, 'local', COUNT)).toEqual({ value: 0 });
  });

  it('is null for other keys and other areas', () => {
    expect(changedIn({ other: { newValue: 2 } }, 'local', COUNT)).toBeNull();
    expect(changedIn({ count: { newValue: 2 } }, 'session', COUNT)).toBeNull();
    expect(changedIn({ count: { newValue: 2 } }, 'sync', COUNT)).toBeNull();
  });
});
