/** Which drills the board shows: by status, area and a free-text search. Pure, so it is tested without React. */
import type { Area, DrillMeta } from '../../core/drill';
import type { DrillProgress, DrillStatus } from '../../state/progress';

export interface BoardFilter {
  status: DrillStatus | 'all';
  area: Area | 'all';
  /** Matched, case- and accent-insensitively, against title, summary, id and dataset; every word must match. */
  search: string;
}

export const NO_FILTER: BoardFilter = { status: 'all', area: 'all', search: '' };

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export function filterDrills(drills: readonly DrillMeta[], progress: ReadonlyMap<string, DrillProgress>, filter: BoardFilter): DrillMeta[] {
  const words = fold(filter.search).split(/\s+/).filter(Boolean);
  return drills.filter((d) => {
    if (filter.area !== 'all' && d.area !== filter.area) return false;
    if (filter.status !== 'all' && (progress.get(d.id)?.status ?? 'not-started') !== filter.status) return false;
    if (words.length === 0) return true;
    const haystack = fold([d.title, d.summary, d.id, d.dataset].join(' '));
    return words.every((w) => haystack.includes(w));
  });
}

export function isFiltered(filter: BoardFilter): boolean {
  return filter.status !== 'all' || filter.area !== 'all' || filter.search.trim() !== '';
}
