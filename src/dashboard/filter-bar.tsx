/**
 * The filter form: site, advertiser and network as text with suggestions, kind as a list. An empty field
 * is no filter; a top table's row filters by its key, the unknown value ('') included. Active filters show
 * as chips, each with its own remove button.
 */
import { useState } from 'preact/hooks';
import { AD_KINDS } from '../common/types';
import { CELL_DIMENSIONS } from '../common/cells';
import type { CellDimension, CellFilter } from '../common/cells';
import { DIMENSION_LABELS, setFilter, UNKNOWN_LABELS } from './filters';

const TEXT_FIELDS: CellDimension[] = ['site', 'advertiser', 'network'];

/** The form, remounted (`key`) whenever the applied filter changes, so its fields start from it. */
export function FilterBar(props: { filter: CellFilter; choices: Record<CellDimension, string[]>; onFilter: (filter: CellFilter) => void }) {
  return <FilterForm key={JSON.stringify(props.filter)} {...props} />;
}

function FilterForm({ filter, choices, onFilter }: { filter: CellFilter; choices: Record<CellDimension, string[]>; onFilter: (filter: CellFilter) => void }) {
  // The fields as typed, not yet applied ('' is an empty field; the unknown value is set from a top table).
  const [fields, setFields] = useState<Record<CellDimension, string>>(() => Object.fromEntries(CELL_DIMENSIONS.map((d) => [d, filter[d] ?? ''])) as Record<CellDimension, string>);
  const set = (d: CellDimension) => (event: Event) => setFields({ ...fields, [d]: (event.currentTarget as HTMLInputElement | HTMLSelectElement).value });
  const submit = (event: Event) => {
    event.preventDefault();
    let next: CellFilter = {};
    for (const d of CELL_DIMENSIONS) {
      const value = fields[d].trim();
      // An untouched field showing the unknown value's filter keeps it; a field typed into applies what it says.
      if (value !== '') next = setFilter(next, d, value);
      else if (filter[d] === '' && fields[d] === '') next = setFilter(next, d, '');
    }
    onFilter(next);
  };
  const active = CELL_DIMENSIONS.filter((d) => filter[d] !== undefined);
  return (
    <section class="card filters" aria-label="Filters">
      <form onSubmit={submit} data-testid="filter-form">
        {TEXT_FIELDS.map((d) => (
          <label key={d}>
            {DIMENSION_LABELS[d]}
            <input
              name={d}
              type="search"
              list={`choices-${d}`}
              value={fields[d]}
              onInput={set(d)}
              placeholder={filter[d] === '' ? UNKNOWN_LABELS[d] : 'any'}
              autoComplete="off"
              spellcheck={false}
            />
            <datalist id={`choices-${d}`}>
              {choices[d].filter(Boolean).map((c) => (
                <option key={c} value={c} />
              ))}
            </datalist>
          </label>
        ))}
        <label>
          Kind
          <select name="kind" value={fields.kind} onChange={set('kind')}>
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
