import { formatCount, formatCtr } from '../common/format';

/** The four count columns every AdTally table row ends with: impressions, viewable, clicks and CTR. */
export function CountColumns({ row }: { row: { impressions: number; viewable: number; clicks: number } }) {
  return (
    <>
      <td>{formatCount(row.impressions)}</td>
      <td>{formatCount(row.viewable)}</td>
      <td>{formatCount(row.clicks)}</td>
      <td>{formatCtr(row.clicks, row.impressions)}</td>
    </>
  );
}
