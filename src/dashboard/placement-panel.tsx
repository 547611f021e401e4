/**
 * Placement: CTR, in-view rate and viewability rate above and below the fold, per IAB size and per kind
 * (common/placement.ts, docs/dashboard.md). Every site and advertiser of the range: the filter bar does not
 * apply (docs/architecture.md, Decisions).
 */
import { sizeLabel } from '../common/ad-size';
import type { PlacementStats } from '../common/messages';
import type { KeyStats } from '../common/types';
import { METRIC_HELP } from '../ui/metric-help';
import { sortKeyed } from '../ui/sort-rows';
import { CountsTable, useCountsSort } from './counts-table';

const FOLD_LABELS: Record<string, string> = { above: 'Above the fold', below: 'Below the fold', '': 'Unknown' };

/** The three cuts, each a table: its key column's name and help, and how a key reads. */
const CUTS: readonly { part: 'fold' | 'size' | 'kind'; name: string; help: string; label: (key: string) => string }[] = [
  { part: 'fold', name: 'Placement', help: METRIC_HELP.fold, label: (key) => FOLD_LABELS[key] ?? key },
  { part: 'size', name: 'Size', help: METRIC_HELP.sizeClass, label: sizeLabel },
  { part: 'kind', name: 'Kind', help: 'Kind: display, native, search, social, shopping or video (docs/measurement.md)', label: (key) => key },
];

export function PlacementPanel({ stats }: { stats: PlacementStats }) {
  const empty = stats.fold.length === 0;
  return (
    <div class="placement">
      <p class="note">Every site and advertiser of the range: the filters above do not apply here.</p>
      {empty ? (
        <p class="note">Nothing in this range.</p>
      ) : (
        <div class="placement-tables">
          {CUTS.map((cut) => (
            <CutTable key={cut.part} rows={stats[cut.part]} {...cut} />
          ))}
        </div>
      )}
    </div>
  );
}

function CutTable({ part, name, help, label, rows }: { part: string; name: string; help: string; label: (key: string) => string; rows: KeyStats[] }) {
  const [sort, onSort] = useCountsSort();
  const sorted = sortKeyed(
    rows.map((row) => ({ key: row.key, counts: row })),
    sort,
  );
  return (
    <CountsTable
      keyLabel={name}
      keyHelp={help}
      testId={`placement-${part}`}
      sort={sort}
      onSort={onSort}
      rows={sorted.map(({ key, counts }) => ({ key, counts, label: label(key), title: `${label(key)}. ${help}`, class: key ? undefined : 'unknown' }))}
    />
  );
}
