import type { SiteStats } from '../common/types';
import { formatCtr } from '../common/format';

/** Other tools read this table by these header texts: keep them stable (issue 2). */
export const COLUMNS = ['Site', 'Impressions', 'Viewable', 'Clicks', 'CTR'] as const;

export function StatsTable({ rows, currentSite }: { rows: SiteStats[]; currentSite: string | null }) {
  return (
    <table class="stats">
      <thead>
        <tr>
          {COLUMNS.map((name) => (
            <th scope="col" key={name}>
              {name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const current = row.site === currentSite;
          return (
            <tr key={row.site} class={current ? 'current' : undefined} aria-current={current ? 'page' : undefined}>
              <th scope="row">{row.site}</th>
              <td>{row.impressions.toLocaleString('en-US')}</td>
              <td>{row.viewable.toLocaleString('en-US')}</td>
              <td>{row.clicks.toLocaleString('en-US')}</td>
              <td>{formatCtr(row.clicks, row.impressions)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
