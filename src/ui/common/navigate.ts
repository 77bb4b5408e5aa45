import { routeHref, type Route } from '../../state/route';

/** Goes to a route of the app (a hash change: the router hears it like a click on a link). */
export function navigate(route: Route): void {
  window.location.assign(routeHref(route));
}
