/**
 * The options page: privacy settings and the user's data (export, import, deletion). Issue 6 adds tracking
 * scope and filter lists here.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../common/settings';
import { loadSettings, saveSettings, send, storageState } from './client';
import type { StorageState } from './client';
import { DataSection } from './data-section';
import type { DataActions } from './data-section';
import { buildExport, exportFileName, saveBlob } from './export-file';
import { importFile } from './import-file';
import { PrivacySection } from './privacy-section';

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
  const [error, setError] = useState<string | null>(null);

  const refreshData = () => {
    void send({ type: 'getStats', tabId: null, days: {} }).then((stats) => setSites(stats.rows.map((r) => r.site).sort()));
    void storageState().then(setStorage, () => setStorage(null));
  };
  useEffect(() => {
    loadSettings().then(setSettings, (e: unknown) => setError(String((e as Error)?.message ?? e)));
    refreshData();
  }, []);

  const change = (update: Partial<Settings>) => {
    saveSettings(update).then(setSettings, (e: unknown) => setError(String((e as Error)?.message ?? e)));
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
      </header>
      {error && (
        <p class="result error" role="alert">
          {error}
        </p>
      )}
      {settings && <PrivacySection settings={settings} onChange={change} />}
      <DataSection sites={sites} storage={storage} actions={withRefresh} />
    </main>
  );
}

render(<Options />, document.getElementById('app')!);
