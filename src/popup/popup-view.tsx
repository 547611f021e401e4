import type { SiteStats, WriteProblem } from '../common/types';
import { SiteCard } from './site-card';
import { StatsTable } from './stats-table';
import { filterRows, RANGE_CHOICES, sortRows } from './table-view';
import type { RangeChoice, Sort, SortKey } from './table-view';

export type PopupState =
  | { status: 'loading'; upgrading?: boolean }
  | { status: 'error'; message: string }
  | {
      status: 'ready';
      /** The range the rows are for; while it differs from the chosen one, new rows are on their way. */
      range?: RangeChoice;
      rows: SiteStats[];
      currentSite: string | null;
      writeProblem: WriteProblem | null;
      paused: boolean;
      /** Whether the current site is out of the tracking scope (paused there, or not on the allow list). */
      sitePaused: boolean;
      /** The on-page audit in this tab: on, off, or null when the tab cannot have one. */
      audit?: boolean | null;
      /** Ads a person could see on the tab's page now; null when AdTally does not run in the tab. */
      pageAds?: number | null;
    };

/** What the person chose to see; kept by the popup between openings. */
export interface PopupControls {
  range: RangeChoice;
  sort: Sort;
  search: string;
}

export interface PopupActions {
  onRange?: (range: RangeChoice) => void;
  onSort?: (key: SortKey) => void;
  onSearch?: (text: string) => void;
  onTogglePause?: () => void;
  onTogglePauseSite?: (site: string) => void;
  onToggleAudit?: () => void;
  onOpenOptions?: () => void;
  onOpenDashboard?: () => void;
  onOpenWelcome?: () => void;
}

const DEFAULT_CONTROLS: PopupControls = { range: 'all', sort: { key: 'impressions', descending: true }, search: '' };

/**
 * The whole popup as a pure render of its state, the person's choices and the actions they can take.
 * `firstRows`: render only that many table rows (the first screen; the table says it is busy meanwhile).
 */
export function PopupView({ state, controls = DEFAULT_CONTROLS, firstRows, ...actions }: { state: PopupState; controls?: PopupControls; firstRows?: number } & PopupActions) {
  const rangeLabel = RANGE_CHOICES.find((r) => r.id === controls.range)?.label ?? '';
  return (
    <main>
      <header class="bar">
        <h1>AdTally</h1>
        <span class="tagline">ads you saw and clicked, counted on this device</span>
        {state.status === 'ready' && actions.onTogglePause && (
          <label class="switch global">
            <input type="checkbox" checked={state.paused} onChange={actions.onTogglePause} />
            <span>Pause everywhere</span>
          </label>
        )}
      </header>
      {state.status === 'ready' && state.writeProblem && (
        <p class="note error" role="alert" title={state.writeProblem.detail}>
          {state.writeProblem.message}
        </p>
      )}
      {state.status === 'ready' && state.paused && (
        <p class="note paused" role="status">
          Tracking is paused everywhere: no ads are counted until you resume.
        </p>
      )}
      {state.status === 'loading' && (
        <p class="note" role="status">
          {state.upgrading ? 'AdTally is updating its database for the new version. This happens once, and nothing is lost meanwhile.' : 'Loading…'}
        </p>
      )}
      {state.status === 'error' && (
        <p class="note error" role="alert">
          Could not read AdTally's data: {state.message}
        </p>
      )}
      {state.status === 'ready' && state.currentSite && (
        <SiteCard
          site={state.currentSite}
          stats={state.rows.find((r) => r.site === state.currentSite)}
          rangeLabel={rangeLabel}
          paused={state.paused || state.sitePaused}
          pausedEverywhere={state.paused}
          onTogglePause={() => actions.onTogglePauseSite?.(state.currentSite!)}
          audit={state.audit ?? null}
          pageAds={state.pageAds ?? null}
          onToggleAudit={actions.onToggleAudit}
          nothingCounted={nothingCounted(state, controls)}
        />
      )}
      {state.status === 'ready' && <Table state={state} controls={controls} firstRows={firstRows} actions={actions} />}
      {(actions.onOpenDashboard || actions.onOpenOptions || actions.onOpenWelcome) && (
        <footer class="links">
          {actions.onOpenWelcome && (
            <button type="button" class="link welcome" onClick={actions.onOpenWelcome}>
              How AdTally counts
            </button>
          )}
          {actions.onOpenDashboard && (
            <button type="button" class="link" onClick={actions.onOpenDashboard}>
              Dashboard
            </button>
          )}
          {actions.onOpenOptions && (
            <button type="button" class="link" onClick={actions.onOpenOptions}>
              Data, privacy and export
            </button>
          )}
        </footer>
      )}
    </main>
  );
}

function Table({ state, controls, firstRows, actions }: { state: Extract<PopupState, { status: 'ready' }>; controls: PopupControls; firstRows?: number; actions: PopupActions }) {
  const matching = sortRows(filterRows(state.rows, controls.search), controls.sort);
  const shown = firstRows === undefined ? matching : matching.slice(0, firstRows);
  const rangeArriving = state.range !== undefined && state.range !== controls.range;
  return (
    <section aria-label="All sites" aria-busy={rangeArriving || shown.length < matching.length}>
      <div class="controls">
        <div class="range" role="group" aria-label="Date range">
          {RANGE_CHOICES.map((choice) => (
            <button type="button" key={choice.id} aria-pressed={controls.range === choice.id} onClick={() => actions.onRange?.(choice.id)}>
              {choice.label}
            </button>
          ))}
        </div>
        <input type="search" placeholder="Search sites" aria-label="Search sites" value={controls.search} onInput={(e) => actions.onSearch?.((e.target as HTMLInputElement).value)} />
      </div>
      {state.rows.length === 0 && <EmptyState range={controls.range} onOpenWelcome={actions.onOpenWelcome} />}
      {state.rows.length > 0 && shown.length === 0 && <p class="note">No site matches “{controls.search}”.</p>}
      {shown.length > 0 && (
        // The table scrolls on its own, under its header: the popup stays one screen tall however many sites.
        <div class="table-scroll">
          <StatsTable rows={shown} currentSite={state.currentSite} sort={controls.sort} onSort={actions.onSort} />
        </div>
      )}
    </section>
  );
}

/** Nothing stored at all (all time has no row): a first run, or everything deleted. */
function nothingCounted(state: Extract<PopupState, { status: 'ready' }>, controls: PopupControls): boolean {
  return controls.range === 'all' && (state.range ?? 'all') === 'all' && state.rows.length === 0;
}

function EmptyState({ range, onOpenWelcome }: { range: RangeChoice; onOpenWelcome?: () => void }) {
  if (range !== 'all') return <p class="note">No ads counted in this period. Choose a longer range, or browse a site with ads.</p>;
  return (
    <div class="note empty" data-testid="empty-state">
      <p>
        <strong>No ads counted yet.</strong> Browse as usual: AdTally counts the ads on the pages you visit, on this device only.
      </p>
      <p>
        Each ad makes an impression when at least half of it is on screen, becomes viewable after a second in view, and your clicks on it are counted. This site's numbers
        will appear above, and every site's in a table here.
      </p>
      {onOpenWelcome && (
        <p>
          <button type="button" class="link" onClick={onOpenWelcome}>
            How AdTally counts
          </button>{' '}
          (every number, what stays on this device)
        </p>
      )}
    </div>
  );
}
