import { CountCells } from '../ui/count-cells';
import type { KeyStats } from '../common/types';

/** A ranked table: the first column names the key (site, advertiser), then the counts and CTR. */
export function TopTable({ title, keyLabel, rows, total, unknownLabel }: { title: string; keyLabel: string; rows: KeyStats[]; total: number; unknownLabel: string }) {
  const id = `top-${keyLabel.toLowerCase()}`;
  return (
    <section class="card" aria-labelledby={id}>
      <h2 id={id}>
        {title}
        {total > rows.length && <span class="of"> · top {rows.length} of {total.toLocaleString('en-US')}</span>}
      </h2>
      {rows.length === 0 ? (
        <p class="note">Nothing in this range.</p>
      ) : (
        <table class="top">
          <thead>
            <tr>
              <th scope="col">{keyLabel}</th>
              <th scope="col">Impressions</th>
              <th scope="col">Viewable</th>
              <th scope="col">Clicks</th>
              <th scope="col">CTR</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row" class={row.key ? undefined : 'unknown'} title={row.key || unknownLabel}>
                  {row.key || unknownLabel}
                </th>
                <CountCells row={row} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
