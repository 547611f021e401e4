import type { ComponentChildren } from 'preact';
import { CountColumns } from './count-columns';

/** The four count headers every AdTally table ends with, after its key column. */
export function CountHeads() {
  return (
    <>
      <th scope="col">Impressions</th>
      <th scope="col">Viewable</th>
      <th scope="col">Clicks</th>
      <th scope="col">CTR</th>
    </>
  );
}

export interface CountRow {
  key: string;
  /** What the key column shows (the key itself, a button, a label for the unknown value). */
  label: ComponentChildren;
  title?: string;
  class?: string;
  counts: { impressions: number; viewable: number; clicks: number };
}

/** A table of keys and their counts: the dashboard's top tables, days and sites of "My ads". */
export function CountTable({ keyLabel, rows, testId, labelledBy }: { keyLabel: string; rows: CountRow[]; testId?: string; labelledBy?: string }) {
  return (
    <table class="top" data-testid={testId} aria-labelledby={labelledBy}>
      <thead>
        <tr>
          <th scope="col">{keyLabel}</th>
          <CountHeads />
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row" class={row.class} title={row.title}>
              {row.label}
            </th>
            <CountColumns row={row.counts} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
