/** The local calendar day of an epoch-millisecond time, as YYYY-MM-DD: the key of the daily aggregates. */
export function localDay(time: number): string {
  const d = new Date(time);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
