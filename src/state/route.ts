/**
 * Hash routes, so the built app works from any static host and offline.
 * `parseRoute` is pure; `routeHref` builds links; the hook lives in the UI.
 */
export type Route =
  | { name: 'board' }
  | { name: 'drill'; id: string }
  | { name: 'settings' }
  /** A share link: `#v1/<payload>`; decoding is the share codec's job. */
  | { name: 'shared'; version: 'v1'; payload: string }
  | { name: 'not-found'; hash: string };

export function parseRoute(hash: string): Route {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  if (h.startsWith('v1/')) return { name: 'shared', version: 'v1', payload: h.slice(3) };
  const path = h.split('?')[0] ?? '';
  if (path === '' || path === '/') return { name: 'board' };
  const parts = path.split('/').filter((p) => p !== '');
  if (path.startsWith('/') && parts.length === 1 && parts[0] === 'settings') return { name: 'settings' };
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

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'board':
      return '#/';
    case 'drill':
      return `#/drill/${encodeURIComponent(route.id)}`;
    case 'settings':
      return '#/settings';
    case 'shared':
      return `#${route.version}/${route.payload}`;
    case 'not-found':
      return route.hash || '#/';
  }
}
