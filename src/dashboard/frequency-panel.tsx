/**
 * Frequency: how many creatives were seen once, twice, 3–5 times …, and the most-seen creatives with what
 * found them. A creative is one ad fingerprint (content/attribution/fingerprint.ts).
 */
import type { Frequency } from '../common/frequency';
import type { CellFilter } from '../common/cells';
import { formatCount } from '../common/format';
import type { Creative } from '../common/types';
import { METRIC_HELP } from '../ui/metric-help';
import { sortRows } from '../ui/sort-rows';
import type { SortValue } from '../ui/sort-rows';
import { SortHead, useSort } from './counts-table';

const SIZE_HELP = 'Size: the ad’s width × height in CSS pixels when first seen';

type CreativeColumn = 'advertiser' | 'kind' | 'network' | 'size' | 'seen' | 'clicks' | 'lastSeen' | 'rule';

/** The creatives table's columns: header text (kept: tests read it), what it sorts by, and its tooltip. */
const CREATIVE_COLUMNS: readonly { column: CreativeColumn; name: string; value: (c: Creative) => SortValue; help?: string }[] = [
  { column: 'advertiser', name: 'Advertiser', value: (c) => c.advertiser ?? '' },
  { column: 'kind', name: 'Kind', value: (c) => c.kind },
  { column: 'network', name: 'Network', value: (c) => c.network ?? '' },
  { column: 'size', name: 'Size', value: (c) => c.width * c.height, help: `${SIZE_HELP}; sorts by area.` },
  { column: 'seen', name: 'Seen', value: (c) => c.impressions, help: METRIC_HELP.seen },
  { column: 'clicks', name: 'Clicks', value: (c) => c.clicks, help: `${METRIC_HELP.clicks}. Counted over all time.` },
  { column: 'lastSeen', name: 'Last seen', value: (c) => c.lastSeen, help: METRIC_HELP.lastSeen },
  { column: 'rule', name: 'Rule', value: (c) => c.rule, help: 'Rule: the detection rule that found the ad (docs/measurement.md).' },
];
const TEXT_COLUMNS: ReadonlySet<CreativeColumn> = new Set(['advertiser', 'kind', 'network', 'rule']);
const valueOf = (c: Creative, column: CreativeColumn) => CREATIVE_COLUMNS.find((d) => d.column === column)!.value(c);

const date = (time: number) => new Date(time).toLocaleDateString('en-CA');

export function FrequencyPanel({ frequency, filter }: { frequency: Frequency; filter: CellFilter }) {
  const [sort, onSort] = useSort<CreativeColumn>({ column: 'seen', descending: true }, (column) => !TEXT_COLUMNS.has(column));
  // Ties: more impressions first, then the fingerprint, so equal rows keep one order.
  const creatives = sortRows(frequency.top, sort, valueOf, (a, b) => b.impressions - a.impressions || a.fingerprint.localeCompare(b.fingerprint));
  return (
    <div class="frequency">
      <p class="note">
        Creatives seen in this range, each counted over all time: <span title={METRIC_HELP.creatives}>{formatCount(frequency.creatives)} creatives</span>,{' '}
        <span title={METRIC_HELP.impressions}>{formatCount(frequency.impressions)} impressions</span>
        {frequency.creatives > 0 && (
          <>
            , <span title={METRIC_HELP.perCreative}>{(frequency.impressions / frequency.creatives).toFixed(1)} per creative on average</span>
          </>
        )}
        .
        {filter.site !== undefined && ' The site filter does not apply here: one creative is shown on many sites.'}
      </p>
      {frequency.creatives === 0 ? (
        <p class="note">No creative in this range.</p>
      ) : (
        <div class="frequency-tables">
          <table class="top buckets" data-testid="frequency-buckets">
            <caption>Times each creative was seen</caption>
            <thead>
              <tr>
                <th scope="col" title="Seen: how many times a creative was seen, over all time">
                  Seen
                </th>
                <th scope="col" title={METRIC_HELP.creatives}>
                  Creatives
                </th>
                <th scope="col" title={METRIC_HELP.impressions}>
                  Impressions
                </th>
              </tr>
            </thead>
            <tbody>
              {frequency.buckets.map((b) => (
                <tr key={b.label}>
                  <th scope="row" title={`Creatives seen ${b.label} ${b.label === '1' ? 'time' : 'times'}, over all time`}>
                    {b.label}
                  </th>
                  <td title={METRIC_HELP.creatives}>{formatCount(b.creatives)}</td>
                  <td title={METRIC_HELP.impressions}>{formatCount(b.impressions)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table class="top creatives" data-testid="top-creatives">
            <caption>Most-seen creatives{sort.column !== 'seen' || !sort.descending ? `: the ${frequency.top.length} most seen, sorted` : ''}</caption>
            <thead>
              <tr>
                {CREATIVE_COLUMNS.map(({ column, name, help }) => (
                  <SortHead key={column} name={name} column={column} help={help} sort={sort} onSort={onSort} />
                ))}
              </tr>
            </thead>
            <tbody>
              {creatives.map((c) => (
                <CreativeRow key={c.fingerprint} creative={c} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function CreativeRow({ creative: c }: { creative: Creative }) {
  const advertiser = c.advertiser ?? '(not shown by the ad)';
  return (
    <tr>
      <th scope="row" class={c.advertiser ? undefined : 'unknown'} title={`${advertiser}\n${c.landingUrl ?? 'no landing page seen'}\nfingerprint ${c.fingerprint}\nfirst seen ${date(c.firstSeen)}`}>
        {advertiser}
      </th>
      <td>{c.kind}</td>
      <td>{c.network ?? '—'}</td>
      <td title={SIZE_HELP}>
        {c.width}×{c.height}
      </td>
      <td title={METRIC_HELP.seen}>{formatCount(c.impressions)}</td>
      <td title={METRIC_HELP.clicks}>{formatCount(c.clicks)}</td>
      <td title={METRIC_HELP.lastSeen}>{date(c.lastSeen)}</td>
      <td class="rule" title={c.rule}>
        {c.rule}
      </td>
    </tr>
  );
}
