/** CTR as the popup shows it: a percentage with one decimal, or an em dash when there were no impressions. */
export function formatCtr(clicks: number, impressions: number): string {
  if (impressions <= 0) return '—';
  return `${((clicks / impressions) * 100).toFixed(1)}%`;
}
