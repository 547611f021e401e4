import type { DbUpgrade } from '../common/stored/db-upgrade-notice';
import { formatCount } from '../common/format';

/**
 * What the dashboard shows while the database is upgraded after an AdTally update (db/backfill.ts): the walk
 * over the stored events sums the views a newer schema added a chunk at a time, so until it ends those views
 * count only the events walked so far (`partialViews`). The totals by site, advertiser, network and kind,
 * the chart without a filter, and frequency were complete before it and stay so.
 * `finished`: the walk ended while this page was open; what it shows was read before.
 */
export type UpgradeState = { status: 'running'; upgrade: DbUpgrade } | { status: 'finished' } | null;

export function UpgradeBanner({ state, onReload }: { state: UpgradeState; onReload: () => void }) {
  if (!state) return null;
  if (state.status === 'finished') {
    return (
      <p class="upgrade-banner" role="status" data-testid="upgrade-banner">
        AdTally finished updating its database. <button type="button" onClick={onReload}>Reload</button> to see every view complete.
      </p>
    );
  }
  const { from, done, total } = state.upgrade;
  const progress = done !== undefined && total !== undefined && total > 0 ? ` (${formatCount(done)} of ${formatCount(total)} stored events, ${Math.floor((done / total) * 100)}%)` : '';
  const partial = partialViews(from);
  return (
    <p class="upgrade-banner" role="status" data-testid="upgrade-banner">
      AdTally is updating its database for the new version{progress}; nothing is lost meanwhile.{' '}
      {partial.length > 0
        ? `Until it is done, ${listOf(partial)} count only the events it has reached; the other views are complete.`
        : 'Every view is complete; landing-URL patterns answer more slowly until it is done.'}
    </p>
  );
}

/**
 * The views whose numbers a database of version `from` gets only from the walk (schema.ts's backfills):
 * version 6 added the site × advertiser × network × kind cells that filtered views and My ads by domain or name
 * read, version 7 placement
 * and time in view. Version 8's landing-host index is not listed: until it is filled, patterns read every
 * event of the range, complete but slower (handlers/dashboard-data.ts).
 */
export function partialViews(from: number): string[] {
  return [...(from < 6 ? ['filtered views', 'My ads by domain or name'] : []), ...(from < 7 ? ['placement', 'time in view'] : [])];
}

function listOf(items: string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** The banner's state after a notice change: a notice that goes away while the page is open leaves "finished". */
export function nextUpgradeState(previous: UpgradeState, upgrade: DbUpgrade | null): UpgradeState {
  if (upgrade) return { status: 'running', upgrade };
  return previous ? { status: 'finished' } : null;
}
