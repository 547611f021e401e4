import { render } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { auditInTab, loadStats, openOptions, readControls, rememberControls } from './client';
import { loadSettings, saveSettings } from '../ui/settings-store';
import { PopupView } from './popup-view';
import type { PopupControls, PopupState } from './popup-view';
import { daysFor, nextSort } from './table-view';

function Popup() {
  const [state, setState] = useState<PopupState>({ status: 'loading' });
  const [controls, setControls] = useState<PopupControls>(readControls);

  const load = useCallback((range: PopupControls['range']) => {
    Promise.all([loadStats(daysFor(range, new Date())), loadSettings(), auditInTab(null)]).then(
      ([stats, settings, audit]) => setState({ status: 'ready', ...stats, paused: settings.paused, pausedSites: settings.pausedSites, audit }),
      (error: unknown) => setState({ status: 'error', message: String((error as Error)?.message ?? error) }),
    );
  }, []);
  useEffect(() => load(controls.range), [controls.range, load]);

  const update = (change: Partial<PopupControls>) => {
    const next = { ...controls, ...change };
    setControls(next);
    rememberControls(next);
  };
  const changeSettings = (change: Parameters<typeof saveSettings>[0]) =>
    void saveSettings(change).then(
      (settings) => setState((s) => (s.status === 'ready' ? { ...s, paused: settings.paused, pausedSites: settings.pausedSites } : s)),
      (error: unknown) => setState({ status: 'error', message: String((error as Error)?.message ?? error) }),
    );

  return (
    <PopupView
      state={state}
      controls={controls}
      onRange={(range) => update({ range })}
      onSort={(key) => update({ sort: nextSort(controls.sort, key) })}
      onSearch={(search) => update({ search })}
      onTogglePause={() => state.status === 'ready' && changeSettings({ paused: !state.paused })}
      onTogglePauseSite={(site) => {
        if (state.status !== 'ready') return;
        const sites = state.pausedSites.includes(site) ? state.pausedSites.filter((s) => s !== site) : [...state.pausedSites, site];
        changeSettings({ pausedSites: sites });
      }}
      onToggleAudit={() => {
        if (state.status !== 'ready') return;
        void auditInTab(!state.audit).then((audit) => setState((s) => (s.status === 'ready' ? { ...s, audit } : s)));
      }}
      onOpenOptions={openOptions}
    />
  );
}

render(<Popup />, document.getElementById('app')!);
