/**
 * The filter form: site, advertiser and network as text with suggestions, kind as a list. An empty field
 * is no filter; a top table's row filters by its key, the unknown value ('') included. Active filters show
 * as chips, each with its own remove button.
 */
import { AD_KINDS } from '../common/types';
import { CELL_DIMENSIONS } from '../common/cells';
import type { CellDimension, CellFilter } from '../common/cells';
import { DIMENSION_LABELS, setFilter, UNKNOWN_LABELS } from './filters';

const TEXT_FIELDS: CellDimension[] = ['site', 'advertiser', 'network'];

export function FilterBar({ filter, choices, onFilter }: { filter: CellFilter; choices: Record<CellDimension, string[]>; onFilter: (filter: CellFilter) => void }) {
  const submit = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    let next: CellFilter = {};
    for (const d of CELL_DIMENSIONS) {
      const value = String(form.get(d) ?? '').trim();
      // A field left as the unknown value's chip shows it keeps that filter; an emptied field clears it.
      if (value !== '') next = setFilter(next, d, value);
      else if (filter[d] === '' && form.get(`${d}-unknown`) === 'on') next = setFilter(next, d, '');
    }
    onFilter(next);
  };
  const active = CELL_DIMENSIONS.filter((d) => filter[d] !== undefined);
  return (
    <section class="card filters" aria-label="Filters">
      <form onSubmit={submit} key={JSON.stringify(filter)} data-testid="filter-form">
        {TEXT_FIELDS.map((d) => (
          <label key={d}>
            {DIMENSION_LABELS[d]}
            <input name={d} type="search" list={`choices-${d}`} defaultValue={filter[d] || ''} placeholder="any" autoComplete="off" spellcheck={false} />
            <datalist id={`choices-${d}`}>
              {choices[d].filter(Boolean).map((c) => (
                <option key={c} value={c} />
              ))}
            </datalist>
            {filter[d] === '' && <input type="hidden" name={`${d}-unknown`} value="on" />}
          </label>
        ))}
        <label>
          Kind
          <select name="kind" defaultValue={filter.kind ?? ''}>
            <option value="">any</option>
            {AD_KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Apply</button>
        {active.length > 0 && (
          <button type="button" class="secondary" onClick={() => onFilter({})}>
            Clear filters
          </button>
        )}
      </form>
      {active.length > 0 && (
        <ul class="chips" aria-label="Active filters" data-testid="active-filters">
          {active.map((d) => (
            <li key={d}>
              <span>
                {DIMENSION_LABELS[d]}: {filter[d] || UNKNOWN_LABELS[d]}
              </span>
              <button type="button" aria-label={`Remove the ${DIMENSION_LABELS[d].toLowerCase()} filter`} onClick={() => onFilter(setFilter(filter, d, undefined))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
