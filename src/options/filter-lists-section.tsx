import { useState } from 'preact/hooks';
import { errorText, formatCount } from '../common/format';
import type { ResponseOf, UiMessages } from '../common/messages';
import type { FilterListStatus, RefreshAttempt } from '../common/types';
import { lastRefreshText, obtainedText, originText, updateResultText } from './filter-list-words';

export type UpdateResult = ResponseOf<UiMessages, 'updateFilterLists'>;

/** The lists in use, the weekly refresh switch (AdTally's only network traffic) and "Update now". */
export function FilterListsSection({
  lists,
  lastRefresh,
  weeklyUpdates,
  onWeeklyUpdates,
  onUpdateNow,
}: {
  lists: FilterListStatus[] | null;
  lastRefresh: RefreshAttempt | null;
  weeklyUpdates: boolean;
  onWeeklyUpdates: (on: boolean) => void;
  onUpdateNow: () => Promise<UpdateResult>;
}) {
  const [updating, setUpdating] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const updateNow = async () => {
    setUpdating(true);
    setMessage(null);
    try {
      const result = await onUpdateNow();
      setMessage({ text: updateResultText(result, lists ?? []), error: !result.ok });
    } catch (error) {
      setMessage({ text: `Could not update: ${errorText(error)}`, error: true });
    } finally {
      setUpdating(false);
    }
  };

  return (
    <section aria-labelledby="lists-title">
      <h2 id="lists-title">Filter lists</h2>
      <p class="help">AdTally finds ads with EasyList’s element rules, its own ad-network signatures and your rules below.</p>
      {lists === null && <p class="help">Loading…</p>}
      {lists?.length === 0 && <p class="help">No filter list is in use: this build of AdTally has only its built-in signatures.</p>}
      {lists?.map((list) => (
        <dl class="list-info" key={list.id} data-testid="filter-list">
          <dt>Name</dt>
          <dd>{list.name}</dd>
          <dt>Version</dt>
          <dd data-testid="list-version">{list.version}</dd>
          <dt>Source</dt>
          <dd>{originText(list)}</dd>
          <dt>Obtained</dt>
          <dd>{obtainedText(list.obtained)}</dd>
          <dt>Rules</dt>
          <dd>{formatCount(list.cosmeticFilters)} element rules</dd>
        </dl>
      ))}
      {lastRefresh && (
        <p class={lastRefresh.ok ? 'help' : 'help error'} data-testid="last-refresh">
          {lastRefreshText(lastRefresh)}
        </p>
      )}
      <label class="choice switch-row">
        <input type="checkbox" name="filterListUpdates" checked={weeklyUpdates} onChange={(e) => onWeeklyUpdates((e.target as HTMLInputElement).checked)} />
        <span>Download the lists again every week</span>
      </label>
      <p class="help">This download from easylist.to is the only network traffic AdTally makes. It sends nothing about you or your browsing. Turned off, AdTally keeps the list it has.</p>
      <div class="buttons">
        <button type="button" disabled={updating} onClick={() => void updateNow()}>
          {updating ? 'Updating…' : 'Update now'}
        </button>
      </div>
      {message && (
        <p class={message.error ? 'result error' : 'result'} role={message.error ? 'alert' : 'status'} data-testid="lists-result">
          {message.text}
        </p>
      )}
    </section>
  );
}
