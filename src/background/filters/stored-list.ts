import { getDb } from '../db/open';
import type { StoredFilterList } from '../db/schema';

/** The last good refreshed copy of a list, if a refresh ever succeeded. */
export async function readStoredList(id: string): Promise<StoredFilterList | undefined> {
  return (await getDb()).get('filterLists', id);
}

export async function writeStoredList(list: StoredFilterList): Promise<void> {
  await (await getDb()).put('filterLists', list);
}
