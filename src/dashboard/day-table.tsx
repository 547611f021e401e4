/**
 * The charts' numbers as a table, for people who cannot read a canvas and for checking a day exactly: every
 * day of the range with any counts, newest first. Rendered only while open (all time can be years of days).
 */
import { useState } from 'preact/hooks';
import { localDay } from '../common/day';
import { CountTable } from '../ui/count-table';
import type { ChartColumns } from './series';

export function DayTable({ columns }: { columns: ChartColumns }) {
  const [open, setOpen] = useState(false);
  const days = columns[0]
    .map((seconds, i) => ({ day: localDay(seconds * 1000), impressions: columns[1][i]!, viewable: columns[2][i]!, clicks: columns[3][i]! }))
    .filter((d) => d.impressions > 0 || d.viewable > 0 || d.clicks > 0)
    .reverse();
  return (
    <details class="days" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>The days as a table</summary>
      {open &&
        (days.length === 0 ? (
          <p class="note">No day in this range has any counts.</p>
        ) : (
          <CountTable keyLabel="Day" rows={days.map((d) => ({ key: d.day, label: d.day, counts: d }))} />
        ))}
    </details>
  );
}
