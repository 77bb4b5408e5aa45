/**
 * Folds the runner's event stream into what the run pane shows: console lines,
 * progress with ETA, the backend, the error and the curves.
 *
 * Curves can hold thousands of points, so their arrays are append-only and shared
 * between snapshots; `seriesVersion` changes whenever they grow, which is what
 * charts watch. Everything else in a snapshot is a fresh value.
 */
import type { MetricName } from '../core/drill';
import type { ModelSummary } from '../core/model-summary';
import type { BackendAttempt, BackendName, LearnerError, Logs } from '../runner/protocol';
import type { RunEvent } from '../runner/types';

export interface ConsoleLine {
  level: 'log' | 'info' | 'warn' | 'error';
  text: string;
}

export interface RunProgress {
  /** Epochs of the current `fit` call. */
  epochs: number;
  batchesPerEpoch: number | null;
  /** 0-based epoch in progress (equals `epochs` when done). */
  epoch: number;
  /** Batches finished in the current epoch. */
  batchesDone: number;
  /** 0..1, or null before anything is known. */
  fraction: number | null;
  /** Milliseconds left, from the pace so far; null until one batch or epoch is done. */
  etaMs: number | null;
}

/**
 * Curves on one x axis counted in epochs: the end of epoch 3 is x = 3 and a batch
 * half-way through epoch 3 is x = 2.5. The runner sends per-batch logs throttled
 * (not every batch), so positions come from the event's own epoch/batch numbers.
 */
export interface TrainingSeries {
  /** The logs key plotted as the metric (e.g. 'acc', 'mae'), once one is seen. */
  metricKey: string | null;
  batch: { x: number[]; loss: number[]; metric: number[] };
  epoch: { x: number[]; loss: number[]; valLoss: number[]; metric: number[]; valMetric: number[] };
}

export interface TensorCounts {
  before: number;
  after: number;
  modelWeights: number;
}

export interface RunView {
  backend: BackendName | null;
  backendAttempts: BackendAttempt[];
  console: ConsoleLine[];
  /** Lines dropped from the start because the console is capped. */
  consoleDropped: number;
  progress: RunProgress | null;
  series: TrainingSeries;
  seriesVersion: number;
  error: LearnerError | null;
  tensors: TensorCounts | null;
  ms: number | null;
  hasModel: boolean;
  /** The model's Keras-style summary (the last one the run sent). */
  summary: ModelSummary | null;
  /** Where training stood when Stop ended the run (1-based epoch of the last fit), once it did. */
  stoppedAt: { epoch: number; epochs: number } | null;
}

export const CONSOLE_LIMIT = 1000;
/**
 * Points kept per curve. A long run (or a sandbox that sends a flood) would
 * otherwise grow the arrays without bound; past this, every other point is dropped
 * and later points are kept at the coarser spacing, so a curve always spans the
 * whole run at a resolution a chart can show.
 */
export const POINTS_LIMIT = 20_000;
/** Batch points of an epoch whose batch count is not yet known, held until its end. */
export const WAITING_LIMIT = 10_000;

const METRIC_KEYS: Record<MetricName, string[]> = {
  accuracy: ['acc', 'accuracy', 'sparseCategoricalAccuracy', 'categoricalAccuracy', 'binaryAccuracy'],
  mae: ['mae', 'meanAbsoluteError', 'MAE'],
  mse: ['mse', 'meanSquaredError', 'MSE'],
  rmse: ['rmse', 'mse', 'meanSquaredError'],
};

// tfjs puts bookkeeping into batch logs next to the numbers we want.
const NOT_METRICS = new Set(['loss', 'batch', 'size']);

/** Picks the logs key to plot as "the metric": the drill's own if present, else the first one logged. */
export function pickMetricKey(logs: Logs, metric?: MetricName): string | null {
  const keys = Object.keys(logs).filter((k) => !NOT_METRICS.has(k) && !k.startsWith('val_') && Number.isFinite(logs[k]));
  if (metric) {
    const preferred = METRIC_KEYS[metric].find((k) => keys.includes(k));
    if (preferred) return preferred;
  }
  return keys[0] ?? null;
}

/** Tensors still alive after the learner's function returned that are not the model's weights. */
export function leakedTensors(t: TensorCounts | null | undefined): number {
  if (!t) return 0;
  return Math.max(0, t.after - t.before - t.modelWeights);
}

export function emptyRunView(): RunView {
  return {
    backend: null,
    backendAttempts: [],
    console: [],
    consoleDropped: 0,
    progress: null,
    series: {
      metricKey: null,
      batch: { x: [], loss: [], metric: [] },
      epoch: { x: [], loss: [], valLoss: [], metric: [], valMetric: [] },
    },
    seriesVersion: 0,
    error: null,
    tensors: null,
    ms: null,
    hasModel: false,
    summary: null,
    stoppedAt: null,
  };
}

/**
 * The epoch a run was in when it stopped, 1-based: after a batch of epoch e (0-based)
 * it is e + 1; after epoch e's end (tfjs ends the epoch a stop cut short) also e + 1.
 */
export function stoppedEpoch(p: RunProgress): number {
  return Math.min(p.epochs, p.batchesDone > 0 ? p.epoch + 1 : Math.max(1, p.epoch));
}

const num = (v: number | undefined): number => (typeof v === 'number' && Number.isFinite(v) ? v : NaN);

/** Keeps every `stride`-th point offered, halving the arrays (in place) and doubling the stride when they are full. */
function thinnedSeries<K extends string>(arrays: () => Record<K, number[]>) {
  let stride = 1;
  let offered = 0;
  return (point: Record<K, number>) => {
    if (offered++ % stride !== 0) return;
    const a = arrays();
    const keys = Object.keys(point) as K[];
    if (a[keys[0]].length >= POINTS_LIMIT) {
      for (const k of keys) {
        const arr = a[k];
        for (let i = 0; i < arr.length; i += 2) arr[i / 2] = arr[i];
        arr.length = Math.ceil(arr.length / 2);
      }
      stride *= 2;
    }
    for (const k of keys) a[k].push(point[k]);
  };
}

export interface RunFold {
  apply(event: RunEvent, now: number): void;
  /** A view of everything applied so far (cheap: curves are shared, not copied). */
  snapshot(): RunView;
}

export function createRunFold(options: { metric?: MetricName } = {}): RunFold {
  let view = emptyRunView();
  const s = view.series;
  let trainBeganAt: number | null = null;
  // Per `fit` call: epochs finished in it, and its batches per epoch once known.
  let fitEpochsDone = 0;
  let perEpoch: number | null = null;
  // Epochs finished by earlier `fit` calls, so a second fit continues the curves.
  let epochBase = 0;
  // Batch points of an epoch whose batch count is unknown wait for its end.
  let waiting: Array<{ epoch: number; batch: number; loss: number; metric: number }> = [];

  const noteMetricKey = (logs: Logs) => {
    if (s.metricKey === null) s.metricKey = pickMetricKey(logs, options.metric);
  };

  const addBatchPoint = thinnedSeries(() => s.batch);
  const addEpochPoint = thinnedSeries(() => s.epoch);
  const pushBatchPoint = (p: { epoch: number; batch: number; loss: number; metric: number }, batches: number) => {
    addBatchPoint({ x: epochBase + p.epoch + Math.min(1, (p.batch + 1) / batches), loss: p.loss, metric: p.metric });
  };

  const updateProgress = (now: number, epochFraction: number) => {
    const p = view.progress;
    if (!p) return;
    const fraction = p.epochs > 0 ? Math.min(1, (fitEpochsDone + epochFraction) / p.epochs) : null;
    const elapsed = trainBeganAt === null ? 0 : now - trainBeganAt;
    const etaMs = fraction !== null && fraction > 0 && elapsed > 0 ? (elapsed * (1 - fraction)) / fraction : null;
    view = { ...view, progress: { ...p, fraction, etaMs } };
  };

  const apply = (event: RunEvent, now: number): void => {
    switch (event.type) {
      case 'backend':
        view = { ...view, backend: event.backend, backendAttempts: event.attempts };
        return;
      case 'console': {
        let lines = [...view.console, { level: event.level, text: event.text }];
        let dropped = view.consoleDropped;
        if (lines.length > CONSOLE_LIMIT) {
          dropped += lines.length - CONSOLE_LIMIT;
          lines = lines.slice(lines.length - CONSOLE_LIMIT);
        }
        view = { ...view, console: lines, consoleDropped: dropped };
        return;
      }
      case 'train-begin':
        trainBeganAt = now;
        epochBase += fitEpochsDone;
        fitEpochsDone = 0;
        perEpoch = event.batchesPerEpoch && event.batchesPerEpoch > 0 ? event.batchesPerEpoch : null;
        waiting = [];
        view = {
          ...view,
          progress: { epochs: event.epochs, batchesPerEpoch: event.batchesPerEpoch, epoch: 0, batchesDone: 0, fraction: 0, etaMs: null },
        };
        return;
      case 'batch': {
        noteMetricKey(event.logs);
        const point = {
          epoch: event.epoch,
          batch: event.batch,
          loss: num(event.logs.loss),
          metric: s.metricKey ? num(event.logs[s.metricKey]) : NaN,
        };
        if (perEpoch) {
          pushBatchPoint(point, perEpoch);
          view = { ...view, seriesVersion: view.seriesVersion + 1 };
        } else if (waiting.length < WAITING_LIMIT) {
          waiting.push(point);
        }
        const p = view.progress;
        if (p) {
          const batchesDone = event.batch + 1;
          view = { ...view, progress: { ...p, epoch: event.epoch, batchesDone } };
          // Without a known batch count the bar moves per epoch only.
          updateProgress(now, perEpoch ? Math.min(1, batchesDone / perEpoch) : 0);
        }
        return;
      }
      case 'epoch': {
        noteMetricKey(event.logs);
        if (waiting.length > 0) {
          // Throttled batch logs may miss the last batches; the largest index seen is the best guess.
          // (A loop, not Math.max(...): spreading a long array overflows the call stack.)
          const guess = waiting.reduce((max, w) => Math.max(max, w.batch), 0) + 1;
          for (const w of waiting) pushBatchPoint(w, guess);
          waiting = [];
          perEpoch ??= guess;
        }
        addEpochPoint({
          x: epochBase + event.epoch + 1,
          loss: num(event.logs.loss),
          valLoss: num(event.logs.val_loss),
          metric: s.metricKey ? num(event.logs[s.metricKey]) : NaN,
          valMetric: s.metricKey ? num(event.logs[`val_${s.metricKey}`]) : NaN,
        });
        view = { ...view, seriesVersion: view.seriesVersion + 1 };
        fitEpochsDone = event.epoch + 1;
        const p = view.progress;
        if (p) {
          view = { ...view, progress: { ...p, epoch: event.epoch + 1, batchesDone: 0 } };
          updateProgress(now, 0);
        }
        return;
      }
      case 'model':
        view = { ...view, hasModel: true };
        return;
      case 'summary':
        view = { ...view, summary: event.summary };
        return;
      case 'error':
        view = { ...view, error: event.error };
        return;
      case 'stopped': {
        const p = view.progress;
        view = {
          ...view,
          hasModel: event.artifacts !== null,
          stoppedAt: p ? { epoch: stoppedEpoch(p), epochs: p.epochs } : null,
          progress: p ? { ...p, etaMs: null } : null,
        };
        return;
      }
      case 'done':
        view = { ...view, tensors: event.tensors, ms: event.ms };
        if (view.progress) view = { ...view, progress: { ...view.progress, etaMs: 0 } };
        return;
    }
  };

  return { apply, snapshot: () => view };
}

/** "1:05", "12 s"; for the ETA and run times. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  if (total < 60) return `${total} s`;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const sec = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}
