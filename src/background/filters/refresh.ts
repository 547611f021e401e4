import { FiltersEngine } from '@ghostery/adblocker';
import type { FilterListInfo } from '../../common/types';
import { resetEngine } from './engine';
import { detectionLines, EASYLIST_URL, ENGINE_OPTIONS, listVersion, looksLikeEasyList } from './list-text.js';
import { writeStoredList } from './stored-list';

export const REFRESH_ALARM = 'adtally-filter-lists-refresh';
export const REFRESH_PERIOD_MINUTES = 7 * 24 * 60;

export type RefreshResult = { ok: true; info: FilterListInfo } | { ok: false; error: string };

/**
 * Downloads the current EasyList, compiles it and stores it as the list in use. On any failure (offline,
 * a server error, something that is not EasyList, a database error) the last good list stays in use.
 */
export async function refreshEasyList(fetchList: typeof fetch = fetch): Promise<RefreshResult> {
  try {
    const response = await fetchList(EASYLIST_URL, { signal: AbortSignal.timeout(30_000), cache: 'no-store' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const text = await response.text();
    if (!looksLikeEasyList(text)) throw new Error('the download is not EasyList');
    const engine = FiltersEngine.parse(detectionLines(text), ENGINE_OPTIONS);
    const sha256 = await sha256Hex(text);
    const info: FilterListInfo = {
      id: 'easylist',
      name: 'EasyList',
      version: listVersion(text, sha256),
      source: EASYLIST_URL,
      obtained: new Date().toISOString(),
      sha256,
      cosmeticFilters: engine.cosmetics.getFilters().length,
    };
    await writeStoredList({ id: 'easylist', info, engine: engine.serialize() });
    resetEngine();
    return { ok: true, info };
  } catch (error) {
    return { ok: false, error: String((error as Error)?.message ?? error) };
  }
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
