/**
 * The options page: where to count ads, filter lists, the person's own rules, privacy settings and their
 * data (export, import, deletion).
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { errorText } from '../common/format';
import type { Settings } from '../common/settings';
import type { FilterListStatus, RefreshAttempt } from '../common/types';
import { loadSettings, loadUserRulesText, saveSettings, saveUserRulesText, send, storageState, watchUserRulesText } from './client';
import type { StorageState } from './client';
import { DataSection } from './data-section';
import type { DataActions } from './data-section';
import { buildExport, exportFileName, saveBlob } from './export-file';
import { FilterListsSection } from './filter-lists-section';
import { importFile } from './import-file';
import { PrivacySection } from './privacy-section';
import { PicturesSetting } from './pictures-setting';
import { TrackingSection } from './tracking-section';
import { userRuleErrors } from './user-rules-check';
import { UserRulesSection } from './user-rules-section';

const actions: DataActions = {
  async exportData(format, onProgress) {
    saveBlob(await buildExport(format, onProgress), exportFileName(format));
  },
  importData: (file, onProgress) => importFile(file, onProgress),
  async deleteData(site) {
    return (await send({ type: 'deleteData', site })).deleted;
  },
};


function Options() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [sites, setSites] = useState<string[]>([]);
  const [storage, setStorage] = useState<StorageState | null>(null);
  const [lists, setLists] = useState<FilterListStatus[] | null>(null);
  const [lastRefresh, setLastRefresh] = useState<RefreshAttempt | null>(null);
  const [rulesText, setRulesText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pictures, setPictures] = useState<{ count: number; bytes: number } | null>(null);

  const refreshData = () => {
    void send({ type: 'getPictureCount' }).then(setPictures, () => setPictures(null));
    void send({ type: 'getStats', tabId: null, days: {} }).then((stats) => setSites(stats.rows.map((r) => r.site).sort()));
    void storageState().then(setStorage, () => setStorage(null));
  };
  const refreshLists = () =>
    send({ type: 'getFilterLists' }).then(
      (r) => {
        setLists(r.lists);
        setLastRefresh(r.lastRefresh);
      },
      (e: unknown) => setError(errorText(e)),
    );
  useEffect(() => {
    loadSettings().then(setSettings, (e: unknown) => setError(errorText(e)));
    loadUserRulesText().then(setRulesText, (e: unknown) => setError(errorText(e)));
    void refreshLists();
    refreshData();
    // The on-page audit may add a rule while this page is open: show it, never overwrite it on Save.
    return watchUserRulesText(setRulesText);
  }, []);

  const change = (update: Partial<Settings>) => {
    saveSettings(update).then(setSettings, (e: unknown) => setError(errorText(e)));
  };
  const updateLists = async () => {
    const result = await send({ type: 'updateFilterLists' });
    await refreshLists();
    return result;
  };
  const saveRules = async (text: string) => {
    const errors = userRuleErrors(text);
    if (errors.length > 0) return errors;
    await saveUserRulesText(text);
    setRulesText(text);
    return [];
  };
  const withRefresh: DataActions = {
    exportData: actions.exportData,
    importData: async (file, progress) => {
      const report = await actions.importData(file, progress);
      refreshData();
      return report;
    },
    deleteData: async (site) => {
      const deleted = await actions.deleteData(site);
      refreshData();
      return deleted;
    },
  };

  return (
    <main>
      <header class="bar">
        <h1>AdTally</h1>
        <span class="tagline">settings and data</span>
        <a class="welcome-link" href="welcome.html">
          How AdTally counts
        </a>
      </header>
      {error && (
        <p class="result error" role="alert">
          {error}
        </p>
      )}
      {settings && <TrackingSection settings={settings} onChange={change} />}
      {settings && (
        <FilterListsSection lists={lists} lastRefresh={lastRefresh} weeklyUpdates={settings.filterListUpdates} onWeeklyUpdates={(on) => change({ filterListUpdates: on })} onUpdateNow={updateLists} />
      )}
      <UserRulesSection text={rulesText} onSave={saveRules} />
      {settings && (
        <PrivacySection settings={settings} onChange={change}>
          <PicturesSetting
            on={settings.pictures}
            usage={pictures}
            actions={{
              setPictures: (on) => change({ pictures: on }),
              deletePictures: async () => {
                const { deleted } = await send({ type: 'deletePictures' });
                refreshData();
                return deleted;
              },
            }}
          />
        </PrivacySection>
      )}
      <DataSection sites={sites} storage={storage} actions={withRefresh} />
    </main>
  );
}

render(<Options />, document.getElementById('app')!);
