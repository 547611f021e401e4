import { markStart } from './start-marks';
import { render } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { errorText } from '../common/format';
import { isTracked, togglePauseSite } from '../common/settings';
import type { Settings } from '../common/settings';
import { adsInTab, askTabSite, auditInTab, loadStats, openDashboard, openOptions, openWelcome, readControls, readDbUpgrade, rememberControls } from './client';
import type { Stats, StatsSource } from './client';
import { loadSettings, saveSettings } from '../ui/settings-store';
import { PopupView } from './popup-view';
import type { PopupControls, PopupState } from './popup-view';
import { daysFor, nextSort } from './table-view';

/** Rows rendered before the first paint: more than the 600 px popup shows (about 18). */
const FIRST_ROWS = 30;

const pauseState = (settings: Settings, currentSite: string | null) => ({
  paused: settings.paused,
  sitePaused: currentSite !== null && !isTracked({ ...settings, paused: false }, currentSite),
});

type Loaded = [Stats & { source: StatsSource; siteKnown: boolean }, Settings];
const loadRange = (range: PopupControls['range']): Promise<Loaded> => Promise.all([loadStats(daysFor(range, new Date())), loadSettings()]);

// The first screen's reads start as the script runs, not after the first render's effects: they are in
// flight while Preact draws "Loading…".
const initialControls = readControls();
let firstLoad: Promise<Loaded> | null = loadRange(initialControls.range);

function Popup() {
  const [state, setState] = useState<PopupState>({ status: 'loading' });
  const [settings, setSettings] = useState<Settings | null>(null);
  const [controls, setControls] = useState<PopupControls>(initialControls);

  // The first screen shows the rows that fit in the popup; the rest follow once it is painted (FIRST_ROWS).
  const [allRows, setAllRows] = useState(false);
  // The tab's site when the background's note did not name it: asked after the first paint (client.ts).
  const [siteToAsk, setSiteToAsk] = useState(false);

  const load = useCallback((range: PopupControls['range']) => {
    const loading = firstLoad ?? loadRange(range);
    firstLoad = null;
    loading.then(
      ([{ source, siteKnown, ...stats }, loaded]) => {
        markStart('popup:data');
        // Which path answered the first screen (bench/lib/popup-opens.mjs and the e2e tests read it).
        document.documentElement.dataset.firstRead ??= source;
        // Where the site card's name came from (the e2e tests read it): the background's note, or its answer.
        if (siteKnown) document.documentElement.dataset.siteFrom ??= source === 'direct' ? 'note' : 'background';
        setSiteToAsk(!siteKnown);
        setSettings(loaded);
        setState({ status: 'ready', ...stats, ...pauseState(loaded, stats.currentSite), range });
      },
      (error: unknown) => setState({ status: 'error', message: errorText(error) }),
    );
  }, []);
  useEffect(() => load(controls.range), [controls.range, load]);
  useLayoutEffect(() => {
    if (state.status !== 'ready' || allRows) return;
    // The first screen is in the document; the next frame paints it. Then, after that frame, the rest.
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      markStart('popup:painted');
      timer = window.setTimeout(() => setAllRows(true));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [state.status, allRows]);
  // Effects run after the paint: the first screen is up without the site card, which follows the answer.
  useEffect(() => {
    if (!siteToAsk || !settings) return;
    setSiteToAsk(false);
    void askTabSite().then(
      (site) => {
        document.documentElement.dataset.siteFrom = 'background';
        setState((s) => (s.status === 'ready' ? { ...s, currentSite: site, ...pauseState(settings, site) } : s));
      },
      () => {}, // no answer, no card: never a guess
    );
  }, [siteToAsk, settings]);
  // A first read that takes long may be waiting for a database upgrade: say so.
  useEffect(() => {
    const timer = setTimeout(() => {
      void readDbUpgrade().then((upgrading) => upgrading && setState((s) => (s.status === 'loading' ? { status: 'loading', upgrading: true } : s)));
    }, 800);
    return () => clearTimeout(timer);
  }, []);
  // Whether the tab's audit is on is asked apart from the table, which must not wait for a busy tab.
  const [audit, setAudit] = useState<boolean | null>(null);
  useEffect(() => void auditInTab(null).then(setAudit), []);
  // The ads on the tab's page now, also apart from the table: what the person is looking at, at once.
  const [pageAds, setPageAds] = useState<number | null>(null);
  useEffect(() => void adsInTab().then(setPageAds), []);

  const update = (change: Partial<PopupControls>) => {
    const next = { ...controls, ...change };
    setControls(next);
    rememberControls(next);
  };
  const changeSettings = (change: Parameters<typeof saveSettings>[0]) =>
    void saveSettings(change).then(
      (saved) => {
        setSettings(saved);
        setState((s) => (s.status === 'ready' ? { ...s, ...pauseState(saved, s.currentSite) } : s));
      },
      (error: unknown) => setState({ status: 'error', message: errorText(error) }),
    );

  return (
    <PopupView
      state={state.status === 'ready' ? { ...state, audit, pageAds } : state}
      controls={controls}
      firstRows={allRows ? undefined : FIRST_ROWS}
      onRange={(range) => update({ range })}
      onSort={(key) => update({ sort: nextSort(controls.sort, key) })}
      onSearch={(search) => update({ search })}
      onTogglePause={() => state.status === 'ready' && changeSettings({ paused: !state.paused })}
      onTogglePauseSite={(site) => settings && changeSettings(togglePauseSite(settings, site))}
      onToggleAudit={() => {
        if (state.status !== 'ready') return;
        void auditInTab(!audit).then(setAudit);
      }}
      onOpenDashboard={openDashboard}
      onOpenOptions={openOptions}
      onOpenWelcome={openWelcome}
    />
  );
}

render(<Popup />, document.getElementById('app')!);
