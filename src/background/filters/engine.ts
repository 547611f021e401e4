import browser from 'webextension-polyfill';
import { FiltersEngine } from '@ghostery/adblocker';
import type { FilterListInfo } from '../../common/types';
import { readStoredList } from './stored-list';

export interface LoadedEngine {
  engine: FiltersEngine;
  info: FilterListInfo;
}

let loading: Promise<LoadedEngine | null> | null = null;

/**
 * The compiled EasyList, loaded once per background life: the last refreshed copy from the database when
 * there is one, else the one bundled at build time. Null when the build had no list (built-in rules only).
 */
export function getEngine(): Promise<LoadedEngine | null> {
  loading ??= load().catch((error: unknown) => {
    console.error('AdTally: could not load the filter list', error);
    loading = null;
    return null;
  });
  return loading;
}

/** Forget the loaded engine, after a refresh stored a newer one. */
export function resetEngine(): void {
  loading = null;
}

async function load(): Promise<LoadedEngine | null> {
  const stored = await readStoredList('easylist').catch(() => null);
  if (stored) return { engine: FiltersEngine.deserialize(stored.engine), info: stored.info };
  const [info] = await bundledListInfos();
  if (!info) return null;
  const bytes = new Uint8Array(await (await fetch(browser.runtime.getURL(`filters/${info.id}.engine`))).arrayBuffer());
  return { engine: FiltersEngine.deserialize(bytes), info };
}

/** What the build says about the lists it bundled (filters/lists.json); empty when it had none. */
export async function bundledListInfos(): Promise<FilterListInfo[]> {
  return (await (await fetch(browser.runtime.getURL('filters/lists.json'))).json()) as FilterListInfo[];
}
