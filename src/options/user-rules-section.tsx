import { useEffect, useRef, useState } from 'preact/hooks';
import { errorText } from '../common/format';
import type { UserRuleError } from '../common/user-rules';
import { mergeRuleEdits } from './rules-merge';

/**
 * The person's own rules in EasyList syntax. Saved only when every line is valid: a rule silently dropped
 * would leave an ad counted (or not) with no sign why.
 */
export function UserRulesSection({ text, onSave }: { text: string | null; onSave: (text: string) => Promise<UserRuleError[]> }) {
  const [draft, setDraft] = useState(text ?? '');
  const [errors, setErrors] = useState<UserRuleError[]>([]);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [saving, setSaving] = useState(false);
  // The stored text the draft started from: when the stored text changes (the on-page audit added a
  // correction while this page was open), an unedited draft follows it and an edited one gets the new lines.
  const base = useRef(text ?? '');
  useEffect(() => {
    const stored = text ?? '';
    setDraft((current) => {
      if (current === base.current) return stored;
      const merged = mergeRuleEdits(base.current, stored, current);
      if (merged.added.length > 0) setStatus({ text: `Added while you were editing (not saved yet): ${merged.added.join(', ')}`, error: false });
      return merged.text;
    });
    base.current = stored;
  }, [text]);

  const save = async () => {
    setSaving(true);
    setStatus(null);
    try {
      const found = await onSave(draft);
      setErrors(found);
      setStatus(found.length > 0 ? { text: `Not saved: ${found.length === 1 ? '1 line needs' : `${found.length} lines need`} fixing.`, error: true } : { text: 'Saved. Pages opened from now on use these rules.', error: false });
    } catch (error) {
      setStatus({ text: `Could not save: ${errorText(error)}`, error: true });
    } finally {
      setSaving(false);
    }
  };

  return (
    <section aria-labelledby="rules-title">
      <h2 id="rules-title">My rules</h2>
      <p class="help">
        One rule a line, in EasyList’s syntax: <code>example.com##.promo-box</code> counts matching elements as ads AdTally missed;{' '}
        <code>example.com#@#.card</code> says they are not ads, whichever rule found them. Without a domain a rule applies everywhere. Lines
        starting with <code>!</code> are comments. The on-page audit adds its corrections here.
      </p>
      <textarea
        aria-label="My rules"
        rows={8}
        spellcheck={false}
        value={draft}
        disabled={text === null}
        onInput={(e) => {
          setDraft((e.target as HTMLTextAreaElement).value);
          setStatus(null);
        }}
      />
      <div class="buttons">
        <button type="button" disabled={saving || text === null} onClick={() => void save()}>
          Save rules
        </button>
      </div>
      {status && (
        <p class={status.error ? 'result error' : 'result'} role={status.error ? 'alert' : 'status'} data-testid="rules-result">
          {status.text}
        </p>
      )}
      {errors.length > 0 && (
        <ul class="errors" data-testid="rule-errors">
          {errors.map((e) => (
            <li key={e.line}>
              Line {e.line}: {e.reason}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
