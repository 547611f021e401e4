/**
 * The charts' numbers as a table, for people who cannot read a canvas and for checking a day exactly: every
 * day of the range with any counts, newest first, sortable by any column (always by day: the table
 * checks the chart's points, weekly or not), with each day's in-view and viewability rates ("n/a" for a
 * day from before measured ads were counted). Rendered only while open (all time can be years of days).
 */
import { useState } from 'preact/hooks';
import { localDay } from '../common/day';
import { sortKeyed } from '../ui/sort-rows';
import { CountsTable, useCountsSort } from './counts-table';
import type { ChartColumns, MeasuredCounts } from './series';

/** The days open newest first, and a click on "Day" flips them; counts start highest first. */
const NEWEST_FIRST = { column: 'key', descending: true } as const;

export function DayTable({ columns, measured }: { columns: ChartColumns; measured: Record<string, MeasuredCounts> }) {
  const [open, setOpen] = useState(false);
  const [sort, onSort] = useCountsSort(NEWEST_FIRST, () => true);
  const days = columns[0]
    .map((seconds, i) => {
      const day = localDay(seconds * 1000);
      return { day, impressions: columns[1][i]!, viewable: columns[2][i]!, clicks: columns[3][i]!, ...measured[day] };
    })
    .filter((d) => d.impressions > 0 || d.viewable > 0 || d.clicks > 0 || (d.measured ?? 0) > 0);
  return (
    <details class="days" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>The days as a table</summary>
      {open &&
        (days.length === 0 ? (
          <p class="note">No day in this range has any counts.</p>
        ) : (
          <CountsTable
            keyLabel="Day"
            keyHelp="Day: a local calendar day, midnight to midnight on this device's clock."
            sort={sort}
            onSort={onSort}
            rows={sortKeyed(
              days.map((d) => ({ key: d.day, label: d.day, counts: d })),
              sort,
            )}
          />
        ))}
    </details>
  );
}
