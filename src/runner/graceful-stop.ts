/**
 * Stop pressed while learner code trains, handled inside the sandbox so the model
 * being trained is not lost with the worker.
 *
 * tfjs ends a fit at a batch's end once `model.stopTraining` is set; that is what
 * a stop request does to every fit in progress. When such a fit returns, the run
 * halts: the model is handed to the executor to save, and the learner's `await
 * model.fit(...)` never settles, so the rest of their script does not run — Stop
 * means stop, and a script that would evaluate, print or train a second model
 * after fit cannot do so on a model the learner asked to stop. (The page ends the
 * worker as soon as the model is out.)
 *
 * A request that finds no fit running (learner code between two fits) halts at
 * once with the last model that trained, if any; a fit started afterwards never
 * begins. A request that is never seen (a busy loop, a long batch) is the page's
 * business: it terminates the worker after a grace period.
 */
import type * as tfType from '@tensorflow/tfjs';

export interface GracefulStop {
  /** Settles once training stopped on request, with the model to keep (null when none trained a batch). */
  readonly halted: Promise<tfType.LayersModel | null>;
  readonly requested: boolean;
  /** A fit is starting on `model`; false when it must not (a stop was requested): halt instead. */
  fitStarting(model: tfType.LayersModel): boolean;
  /** After each batch (our callback runs last): marks the model trained and re-applies a pending stop. */
  batchEnded(model: tfType.LayersModel): void;
  /** A fit returned or threw; true when the run halts here (its promise must then never settle). */
  fitEnded(model: tfType.LayersModel): boolean;
}

export function createGracefulStop(signal: AbortSignal | undefined): GracefulStop {
  const active = new Set<tfType.LayersModel>();
  let lastTrained: tfType.LayersModel | null = null;
  let halt!: (model: tfType.LayersModel | null) => void;
  const halted = new Promise<tfType.LayersModel | null>((resolve) => (halt = resolve));

  const stop: GracefulStop = {
    halted,
    get requested() {
      return signal?.aborted === true;
    },
    fitStarting(model) {
      if (stop.requested) {
        halt(lastTrained);
        return false;
      }
      active.add(model);
      return true;
    },
    batchEnded(model) {
      lastTrained = model;
      // Set again at every batch's end: a learner callback may have cleared it.
      if (stop.requested) model.stopTraining = true;
    },
    fitEnded(model) {
      active.delete(model);
      if (!stop.requested) return false;
      halt(lastTrained);
      return true;
    },
  };

  signal?.addEventListener(
    'abort',
    () => {
      for (const model of active) model.stopTraining = true;
      if (active.size === 0) halt(lastTrained);
    },
    { once: true },
  );
  return stop;
}

/** What a halted fit hands back to the learner's code: a promise that never settles. */
export function never(): Promise<never> {
  return new Promise<never>(() => {});
}
