import type { SiteStats, WriteProblem } from '../common/types';
import { StatsTable } from './stats-table';

export type PopupState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; rows: SiteStats[]; currentSite: string | null; writeProblem: WriteProblem | null };

/** The whole popup as a pure render of its state; `onOpenDashboard` and `onOpenOptions` open those pages. */
export function PopupView({ state, onOpenOptions, onOpenDashboard }: { state: PopupState; onOpenOptions?: () => void; onOpenDashboard?: () => void }) {
  return (
    <main>
      <header class="bar">
        <h1>AdTally</h1>
        <span class="tagline">ads you saw and clicked, counted on this device</span>
      </header>
      {state.status === 'ready' && state.writeProblem && (
        <p class="note error" role="alert" title={state.writeProblem.detail}>
          {state.writeProblem.message}
        </p>
      )}
      {state.status === 'loading' && <p class="note">Loading…</p>}
      {state.status === 'error' && (
        <p class="note error" role="alert">
          Could not read AdTally's data: {state.message}
        </p>
      )}
      {state.status === 'ready' && state.rows.length === 0 && (
        <p class="note">No ads counted yet. Browse a site with ads and they will appear here, per site.</p>
      )}
      {state.status === 'ready' && state.rows.length > 0 && (
        <StatsTable rows={state.rows} currentSite={state.currentSite} />
      )}
      {(onOpenOptions || onOpenDashboard) && (
        <footer class="links">
          {onOpenDashboard && (
            <button type="button" class="link" onClick={onOpenDashboard}>
              Dashboard
            </button>
          )}
          {onOpenOptions && (
            <button type="button" class="link" onClick={onOpenOptions}>
              Data, privacy and export
            </button>
          )}
        </footer>
      )}
    </main>
  );
}
