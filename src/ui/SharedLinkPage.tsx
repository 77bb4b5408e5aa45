/** Placeholder for `#v1/…` share links until the share codec lands: never runs or overwrites anything. */
import { routeHref } from '../state/route';

export function SharedLinkPage({ payload }: { payload: string }) {
  return (
    <section className="not-found">
      <h1>Shared drill link</h1>
      <p>
        This looks like a shared drill link ({payload.length.toLocaleString()} characters), but this version of Tensor Dojo cannot open shared
        links yet. Nothing was run and none of your drafts were changed.
      </p>
      <p>
        <a href={routeHref({ name: 'board' })}>Back to the board</a>
      </p>
    </section>
  );
}
