/** Plain words for the filter-list section: where a list came from, and why an update failed. */
import { formatCount } from '../common/format';
import type { FilterListInfo, FilterListStatus, RefreshAttempt } from '../common/types';

/** Why a download failed, for a person: refresh.ts reports the browser's or server's own words. */
export function updateFailureText(error: string): string {
  if (/timed? ?out|timeout|aborted/i.test(error)) return 'easylist.to did not answer within 30 seconds.';
  if (/failed to fetch|networkerror|network error|load failed|ENOTFOUND|ERR_/i.test(error)) {
    return 'AdTally could not reach easylist.to. Check that this computer is online.';
  }
  const http = /^HTTP (\d+)/.exec(error);
  if (http) return `easylist.to answered with an error (HTTP ${http[1]}).`;
  if (/not EasyList/i.test(error)) return 'What arrived was not EasyList (a network login page or proxy may have answered instead).';
  return `The update failed: ${error}.`;
}

export function updateResultText(result: { ok: true; info: FilterListInfo } | { ok: false; error: string }, inUse: FilterListStatus[]): string {
  if (result.ok) return `Updated: ${result.info.name} ${result.info.version}, ${formatCount(result.info.cosmeticFilters)} element rules.`;
  const kept = inUse.map((l) => `${l.name} ${l.version}`).join(', ');
  return `Could not update. ${updateFailureText(result.error)} ${kept ? `AdTally keeps using ${kept}.` : 'AdTally keeps using its built-in rules.'}`;
}

/** Where the list in use came from. */
export function originText(list: FilterListStatus): string {
  return list.bundled ? `Built into AdTally, from ${list.source}` : `Downloaded from ${list.source}`;
}

/** A day and time without seconds, in the person's own locale and zone. */
export function obtainedText(iso: string, locale?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return 'unknown';
  return date.toLocaleString(locale, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** The last download tried, in a sentence: when, whether weekly or asked for, and how it ended. */
export function lastRefreshText(attempt: RefreshAttempt, locale?: string): string {
  const when = obtainedText(new Date(attempt.time).toISOString(), locale);
  const what = attempt.trigger === 'weekly' ? 'Last weekly download' : 'Last download (Update now)';
  return attempt.ok ? `${what}: ${when}, succeeded.` : `${what}: ${when}, failed. ${updateFailureText(attempt.error ?? '')} The list above stays in use.`;
}
