import { routeHref } from '../state/route';

export function NotFound({ what }: { what: string }) {
  return (
    <section className="not-found">
      <h1>Nothing here</h1>
      <p>{what}</p>
      <p>
        <a href={routeHref({ name: 'board' })}>Back to the board</a>
      </p>
    </section>
  );
}
