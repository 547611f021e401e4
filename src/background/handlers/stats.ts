import browser from 'webextension-polyfill';
import type { ResponseOf, UiMessages } from '../../common/messages';
import { siteOf } from '../../common/site';
import type { DayRange } from '../../common/types';
import { getDb } from '../db/open';
import { readSiteTotals } from '../db/totals';
import { readWriteProblem } from '../storage/write-health';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The popup's table: per-site totals over the days asked for, the site of the popup's tab, and any write problem. */
export async function handleGetStats(payload: { tabId: unknown; days: unknown }): Promise<ResponseOf<UiMessages, 'getStats'>> {
  const [rows, writeProblem] = await Promise.all([readSiteTotals(await getDb(), dayRange(payload.days)), readWriteProblem()]);
  let currentSite: string | null = null;
  if (typeof payload.tabId === 'number') {
    try {
      currentSite = siteOf((await browser.tabs.get(payload.tabId)).url);
    } catch {
      currentSite = null; // the tab was closed meanwhile
    }
  }
  return { rows, currentSite, writeProblem };
}

/** The days asked for, keeping only well-formed ends (anything else is an open end). */
export function dayRange(value: unknown): DayRange {
  const range = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const days: DayRange = {};
  if (typeof range.from === 'string' && DAY.test(range.from)) days.from = range.from;
  if (typeof range.to === 'string' && DAY.test(range.to)) days.to = range.to;
  return days;
}
