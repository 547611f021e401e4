import { useState } from 'preact/hooks';
import { errorText, formatBytes, formatCount } from '../common/format';

export interface PictureActions {
  setPictures(on: boolean): void;
  deletePictures(): Promise<number>;
}

/**
 * The pictures switch (privacy): whether AdTally keeps a small picture of each creative, how many it keeps,
 * and deleting them all. The counts stay when pictures go.
 */
export function PicturesSetting({ on, usage, actions }: { on: boolean; usage: { count: number; bytes: number } | null; actions: PictureActions }) {
  const [result, setResult] = useState<string | null>(null);
  const onDelete = async () => {
    if (!confirm('Delete every ad picture? The counts stay.')) return;
    try {
      setResult(`Deleted ${formatCount(await actions.deletePictures())} pictures.`);
    } catch (error) {
      setResult(`Deleting pictures failed: ${errorText(error)}`);
    }
  };
  return (
    <fieldset data-testid="pictures-setting">
      <legend>Ad pictures</legend>
      <label class="choice">
        <input type="checkbox" name="pictures" checked={on} onChange={(e) => actions.setPictures((e.target as HTMLInputElement).checked)} />
        <span>Keep a small picture of each ad (default)</span>
      </label>
      <p class="help">
        When a new ad first becomes viewable in the tab you are looking at, AdTally crops it from the visible page, with its headline, text and addresses. Pictures stay in
        this browser and are exported only when you choose “Ad pictures” below.
      </p>
      <div class="buttons">
        <button type="button" class="danger" disabled={!usage || usage.count === 0} onClick={() => void onDelete()}>
          Delete all pictures{usage ? ` (${formatCount(usage.count)}, ${formatBytes(usage.bytes)})` : ''}
        </button>
      </div>
      {result && (
        <p class="result" role="status" data-testid="pictures-result">
          {result}
        </p>
      )}
    </fieldset>
  );
}
