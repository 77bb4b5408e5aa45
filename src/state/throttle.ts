/**
 * Calls `fn` at most once per `intervalMs`, trailing: the last request in a burst
 * is always honoured. Used so per-batch events (hundreds a second on a fast
 * backend) re-render the run pane at most ~10 times a second.
 */
export interface Throttled {
  request(): void;
  /** Run now if a call is waiting (e.g. when the run ends). */
  flush(): void;
  cancel(): void;
}

export function throttle(fn: () => void, intervalMs: number, now: () => number = Date.now): Throttled {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const fire = () => {
    timer = null;
    last = now();
    fn();
  };
  return {
    request() {
      if (timer !== null) return;
      const wait = last + intervalMs - now();
      if (wait <= 0) fire();
      else timer = setTimeout(fire, wait);
    },
    flush() {
      if (timer === null) return;
      clearTimeout(timer);
      fire();
    },
    cancel() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
