/** The board's filter bar: status, area, search. */
import { AREA_TITLES, type Area } from '../../core/drill';
import { STATUS_LABELS, type DrillStatus } from '../../state/progress';
import { isFiltered, NO_FILTER, type BoardFilter } from './board-filter';

const STATUSES: DrillStatus[] = ['not-started', 'attempted', 'passed'];

export function BoardFilters({ filter, onChange, shown, total }: { filter: BoardFilter; onChange(f: BoardFilter): void; shown: number; total: number }) {
  return (
    <form className="board-filters" role="search" aria-label="Filter drills" onSubmit={(e) => e.preventDefault()}>
      <label>
        Status{' '}
        <select value={filter.status} onChange={(e) => onChange({ ...filter, status: e.target.value as BoardFilter['status'] })}>
          <option value="all">any</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Area{' '}
        <select value={String(filter.area)} onChange={(e) => onChange({ ...filter, area: e.target.value === 'all' ? 'all' : (Number(e.target.value) as Area) })}>
          <option value="all">all</option>
          {([1, 2, 3, 4, 5] as Area[]).map((a) => (
            <option key={a} value={a}>
              {a}. {AREA_TITLES[a]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Search <input type="search" value={filter.search} placeholder="title, dataset…" onChange={(e) => onChange({ ...filter, search: e.target.value })} />
      </label>
      {isFiltered(filter) && (
        <>
          <span aria-live="polite">
            {shown} of {total} drills
          </span>
          <button type="button" className="btn btn-quiet" onClick={() => onChange(NO_FILTER)}>
            Clear filters
          </button>
        </>
      )}
    </form>
  );
}
