/**
 * Turns the run's curves into uPlot's aligned columns: one shared, sorted x column
 * and one y column per line, with null where a line has no point (an epoch point
 * exists only every N batches). Pure, so charts just hand the result to uPlot.
 */
import type { TrainingSeries } from './run-fold';

export type Column = Array<number | null>;

export interface ChartLine {
  label: string;
  xs: readonly number[];
  ys: readonly number[];
}

export interface AlignedColumns {
  x: number[];
  ys: Column[];
}

export function alignLines(lines: readonly ChartLine[]): AlignedColumns {
  const xSet = new Set<number>();
  for (const l of lines) for (const x of l.xs) xSet.add(x);
  const x = [...xSet].sort((a, b) => a - b);
  const index = new Map(x.map((v, i) => [v, i]));
  const ys = lines.map((l) => {
    const col: Column = new Array<number | null>(x.length).fill(null);
    l.xs.forEach((xv, i) => {
      const y = l.ys[i];
      col[index.get(xv)!] = y === undefined || !Number.isFinite(y) ? null : y;
    });
    return col;
  });
  return { x, ys };
}

/** The lines of one chart; lines with no finite value at all are left out. */
export function trainingLines(series: TrainingSeries, which: 'loss' | 'metric'): ChartLine[] {
  const { batch, epoch } = series;
  const name = which === 'loss' ? 'loss' : (series.metricKey ?? 'metric');
  const candidates: ChartLine[] =
    which === 'loss'
      ? [
          { label: `${name} (batch)`, xs: batch.x, ys: batch.loss },
          { label: `${name} (epoch)`, xs: epoch.x, ys: epoch.loss },
          { label: `val_${name}`, xs: epoch.x, ys: epoch.valLoss },
        ]
      : [
          { label: `${name} (batch)`, xs: batch.x, ys: batch.metric },
          { label: `${name} (epoch)`, xs: epoch.x, ys: epoch.metric },
          { label: `val_${name}`, xs: epoch.x, ys: epoch.valMetric },
        ];
  return candidates.filter((l) => l.ys.some(Number.isFinite));
}

/**
 * How to turn a chart's series `have` into `want` (labels, in order) in place: the
 * indexes to delete (highest first) and the labels to add at their final index.
 * Null when the kept series are out of order, so only a rebuild gets there.
 * A run's lines only appear (epoch and validation points after the first epoch)
 * and a new run starts with fewer, so editing beats rebuilding the chart.
 */
export function seriesEdits(have: readonly string[], want: readonly string[]): { remove: number[]; add: { label: string; index: number }[] } | null {
  const wanted = new Set(want);
  const remove = have.flatMap((l, i) => (wanted.has(l) ? [] : [i])).reverse();
  const kept = have.filter((l) => wanted.has(l));
  const order = want.filter((l) => kept.includes(l));
  if (kept.some((l, i) => order[i] !== l)) return null;
  const add = want.flatMap((label, index) => (kept.includes(label) ? [] : [{ label, index }]));
  return { remove, add };
}
