import type { Settings, TrackingScope } from '../common/settings';
import { SiteList } from './site-list';

const SCOPE_LABELS: Record<TrackingScope, string> = {
  all: 'All sites',
  allow: 'Only sites on my allow list',
  deny: 'All sites except my deny list',
};

/** Where AdTally counts ads: everywhere, only on allowed sites, or everywhere but denied ones. */
export function TrackingSection({ settings, onChange }: { settings: Settings; onChange: (change: Partial<Settings>) => void }) {
  return (
    <section aria-labelledby="tracking-title">
      <h2 id="tracking-title">Where to count ads</h2>
      <fieldset>
        <legend>Count ads on</legend>
        {(Object.keys(SCOPE_LABELS) as TrackingScope[]).map((value) => (
          <label class="choice" key={value}>
            <input type="radio" name="scope" value={value} checked={settings.scope === value} onChange={() => onChange({ scope: value })} />
            <span>{SCOPE_LABELS[value]}</span>
          </label>
        ))}
      </fieldset>
      {settings.scope === 'all' && <p class="help">“Pause on this site” in AdTally’s toolbar menu puts a site on the deny list and switches to it.</p>}
      {settings.scope === 'allow' && (
        <>
          <SiteList id="allow-list" label="Allow list" sites={settings.allowSites} onChange={(allowSites) => onChange({ allowSites })} />
          <p class="help">Ads on other sites are not counted. “Pause on this site” in the toolbar menu removes a site from this list.</p>
        </>
      )}
      {settings.scope === 'deny' && (
        <>
          <SiteList id="deny-list" label="Deny list" sites={settings.pausedSites} onChange={(pausedSites) => onChange({ pausedSites })} />
          <p class="help">Ads on these sites are not counted. “Pause on this site” in the toolbar menu adds a site here.</p>
        </>
      )}
      <p class="help">A site includes its subdomains: news.example covers www.news.example. Events already stored stay.</p>
      <label class="choice">
        <input type="checkbox" name="toolbarBadge" checked={settings.toolbarBadge} onChange={(e) => onChange({ toolbarBadge: (e.target as HTMLInputElement).checked })} />
        <span>Show the number of ads on the current page on AdTally’s toolbar icon</span>
      </label>
    </section>
  );
}
