import { formatCtr } from '../common/format';

/** The four count cells every AdTally table row ends with: impressions, viewable, clicks and CTR. */
export function CountCells({ row }: { row: { impressions: number; viewable: number; clicks: number } }) {
  return (
    <>
      <td>{row.impressions.toLocaleString('en-US')}</td>
      <td>{row.viewable.toLocaleString('en-US')}</td>
      <td>{row.clicks.toLocaleString('en-US')}</td>
      <td>{formatCtr(row.clicks, row.impressions)}</td>
    </>
  );
}
