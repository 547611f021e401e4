import type { SiteStats } from '../common/types';
import { StatsTable } from './stats-table';

export type PopupState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; rows: SiteStats[]; currentSite: string | null };

/** The whole popup as a pure render of its state. */
export function PopupView({ state }: { state: PopupState }) {
  return (
    <main>
      <header class="bar">
        <h1>AdTally</h1>
        <span class="tagline">ads you saw and clicked, counted on this device</span>
      </header>
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
    </main>
  );
}
