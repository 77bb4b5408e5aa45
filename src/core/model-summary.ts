/**
 * Keras' `model.summary()` as data: one row per layer (name, class, output shape,
 * parameters) and the totals. The executor sends it to the run pane for every run
 * (learners read this table in Keras before anything else); data, not text, so the
 * page can draw it as a table and check each field it receives.
 */
import type * as tf from '@tensorflow/tfjs';
import { formatShape } from './grading/contract';

export interface SummaryRow {
  /** Layer name, e.g. `dense_Dense1`. */
  name: string;
  /** Layer class, e.g. `Dense`. */
  className: string;
  /** As the grader prints shapes: `[null, 26, 26, 32]`; several outputs joined with `; `. */
  outputShape: string;
  params: number;
}

export interface ModelSummary {
  name: string;
  rows: SummaryRow[];
  totalParams: number;
  trainableParams: number;
}

export function summarizeModel(model: tf.LayersModel): ModelSummary {
  const rows: SummaryRow[] = [];
  // As in Keras: a Sequential summary has no row for its input (tfjs' inner model
  // has an InputLayer), a functional model's lists each Input with 0 parameters.
  const sequential = model.getClassName() === 'Sequential';
  for (const layer of model.layers) {
    const className = layer.getClassName();
    if (sequential && className === 'InputLayer') continue;
    rows.push({ name: layer.name, className, outputShape: outputShapeOf(layer), params: layer.countParams() });
  }
  const trainableParams = model.trainableWeights.reduce((n, w) => n + w.shape.reduce((a: number, b) => a * (b ?? 1), 1), 0);
  return { name: model.name, rows, totalParams: model.countParams(), trainableParams };
}

function outputShapeOf(layer: tf.layers.Layer): string {
  try {
    const s = layer.outputShape as (number | null)[] | (number | null)[][];
    if (Array.isArray(s[0])) return (s as (number | null)[][]).map(formatShape).join('; ');
    return formatShape(s as (number | null)[]);
  } catch {
    // A layer used at several places has no single output shape (tfjs throws).
    return 'multiple';
  }
}

/** `[null, 26, 26, 32]` (the grader's form) as Keras prints it: `(None, 26, 26, 32)`. */
function kerasShape(shape: string): string {
  return shape.replace(/\[([^\]]*)\]/g, (_, dims: string) => {
    const parts = dims.split(',').map((d) => (d.trim() === 'null' ? 'None' : d.trim()));
    return parts.length === 1 ? `(${parts[0]},)` : `(${parts.join(', ')})`;
  });
}

/** The table as Keras prints it (shapes as Python tuples, counts right-aligned), for the CLI and the console. */
export function summaryText(summary: ModelSummary): string {
  const header = ['Layer (type)', 'Output Shape', 'Param #'];
  const body = summary.rows.map((r) => [`${r.name} (${r.className})`, kerasShape(r.outputShape), r.params.toLocaleString('en-US')]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('   ').trimEnd();
  const rule = '_'.repeat(widths.reduce((a, b) => a + b + 3, -3));
  return [
    `Model: "${summary.name}"`,
    rule,
    line(header),
    '='.repeat(rule.length),
    ...body.map(line),
    '='.repeat(rule.length),
    `Total params: ${summary.totalParams.toLocaleString('en-US')}`,
    `Trainable params: ${summary.trainableParams.toLocaleString('en-US')}`,
    `Non-trainable params: ${(summary.totalParams - summary.trainableParams).toLocaleString('en-US')}`,
    rule,
  ].join('\n');
}
