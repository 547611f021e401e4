/**
 * The filter lists as the options page shows and updates them. Only AdTally's own pages may send these
 * (router.ts).
 */
import type { ResponseOf, UiMessages } from '../../common/messages';
import { bundledListInfos } from '../filters/engine';
import { refreshEasyList } from '../filters/refresh';
import { readLastRefresh, recordRefresh } from '../filters/refresh-record';
import { readStoredList } from '../filters/stored-list';

export async function handleGetFilterLists(): Promise<ResponseOf<UiMessages, 'getFilterLists'>> {
  const bundled = await bundledListInfos().catch(() => []);
  const lists = await Promise.all(
    bundled.map(async (info) => {
      const stored = await readStoredList(info.id).catch(() => undefined);
      return stored ? { ...stored.info, bundled: false } : { ...info, bundled: true };
    }),
  );
  // A build without a bundled list still shows a list downloaded since.
  const easylist = lists.length === 0 ? await readStoredList('easylist').catch(() => undefined) : undefined;
  const lastRefresh = await readLastRefresh().catch(() => null);
  return { lists: easylist ? [{ ...easylist.info, bundled: false }] : lists, lastRefresh };
}

let updating: Promise<ResponseOf<UiMessages, 'updateFilterLists'>> | null = null;

/** One download at a time: a second click while one runs gets that one's result. */
export function handleUpdateFilterLists(refresh: () => ReturnType<typeof refreshEasyList> = refreshEasyList): Promise<ResponseOf<UiMessages, 'updateFilterLists'>> {
  updating ??= refresh()
    .then(async (result) => {
      await recordRefresh(result, 'manual').catch(() => {});
      return result;
    })
    .finally(() => {
      updating = null;
    });
  return updating;
}
