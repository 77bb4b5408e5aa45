/**
 * Chart redraws share the animation frames: at most one per frame. Every rAF
 * callback of a frame runs in one main-thread task, so two charts built in the
 * same frame (the loss and the metric chart appear together, at a run's first
 * epoch) made a single 38 ms-CPU task, over 60 ms of wall time on two cores
 * (`dojo bench longtasks`). Taking turns splits that into two short ones; the
 * second chart is one frame later.
 */
const queue = new Set<() => void>();
let scheduled = false;

function flush(): void {
  scheduled = false;
  const [next] = queue;
  if (!next) return;
  queue.delete(next);
  if (queue.size > 0) schedule();
  next();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  requestAnimationFrame(flush);
}

/** Runs `work` in a coming frame, after the work queued before it; returns a cancel. */
export function inTurnNextFrame(work: () => void): () => void {
  // A fresh function per call, so one caller can queue twice only by asking twice.
  const item = () => work();
  queue.add(item);
  schedule();
  return () => {
    queue.delete(item);
  };
}
