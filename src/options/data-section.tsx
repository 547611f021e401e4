import { useState } from 'preact/hooks';
import { errorText, formatBytes, formatCount, formatDuration } from '../common/format';
import type { ExportFormat } from './export-file';
import type { ImportReport } from './import-file';
import { estimateImport, importProgressText } from './import-estimate';
import type { ImportProgress } from './import-estimate';
import type { StorageState } from './client';
import { METRIC_HELP } from '../ui/metric-help';

export interface DataActions {
  exportData(format: ExportFormat, onProgress: (done: number, total: number) => void): Promise<void>;
  importData(file: File, onProgress: (progress: ImportProgress) => void): Promise<ImportReport>;
  deleteData(site: string | null): Promise<number>;
}

const IMPORT_PROGRESS_HELP =
  'Lines of the file answered for (stored, already stored or skipped) of the file’s lines, estimated from the part read until the whole file is read; the rate since the import began; the time left at that rate.';

/** A running task: its progress bar's `done` of `total` (0: not known yet) and the words beside it. */
type Task = { label: string; done: number; total: number; detail?: string } | null;

/** Export, import and deletion, each with progress and a plain result or error. */
export function DataSection({ sites, storage, actions }: { sites: string[]; storage: StorageState | null; actions: DataActions }) {
  const [task, setTask] = useState<Task>(null);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [site, setSite] = useState('');

  const run = async (label: string, work: (progress: (done: number, total: number, detail?: string) => void) => Promise<string>) => {
    setMessage(null);
    setTask({ label, done: 0, total: 0 });
    try {
      const text = await work((done, total, detail) => setTask({ label, done, total, detail }));
      setMessage({ text });
    } catch (error) {
      setMessage({ text: `${label} failed: ${errorText(error)}`, error: true });
    } finally {
      setTask(null);
    }
  };

  const exportAs = (format: ExportFormat, label: string) =>
    run(`Exporting ${label}`, async (progress) => {
      await actions.exportData(format, progress);
      return `Exported ${label}.`;
    });

  const onImport = (file: File | undefined) => {
    if (!file) return;
    setReport(null);
    void run(`Importing ${file.name}`, async (progress) => {
      const result = await actions.importData(file, (p) => {
        const estimate = estimateImport(p);
        progress(estimate.done, estimate.total, importProgressText(estimate));
      });
      setReport(result);
      const seconds = result.elapsedMs / 1000;
      const rate = seconds > 0 ? ` (${formatCount(Math.round(result.lines / seconds))} events/s)` : '';
      return `Imported ${file.name}: ${result.added} new events, ${result.alreadyStored} already stored, ${result.errorCount} lines skipped, in ${formatDuration(result.elapsedMs)}${rate}.`;
    });
  };

  const onDelete = (target: string | null) => {
    const question = target ? `Delete every event recorded on ${target}?` : 'Delete all of AdTally’s data? This cannot be undone.';
    if (!confirm(question)) return;
    void run(target ? `Deleting ${target}` : 'Deleting all data', async () => {
      const deleted = await actions.deleteData(target);
      return `Deleted ${deleted} events${target ? ` of ${target}` : ''}.`;
    });
  };

  return (
    <section aria-labelledby="data-title">
      <h2 id="data-title">Your data</h2>
      {storage && (
        <p class="help" data-testid="storage-state">
          {storage.usedBytes !== null && (
            <>
              <span title={METRIC_HELP.storedBytes}>Stored in this browser: {formatBytes(storage.usedBytes)}.</span>{' '}
            </>
          )}
          {storage.persisted === true && 'The browser keeps it even when the disk runs low.'}
          {storage.persisted === false && 'The browser may clear it when the disk runs low; export it to keep a copy.'}
        </p>
      )}
      <div class="group">
        <h3>Export</h3>
        <div class="buttons">
          <button type="button" disabled={!!task} onClick={() => exportAs('csv', 'events as CSV')}>
            Events (CSV)
          </button>
          <button type="button" disabled={!!task} onClick={() => exportAs('ndjson', 'events as NDJSON')}>
            Events (NDJSON)
          </button>
          <button type="button" disabled={!!task} onClick={() => exportAs('aggregates', 'totals and creatives as JSON')}>
            Totals and creatives (JSON)
          </button>
          <button type="button" disabled={!!task} onClick={() => exportAs('pictures', 'ad pictures as NDJSON')}>
            Ad pictures (NDJSON)
          </button>
        </div>
        <p class="help">The NDJSON file can be imported into AdTally in another browser. Every field is described in AdTally’s data-format documentation. Pictures are only in the “Ad pictures” file.</p>
      </div>
      <div class="group">
        <h3>Import</h3>
        <label class="file">
          <span>Import an NDJSON export</span>
          <input type="file" accept=".ndjson,.jsonl,application/x-ndjson" disabled={!!task} onChange={(e) => onImport((e.target as HTMLInputElement).files?.[0])} />
        </label>
        <p class="help">Events already stored are left as they are, so importing a file twice adds nothing.</p>
      </div>
      <div class="group">
        <h3>Delete</h3>
        <div class="buttons">
          <select aria-label="Site to delete" value={site} onChange={(e) => setSite((e.target as HTMLSelectElement).value)}>
            <option value="">Choose a site…</option>
            {sites.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
          <button type="button" disabled={!!task || !site} onClick={() => onDelete(site)}>
            Delete this site’s data
          </button>
          <button type="button" class="danger" disabled={!!task} onClick={() => onDelete(null)}>
            Delete all data
          </button>
        </div>
      </div>
      {task && (
        <div class="progress" role="status">
          <span>{task.label}…</span>
          <progress max={task.total || 1} value={task.total ? task.done : undefined} />
          {task.total > 0 && (
            <span class="count" data-testid="task-progress" title={task.detail ? IMPORT_PROGRESS_HELP : undefined}>
              {task.detail ?? progressText(task)}
            </span>
          )}
        </div>
      )}
      {message && (
        <p class={message.error ? 'result error' : 'result'} role={message.error ? 'alert' : 'status'} data-testid="data-result">
          {message.text}
        </p>
      )}
      {report && report.errors.length > 0 && (
        <details class="errors" open>
          <summary>
            Skipped lines ({report.errorCount}
            {report.errorCount > report.errors.length ? `, first ${report.errors.length} shown` : ''})
          </summary>
          <ul data-testid="import-errors">
            {report.errors.map((e) => (
              <li key={e.line}>
                Line {e.line}: {e.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function progressText(task: NonNullable<Task>): string {
  return `${formatCount(task.done)} of ${formatCount(task.total)} ${task.label.includes('pictures') ? 'pictures' : 'events'}`;
}
