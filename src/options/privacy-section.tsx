import type { ComponentChildren } from 'preact';
import type { PageAddress, Settings } from '../common/settings';
import { RETENTION_CHOICES } from '../common/settings';

const ADDRESS_LABELS: Record<PageAddress, { label: string; example: string }> = {
  site: { label: 'Site only', example: 'news.example' },
  path: { label: 'Page address without query (default)', example: 'https://www.news.example/world/story.html' },
  full: { label: 'Full address', example: 'https://www.news.example/world/story.html?id=42#top' },
};

export function retentionLabel(days: number): string {
  if (days === 0) return 'Until I delete them (default)';
  return days % 365 === 0 ? `${days / 365} year${days === 365 ? '' : 's'}` : `${days} days`;
}

/** What is stored with each event, and for how long. Changes apply to events written from now on. */
export function PrivacySection({ settings, onChange, children }: { settings: Settings; onChange: (change: Partial<Settings>) => void; children?: ComponentChildren }) {
  return (
    <section aria-labelledby="privacy-title">
      <h2 id="privacy-title">Privacy</h2>
      <p class="help">Everything AdTally records stays in this browser. Nothing is sent anywhere unless you export it.</p>
      <fieldset>
        <legend>Address of the page each ad was on</legend>
        {(Object.keys(ADDRESS_LABELS) as PageAddress[]).map((value) => (
          <label class="choice" key={value}>
            <input type="radio" name="pageAddress" value={value} checked={settings.pageAddress === value} onChange={() => onChange({ pageAddress: value })} />
            <span>
              {ADDRESS_LABELS[value].label} <code>{ADDRESS_LABELS[value].example}</code>
            </span>
          </label>
        ))}
        <p class="help">Applies to events recorded from now on. Query strings often carry personal or tracking identifiers.</p>
      </fieldset>
      <label class="row">
        <span>Keep raw events</span>
        <select name="retentionDays" value={settings.retentionDays} onChange={(e) => onChange({ retentionDays: Number((e.target as HTMLSelectElement).value) })}>
          {RETENTION_CHOICES.map((days) => (
            <option value={days} key={days}>
              {retentionLabel(days)}
            </option>
          ))}
        </select>
      </label>
      <p class="help">Older events are deleted daily, together with what they added to the totals.</p>
      {children}
    </section>
  );
}
