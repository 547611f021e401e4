import { useState } from 'preact/hooks';
import { siteFromInput } from '../common/site';

/**
 * An editable list of sites: type a domain or paste an address to add its site (registrable domain, the key
 * events are filed under); remove one with its button.
 */
export function SiteList({ id, label, sites, onChange }: { id: string; label: string; sites: string[]; onChange: (sites: string[]) => void }) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const add = (e: Event) => {
    e.preventDefault();
    const site = siteFromInput(text);
    if (!site) return setProblem(`“${text.trim()}” is not a domain. Type one like example.com.`);
    setProblem(null);
    setText('');
    if (!sites.includes(site)) onChange([...sites, site].sort());
  };

  return (
    <div class="site-list" data-testid={id}>
      <h3 id={`${id}-title`}>{label}</h3>
      {sites.length === 0 ? (
        <p class="help">No sites yet.</p>
      ) : (
        <ul aria-labelledby={`${id}-title`}>
          {sites.map((site) => (
            <li key={site}>
              <span>{site}</span>
              <button type="button" class="small" aria-label={`Remove ${site}`} onClick={() => onChange(sites.filter((s) => s !== site))}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="add-site" onSubmit={add}>
        <input
          type="text"
          aria-label={`Add a site to the ${label.toLowerCase()}`}
          placeholder="example.com"
          spellcheck={false}
          autocomplete="off"
          value={text}
          onInput={(e) => setText((e.target as HTMLInputElement).value)}
        />
        <button type="submit" disabled={text.trim() === ''}>
          Add
        </button>
      </form>
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
