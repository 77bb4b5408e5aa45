/**
 * Hash routes, so the built app works from any static host and offline.
 * `parseRoute` is pure; `routeHref` builds links; the hook lives in the UI.
 */
export type Route =
  | { name: 'board' }
  | { name: 'drill'; id: string }
  | { name: 'settings' }
  /** The mock exam: start screen, tasks with the clock, or the score sheet. */
  | { name: 'exam' }
  /** One exam task: the drill's workspace under the exam banner. */
  | { name: 'exam-task'; id: string }
  /** "Grade a model": upload model.json + weights, optionally for a given drill. */
  | { name: 'import'; drillId?: string }
  /** A share link: `#v1/<payload>`; decoding is the share codec's job. */
  | { name: 'shared'; version: 'v1'; payload: string }
  /** Authoring a custom drill: a new one (optionally on a given shipped drill), or editing one. */
  | { name: 'custom-new'; base?: string }
  | { name: 'custom-edit'; id: string }
  | { name: 'not-found'; hash: string };

export function parseRoute(hash: string): Route {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  if (h.startsWith('v1/')) return { name: 'shared', version: 'v1', payload: h.slice(3) };
  const path = h.split('?')[0] ?? '';
  if (path === '' || path === '/') return { name: 'board' };
  const parts = path.split('/').filter((p) => p !== '');
  if (path.startsWith('/') && parts.length === 1 && parts[0] === 'settings') return { name: 'settings' };
  if (path.startsWith('/') && (parts[0] === 'exam' || parts[0] === 'import') && parts.length <= 2) {
    const id = parts.length === 2 ? drillIdPart(parts[1]!) : undefined;
    if (parts[0] === 'exam') {
      if (parts.length === 1) return { name: 'exam' };
      if (id !== undefined) return { name: 'exam-task', id };
    } else {
      if (parts.length === 1) return { name: 'import' };
      if (id !== undefined) return { name: 'import', drillId: id };
    }
  }
  if (path.startsWith('/') && parts[0] === 'custom') {
    if (parts[1] === 'new' && parts.length <= 3) {
      if (parts.length === 2) return { name: 'custom-new' };
      const base = drillIdPart(parts[2]!);
      if (base !== undefined) return { name: 'custom-new', base };
    }
    if (parts[1] === 'edit' && parts.length === 3) {
      const id = drillIdPart(parts[2]!);
      if (id !== undefined) return { name: 'custom-edit', id };
    }
    return { name: 'not-found', hash };
  }
  if (path.startsWith('/') && parts.length === 2 && parts[0] === 'drill') {
    let id: string;
    try {
      id = decodeURIComponent(parts[1]!);
    } catch {
      return { name: 'not-found', hash };
    }
    if (/^[\w-]+$/.test(id)) return { name: 'drill', id };
  }
  return { name: 'not-found', hash };
}

/** A drill id from a path segment, or undefined when it cannot be one. */
function drillIdPart(part: string): string | undefined {
  try {
    const id = decodeURIComponent(part);
    return /^[\w-]+$/.test(id) ? id : undefined;
  } catch {
    return undefined;
  }
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'board':
      return '#/';
    case 'drill':
      return `#/drill/${encodeURIComponent(route.id)}`;
    case 'settings':
      return '#/settings';
    case 'exam':
      return '#/exam';
    case 'exam-task':
      return `#/exam/${encodeURIComponent(route.id)}`;
    case 'import':
      return route.drillId === undefined ? '#/import' : `#/import/${encodeURIComponent(route.drillId)}`;
    case 'shared':
      return `#${route.version}/${route.payload}`;
    case 'custom-new':
      return route.base === undefined ? '#/custom/new' : `#/custom/new/${encodeURIComponent(route.base)}`;
    case 'custom-edit':
      return `#/custom/edit/${encodeURIComponent(route.id)}`;
    case 'not-found':
      return route.hash || '#/';
  }
}
