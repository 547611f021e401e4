import { CountTable } from '../ui/count-table';
import type { KeyStats } from '../common/types';
import { formatCount } from '../common/format';

/**
 * A ranked table: the first column names the key (site, advertiser …), then the counts and CTR. With
 * `onPick`, each key is a button that filters the dashboard by it.
 */
export function TopTable({
  title,
  keyLabel,
  rows,
  total,
  unknownLabel,
  onPick,
}: {
  title: string;
  keyLabel: string;
  rows: KeyStats[];
  total: number;
  unknownLabel: string;
  onPick?: (key: string) => void;
}) {
  const id = `top-${keyLabel.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section class="card" aria-labelledby={id}>
      <h2 id={id}>
        {title}
        {total > rows.length && <span class="of"> · top {rows.length} of {formatCount(total)}</span>}
      </h2>
      {rows.length === 0 ? (
        <p class="note">Nothing in this range.</p>
      ) : (
        <CountTable
          keyLabel={keyLabel}
          rows={rows.map((row) => {
            const label = row.key || unknownLabel;
            return {
              key: row.key,
              title: label,
              class: row.key ? undefined : 'unknown',
              counts: row,
              label: onPick ? (
                <button type="button" class="pick" onClick={() => onPick(row.key)} title={`Show only ${label}`}>
                  {label}
                </button>
              ) : (
                label
              ),
            };
          })}
        />
      )}
    </section>
  );
}
