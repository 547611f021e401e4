import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localDay } from '../src/common/day';

const DAY = 24 * 3600_000;

export interface HistoryEvent {
  site: string;
  type: 'impression' | 'viewable' | 'click';
  daysAgo: number;
  advertiser?: string | null;
  /** Defaults: a 300×250 Google Ad Manager display ad linking to `https://<advertiser>/offer`, its own creative. */
  landingUrl?: string | null;
  kind?: string;
  network?: string | null;
  fingerprint?: string;
}

/** An NDJSON export of the given events (one per entry), written to a temporary file; returns its path. */
export function historyFile(name: string, events: HistoryEvent[]): string {
  const lines = events.map((e, n) => {
    const time = Date.now() - e.daysAgo * DAY;
    const advertiser = e.advertiser ?? null;
    return JSON.stringify({
      id: `${name}-${n}`, type: e.type, time, day: localDay(time), site: e.site, pageUrl: `https://${e.site}/`, pageViewId: `pv-${n}`, adId: 'ad1',
      rule: 'sig:gpt-div', kind: e.kind ?? 'display', network: e.network === undefined ? 'Google Ad Manager' : e.network, width: 300, height: 250,
      inFrame: false, inferred: false, focused: true, dwellMs: 0, fingerprint: e.fingerprint ?? `fp-${n}`,
      landingUrl: e.landingUrl !== undefined ? e.landingUrl : advertiser ? `https://${advertiser}/offer` : null, advertiser,
    });
  });
  const path = join(tmpdir(), `adtally-${name}-${process.pid}.ndjson`);
  writeFileSync(path, lines.join('\n'));
  return path;
}

/** `count` copies of one event. */
export const times = (count: number, event: HistoryEvent): HistoryEvent[] => Array.from({ length: count }, () => event);
