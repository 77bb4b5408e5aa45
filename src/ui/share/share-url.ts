/** A share hash as a full link to this very app, wherever it is hosted. */
export function shareUrl(hash: string, location: Pick<Location, 'origin' | 'pathname' | 'search'> = window.location): string {
  return `${location.origin}${location.pathname}${location.search}${hash}`;
}
