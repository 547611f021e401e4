import type { KeyStats } from '../common/types';
import { formatCount } from '../common/format';
import { BY_IMPRESSIONS, sortKeyed } from '../ui/sort-rows';
import type { KeyedColumn, Sort } from '../ui/sort-rows';
import { METRIC_HELP } from '../ui/metric-help';
import { CountsTable } from './counts-table';
import { ALL_ROWS, TOP_ROWS } from './top-rows';

const COLUMN_NAMES: Record<KeyedColumn, string> = { key: '', impressions: 'impressions', viewable: 'viewable', clicks: 'clicks', ctr: 'CTR', inView: 'in-view rate', viewability: 'viewability' };

/**
 * A ranked table: the first column names the key (site, advertiser …), then the counts and CTR, sorted by
 * any column. It shows the top 10 by impressions, or with "Show all" every row the background sent (all
 * of them up to 10,000). With `onPick`, each key is a button that filters the dashboard by it.
 *
 * Sorting orders the rows the table holds. While it holds only the top 10 by impressions of more, a sort
 * by anything else would pass for a ranking of all of them ("highest CTR") when it is not: the caption
 * says which rows are sorted, and "Show all" sorts them all (docs/dashboard.md).
 */
export function TopTable({
  title,
  keyLabel,
  rows,
  total,
  unknownLabel,
  showAll,
  onShowAll,
  sort,
  onSort,
  onPick,
  overallCtr = null,
  shareOf = null,
}: {
  title: string;
  keyLabel: string;
  rows: KeyStats[];
  total: number;
  unknownLabel: string;
  showAll: boolean;
  onShowAll: (all: boolean) => void;
  sort: Sort<KeyedColumn>;
  onSort: (column: KeyedColumn) => void;
  onPick?: (key: string) => void;
  /** The CTR of every ad the table covers, for its "Reading" column; null without one. */
  overallCtr?: number | null;
  /** All impressions of the range, for a "Share" column (the advertisers' share of voice); null without one. */
  shareOf?: number | null;
}) {
  const id = `top-${keyLabel.toLowerCase().replace(/\W+/g, '-')}`;
  const sorted = sortKeyed(
    rows.map((row) => ({ key: row.key, counts: row })),
    sort,
  );
  const shown = showAll ? sorted : sorted.slice(0, TOP_ROWS);
  const partial = rows.length < total;
  const byImpressions = sort.column === BY_IMPRESSIONS.column && sort.descending;
  const caption =
    partial && !byImpressions ? `Sorted by ${COLUMN_NAMES[sort.column] || keyLabel.toLowerCase()}: the ${formatCount(rows.length)} with most impressions only, of ${formatCount(total)}.` : undefined;
  return (
    <section class="card" aria-labelledby={id}>
      <h2 id={id}>
        {title}
        {total > shown.length && (
          <span class="of" title={`${formatCount(total)} rows with counts in the range (and filter); the ${shown.length} with most impressions are shown`}>
            {' '}
            · top {shown.length} of {formatCount(total)}
          </span>
        )}
      </h2>
      {rows.length === 0 ? (
        <p class="note">Nothing in this range.</p>
      ) : (
        <CountsTable
          keyLabel={keyLabel}
          keyHelp={`${keyLabel}: click a name to show only its ads.`}
          sort={sort}
          onSort={onSort}
          caption={caption}
          overallCtr={overallCtr}
          share={shareOf === null ? null : { of: () => shareOf, help: METRIC_HELP.share }}
          rows={shown.map(({ key, counts }) => {
            const label = key || unknownLabel;
            return {
              key,
              title: label,
              class: key ? undefined : 'unknown',
              counts,
              label: onPick ? (
                <button type="button" class="pick" onClick={() => onPick(key)} title={`Show only ${label}`}>
                  {label}
                </button>
              ) : (
                label
              ),
            };
          })}
        />
      )}
      {total > TOP_ROWS && (
        <button type="button" class="link more" aria-expanded={showAll} onClick={() => onShowAll(!showAll)}>
          {showAll ? `Show top ${TOP_ROWS}` : total > ALL_ROWS ? `Show the top ${formatCount(ALL_ROWS)}` : `Show all ${formatCount(total)}`}
        </button>
      )}
    </section>
  );
}
