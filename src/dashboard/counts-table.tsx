/**
 * The dashboard's tables of keys and their counts (top tables, the days, My ads' sites): each header is a
 * button that sorts by its column (again: the other way), the order announced by aria-sort and drawn with
 * CSS so the header text stays exactly the column name (the e2e tests read tables by it). Every number and
 * header carries its definition as a tooltip (ui/metric-help.ts).
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { CountColumns } from '../ui/count-columns';
import { median, readingOf } from '../common/ctr-interval';
import { formatCount, formatRate } from '../common/format';
import { METRIC_HELP, READING_WORDS } from '../ui/metric-help';
import { ariaSort, BY_IMPRESSIONS, nextSort } from '../ui/sort-rows';
import type { CountColumn, KeyedColumn, KeyedCounts, Sort } from '../ui/sort-rows';

const COUNT_HEADS: readonly { column: CountColumn; name: string }[] = [
  { column: 'impressions', name: 'Impressions' },
  { column: 'viewable', name: 'Viewable' },
  { column: 'clicks', name: 'Clicks' },
  { column: 'ctr', name: 'CTR' },
  { column: 'inView', name: 'In view' },
  { column: 'viewability', name: 'Viewability' },
];

const HEAD_HELP: Record<CountColumn, string> = {
  impressions: METRIC_HELP.impressions,
  viewable: METRIC_HELP.viewable,
  clicks: METRIC_HELP.clicks,
  ctr: `${METRIC_HELP.ctr}. Sorted by CTR, highest first ranks by the low end of its 95% interval, so a few lucky clicks on a handful of impressions do not come first (docs/dashboard.md).`,
  inView: METRIC_HELP.inViewRate,
  viewability: METRIC_HELP.viewabilityRate,
};


/** A header cell: sorting, when the table sorts, with its definition as a tooltip either way. */
export function SortHead<C extends string>({
  name,
  column,
  help,
  sort,
  onSort,
  class: className,
}: {
  name: string;
  column: C;
  help?: string;
  sort?: Sort<C>;
  onSort?: (column: C) => void;
  /** The column's class, so a header aligns with its cells (the Reading's words are left-aligned). */
  class?: string;
}) {
  const title = [help, onSort && `Click to sort by ${name}; again for the other way.`].filter(Boolean).join(' ');
  return (
    <th scope="col" class={className} aria-sort={sort ? ariaSort(sort, column) : undefined} title={title || undefined}>
      {onSort ? (
        <button type="button" class="sort" onClick={() => onSort(column)}>
          {name}
        </button>
      ) : (
        name
      )}
    </th>
  );
}

/** The count headers (with the two measured rates, unless `rates` is false), sorting when given a sort. */
export function CountHeads({ sort, onSort, rates = true }: { sort?: Sort<KeyedColumn>; onSort?: (column: KeyedColumn) => void; rates?: boolean }) {
  return (
    <>
      {COUNT_HEADS.filter(({ column }) => rates || (column !== 'inView' && column !== 'viewability')).map(({ column, name }) => (
        <SortHead key={column} name={name} column={column} help={HEAD_HELP[column]} sort={sort} onSort={onSort} />
      ))}
    </>
  );
}

/** A sort that starts as given and follows clicks on the headers. */
export function useSort<C extends string>(initial: Sort<C>, startsDescending: (column: C) => boolean): [Sort<C>, (column: C) => void] {
  const [sort, setSort] = useState(initial);
  return [sort, (column: C) => setSort((s) => nextSort(s, column, startsDescending))];
}

/** Counts start highest first, keys A to Z. */
export const countsFirst = (column: KeyedColumn): boolean => column !== 'key';

export function useCountsSort(initial: Sort<KeyedColumn> = BY_IMPRESSIONS, startsDescending = countsFirst) {
  return useSort<KeyedColumn>(initial, startsDescending);
}

export interface CountRow extends KeyedCounts {
  /** What the key column shows (the key itself, a button, a label for the unknown value). */
  label: ComponentChildren;
  title?: string;
  class?: string;
}

/** A table of keys and their counts, its rows given in the order to show. */
export function CountsTable({
  keyLabel,
  keyHelp,
  rows,
  sort,
  onSort,
  caption,
  testId,
  labelledBy,
  rates = true,
  overallCtr = null,
  share = null,
}: {
  keyLabel: string;
  keyHelp?: string;
  rows: CountRow[];
  /** Without a sort the headers are plain: the rows keep an order of their own (the insight chart's, My ads first). */
  sort?: Sort<KeyedColumn>;
  onSort?: (column: KeyedColumn) => void;
  caption?: ComponentChildren;
  testId?: string;
  labelledBy?: string;
  /** The in-view and viewability rates: rows from the daily totals have them, the chart's days do not. */
  rates?: boolean;
  /** The CTR of all ads the table's rows are part of: given, a "Reading" column says where a row clearly differs. */
  overallCtr?: number | null;
  /** Given, a "Share" column: each row's impressions ÷ `of(key)`, the impressions it is a share of (share of voice). */
  share?: { of: (key: string) => number; help: string } | null;
}) {
  const middle = median(rows.map((row) => row.counts.impressions));
  return (
    <table class="top" data-testid={testId} aria-labelledby={labelledBy}>
      {caption && <caption class="sorted-note">{caption}</caption>}
      <thead>
        <tr>
          <SortHead name={keyLabel} column="key" help={keyHelp} sort={sort} onSort={onSort} />
          <CountHeads sort={sort} onSort={onSort} rates={rates} />
          {share && <SortHead name="Share" column="share" help={share.help} />}
          {overallCtr !== null && <ReadingHead />}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row" class={row.class} title={row.title}>
              {row.label}
            </th>
            <CountColumns row={row.counts} rates={rates} />
            {share && <ShareCell impressions={row.counts.impressions} of={share.of(row.key)} help={share.help} />}
            {overallCtr !== null && <ReadingCell counts={row.counts} overallCtr={overallCtr} medianImpressions={middle} />}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The Reading column's header, aligned with its words (left), not with the numbers. */
export function ReadingHead() {
  return <SortHead name="Reading" column="reading" help={METRIC_HELP.reading} class="reading" />;
}

/** A row's reading in plain words, blank where its CTR is not clearly different. */
export function ReadingCell({ counts, overallCtr, medianImpressions }: { counts: { clicks: number; impressions: number }; overallCtr: number; medianImpressions: number }) {
  const reading = readingOf(counts.clicks, counts.impressions, overallCtr, medianImpressions);
  return (
    <td class="reading" title={METRIC_HELP.reading}>
      {reading ? READING_WORDS[reading] : ''}
    </td>
  );
}

/** A row's share of some impressions, with how many of how many. */
function ShareCell({ impressions, of, help }: { impressions: number; of: number; help: string }) {
  return <td title={`${formatCount(impressions)} of ${formatCount(of)} impressions. ${help}`}>{formatRate(of > 0 ? impressions / of : null)}</td>;
}
