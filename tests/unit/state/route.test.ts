import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref, type Route } from '../../../src/state/route';

describe('parseRoute', () => {
  it.each([
    ['', { name: 'board' }],
    ['#', { name: 'board' }],
    ['#/', { name: 'board' }],
    ['#/settings', { name: 'settings' }],
    ['#/settings/', { name: 'settings' }],
    ['#/drill/fuel-efficiency', { name: 'drill', id: 'fuel-efficiency' }],
    ['#/drill/fuel-efficiency/', { name: 'drill', id: 'fuel-efficiency' }],
    ['#/drill/a%2Db', { name: 'drill', id: 'a-b' }],
  ])('%s', (hash, expected) => {
    expect(parseRoute(hash)).toEqual(expected);
  });

  it('treats every v1 hash as a share link and keeps the payload untouched', () => {
    expect(parseRoute('#v1/N4Ig-abc_def')).toEqual({ name: 'shared', version: 'v1', payload: 'N4Ig-abc_def' });
    expect(parseRoute('#v1/')).toEqual({ name: 'shared', version: 'v1', payload: '' });
  });

  it.each(['#/nope', '#/drill', '#/drill/', '#/drill/a/b', '#/drill/%E0%A4%A', '#/drill/<script>', '#settings', '#v2/abc'])(
    'sends %s to not-found',
    (hash) => {
      expect(parseRoute(hash)).toEqual({ name: 'not-found', hash });
    },
  );

  it('round-trips through routeHref', () => {
    const routes: Route[] = [
      { name: 'board' },
      { name: 'settings' },
      { name: 'drill', id: 'tiny-regression' },
      { name: 'shared', version: 'v1', payload: 'xyz' },
    ];
    for (const r of routes) expect(parseRoute(routeHref(r))).toEqual(r);
  });
});
