/**
 * Where the lab's helpers say that learner code used an old form of their API.
 *
 * Drafts and share links store source text, so code written against an older lab
 * keeps arriving. Such code still runs (the helpers convert), and the learner is
 * told once per run what the current name is. The helpers cannot reach the lab's
 * console themselves (they are plain modules), so the executor installs the sink
 * for the length of a run; outside a run the notice goes to `console.warn`.
 */
type Sink = (message: string) => void;

let sink: Sink = (message) => console.warn(message);
const told = new Set<string>();

/** Says `message` once until the sink is next replaced. */
export function noticeOldApi(message: string): void {
  if (told.has(message)) return;
  told.add(message);
  sink(message);
}

/** Routes notices to `next` (e.g. the learner's console) and returns the undo. */
export function setOldApiSink(next: Sink): () => void {
  const previous = sink;
  sink = next;
  told.clear();
  return () => {
    sink = previous;
    told.clear();
  };
}
