import type { SiteStats } from '../common/types';
import { CountColumns } from '../ui/count-columns';
import type { Sort, SortKey } from './table-view';

/** Other tools read this table by these header texts: keep them stable (issue 2). */
export const COLUMNS = ['Site', 'Impressions', 'Viewable', 'Clicks', 'CTR'] as const;
const KEYS: Record<(typeof COLUMNS)[number], SortKey> = { Site: 'site', Impressions: 'impressions', Viewable: 'viewable', Clicks: 'clicks', CTR: 'ctr' };

/**
 * The per-site table. Each header is a button that sorts by its column (again: the other way); the order
 * is announced through aria-sort, and drawn with CSS so the header text stays exactly the column name.
 */
export function StatsTable({ rows, currentSite, sort, onSort }: { rows: SiteStats[]; currentSite: string | null; sort?: Sort; onSort?: (key: SortKey) => void }) {
  return (
    <table class="stats">
      <thead>
        <tr>
          {COLUMNS.map((name) => {
            const key = KEYS[name];
            const active = sort?.key === key;
            return (
              <th scope="col" key={name} aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : undefined}>
                {onSort ? (
                  <button type="button" class="sort" onClick={() => onSort(key)} title={`Sort by ${name}`}>
                    {name}
                  </button>
                ) : (
                  name
                )}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const current = row.site === currentSite;
          return (
            <tr key={row.site} class={current ? 'current' : undefined} aria-current={current ? 'page' : undefined}>
              <th scope="row" title={row.site}>
                {row.site}
              </th>
              <CountColumns row={row} />
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
