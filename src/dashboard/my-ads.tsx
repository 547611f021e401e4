/**
 * "My ads": the marketer's watchlist (advertiser domains, names, landing-URL patterns) with its counts over
 * the dashboard's range and where the ads were seen, site by site. The list is edited here and kept in
 * storage (watchlist-store.ts); what each kind of entry matches is in common/watchlist.ts.
 */
import { useState } from 'preact/hooks';
import { formatCount } from '../common/format';
import type { ResponseOf, UiMessages } from '../common/messages';
import { describeEntry, MAX_WATCH_ENTRIES, parseWatchEntry, sameEntry, WATCH_KINDS } from '../common/watchlist';
import type { WatchEntry, WatchKind } from '../common/watchlist';
import { nextSort, sortKeyed } from '../ui/sort-rows';
import type { KeyedColumn, Sort } from '../ui/sort-rows';
import type { Loadable } from './dashboard-view';
import { CountColumns } from '../ui/count-columns';
import { METRIC_HELP } from '../ui/metric-help';
import { median } from '../common/ctr-interval';
import { CountHeads, CountsTable, countsFirst, ReadingCell, ReadingHead, SortHead, useCountsSort } from './counts-table';

export type WatchStats = ResponseOf<UiMessages, 'getWatchStats'>;

/** Sites listed before "Show all": a campaign can run on hundreds. */
const SITES_SHOWN = 10;

const KIND_LABELS: Record<WatchKind, string> = { domain: 'Advertiser domain', name: 'Name in the domain', url: 'Landing-URL pattern' };
const PLACEHOLDERS: Record<WatchKind, string> = { domain: 'acme.com', name: 'acme', url: 'https://acme.com/winter-sale*' };

export function MyAds({
  entries,
  stats,
  rangeLabel,
  onChange,
}: {
  entries: WatchEntry[];
  stats: Loadable<WatchStats>;
  rangeLabel: string;
  onChange: (entries: WatchEntry[]) => void;
}) {
  const [kind, setKind] = useState<WatchKind>('domain');
  const [error, setError] = useState<string | null>(null);
  const [breakdown, setBreakdown] = useState<number>(-1);
  const [allSites, setAllSites] = useState(false);
  const [siteSort, onSiteSort] = useCountsSort();
  // The entries keep the list's order until a header is clicked.
  const [entrySort, setEntrySort] = useState<Sort<KeyedColumn> | null>(null);
  const onEntrySort = (column: KeyedColumn) => setEntrySort((s) => (s ? nextSort(s, column, countsFirst) : { column, descending: countsFirst(column) }));

  const add = (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const input = form.elements.namedItem('value') as HTMLInputElement;
    const parsed = parseWatchEntry(kind, input.value);
    if (!parsed.ok) return setError(parsed.error);
    if (entries.some((e) => sameEntry(e, parsed.entry))) return setError(`${describeEntry(parsed.entry)} is already on the list.`);
    if (entries.length >= MAX_WATCH_ENTRIES) return setError(`The list holds at most ${MAX_WATCH_ENTRIES} entries.`);
    setError(null);
    input.value = '';
    onChange([...entries, parsed.entry]);
  };
  const remove = (entry: WatchEntry) => {
    setBreakdown(-1);
    onChange(entries.filter((e) => !sameEntry(e, entry)));
  };

  const ready = stats.status === 'ready' && stats.value.entries.length === entries.length ? stats.value : null;
  const shown = ready ? (breakdown >= 0 && breakdown < entries.length ? ready.entries[breakdown]! : ready.combined) : null;
  // The Reading reads My ads against every ad of the range, unfiltered, as My ads are.
  const overallCtr = ready && ready.allAds.impressions > 0 ? ready.allAds.clicks / ready.allAds.impressions : null;
  const entriesMedian = ready ? median(ready.entries.map((e) => e.totals.impressions)) : 0;
  return (
    <section class="card my-ads" aria-labelledby="my-ads-title">
      <h2 id="my-ads-title">
        My ads <span class="of">· {rangeLabel}</span>
      </h2>
      <form class="watch-add" onSubmit={add} aria-label="Watch an advertiser">
        <select aria-label="What to watch" value={kind} onChange={(e) => setKind((e.currentTarget as HTMLSelectElement).value as WatchKind)}>
          {WATCH_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
        <input name="value" aria-label={KIND_LABELS[kind]} placeholder={PLACEHOLDERS[kind]} autoComplete="off" spellcheck={false} aria-invalid={error !== null} aria-describedby="watch-error" />
        <button type="submit">Watch</button>
      </form>
      <p id="watch-error" class="note error" role="alert" hidden={error === null}>
        {error}
      </p>
      {entries.length === 0 ? (
        <p class="note empty">
          Add your advertiser domain (the site your ads link to), a brand name, or a campaign's landing-URL pattern, to see where your ads were shown, whether they were seen and how
          often they were clicked.
        </p>
      ) : stats.status === 'error' ? (
        <p class="note error" role="alert">
          Could not read AdTally's data: {stats.message}
        </p>
      ) : !ready ? (
        <p class="note">Counting…</p>
      ) : (
        <>
          <table class="top watch" data-testid="watch-entries">
            <thead>
              <tr>
                <SortHead name="Watching" column="key" help="Watching: the entries of your list, each matching ads by advertiser domain, name or landing URL." sort={entrySort ?? undefined} onSort={onEntrySort} />
                <CountHeads sort={entrySort ?? undefined} onSort={onEntrySort} />
                {overallCtr !== null && <ReadingHead />}
                <th scope="col">
                  <span class="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {entryRows(entries, ready, entrySort).map(({ entry, counts }) => (
                <tr key={`${entry.kind}:${entry.value}`}>
                  <th scope="row" title={`${KIND_LABELS[entry.kind]}: ${entry.value}`}>
                    {describeEntry(entry)}
                  </th>
                  <CountColumns row={counts} rates />
                  {overallCtr !== null && <ReadingCell counts={counts} overallCtr={overallCtr} medianImpressions={entriesMedian} />}
                  <td>
                    <button type="button" class="link" onClick={() => remove(entry)} aria-label={`Stop watching ${describeEntry(entry)}`}>
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
            {entries.length > 1 && (
              <tfoot>
                <tr>
                  <th scope="row">All my ads</th>
                  <CountColumns row={ready.combined.totals} rates />
                  {overallCtr !== null && <td />}
                  <td />
                </tr>
              </tfoot>
            )}
          </table>
          <div class="by-site-title">
            <h3 id="my-ads-sites">
              Where they were seen{' '}
              <span class="of" title="Sites where these ads were counted in the range">
                · {formatCount(shown!.bySite.length)} sites
              </span>
            </h3>
            {entries.length > 1 && (
              <select aria-label="Sites of" value={breakdown} onChange={(e) => setBreakdown(Number((e.currentTarget as HTMLSelectElement).value))}>
                <option value={-1}>All my ads</option>
                {entries.map((entry, i) => (
                  <option key={`${entry.kind}:${entry.value}`} value={i}>
                    {describeEntry(entry)}
                  </option>
                ))}
              </select>
            )}
          </div>
          {shown!.bySite.length === 0 ? (
            <p class="note">None of these ads was seen in this range.</p>
          ) : (
            <CountsTable
              keyLabel="Site"
              keyHelp="Site: the registrable domain of the page the ad was on."
              labelledBy="my-ads-sites"
              testId="watch-sites"
              sort={siteSort}
              onSort={onSiteSort}
              share={{ of: (site) => ready!.siteImpressions?.[site] ?? 0, help: METRIC_HELP.siteShare }}
              overallCtr={overallCtr}
              // Every site is here: sorted first, so the first ten are the top ten of whatever column.
              rows={sortKeyed(
                shown!.bySite.map((row) => ({ key: row.key, label: row.key, title: row.key, counts: row })),
                siteSort,
              ).slice(0, allSites ? undefined : SITES_SHOWN)}
            />
          )}
          {shown!.bySite.length > SITES_SHOWN && (
            <button type="button" class="link more" aria-expanded={allSites} onClick={() => setAllSites(!allSites)}>
              {allSites ? `Show the top ${SITES_SHOWN} sites` : `Show all ${formatCount(shown!.bySite.length)} sites`}
            </button>
          )}
          <p class="note source">
            {ready.source === 'events'
              ? 'Counted from the stored events: a landing-URL pattern needs each ad’s address.'
              : 'Counted from the daily totals. An ad counts once in “All my ads” even when several entries match it.'}
          </p>
        </>
      )}
    </section>
  );
}

/** The watched entries with their counts, in the list's order or, once a header was clicked, sorted. */
function entryRows(entries: WatchEntry[], stats: WatchStats, sort: Sort<KeyedColumn> | null) {
  const rows = entries.map((entry, i) => ({ key: describeEntry(entry), entry, counts: stats.entries[i]!.totals }));
  return sort ? sortKeyed(rows, sort) : rows;
}
