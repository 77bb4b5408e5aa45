/**
 * The authoring form's fields as text, and the way to and from a definition.
 * Pure: what the learner typed becomes a raw definition, which the store checks
 * with the same `restoreAndResolve` as a link or a file (so the form can never
 * save something a link could not carry). Numbers that do not parse stay NaN and
 * the check names the field.
 */
import type { CustomDrillDefinition } from '../../core/custom-drill';
import type { MetricName, OutputActivation } from '../../core/drill';

export interface CustomDrillForm {
  title: string;
  base: string;
  statement: string;
  metric: MetricName;
  metricLabel: string;
  /** Needed for 1…5 points. */
  thresholds: [string, string, string, string, string];
  outputActivation: OutputActivation | 'any';
  /** Comma- or space-separated layer class names. */
  requiredLayers: string;
  forbiddenLayers: string;
  /** Empty: no limit. */
  maxParams: string;
  starter: string;
}

export function formFromDefinition(d: CustomDrillDefinition): CustomDrillForm {
  const [a, b, c, e, f] = d.thresholds.map(String) as CustomDrillForm['thresholds'];
  return {
    title: d.title,
    base: d.base,
    statement: d.statement,
    metric: d.metric.name,
    metricLabel: d.metric.label,
    thresholds: [a, b, c, e, f],
    outputActivation: d.contract.outputActivation ?? 'any',
    requiredLayers: (d.contract.requiredLayers ?? []).join(', '),
    forbiddenLayers: (d.contract.forbiddenLayers ?? []).join(', '),
    maxParams: d.contract.maxParams === undefined ? '' : String(d.contract.maxParams),
    starter: d.starter,
  };
}

const layerNames = (text: string) => text.split(/[\s,]+/).filter((s) => s !== '');

/** "1e-3", " 0.25 " and "100,000" all read as numbers; anything else is NaN. */
export function parseNumber(text: string): number {
  const t = text.trim().replace(/(?<=\d)[,_ ](?=\d{3}\b)/g, '');
  return t === '' ? NaN : Number(t);
}

/**
 * The raw definition the form describes. `shape` is the base drill's input shape
 * and output units: they are the data's, not the author's to choose.
 */
export function definitionFromForm(form: CustomDrillForm, id: string, shape: { inputShape: readonly number[]; outputUnits: number }): unknown {
  const contract: Record<string, unknown> = { inputShape: [...shape.inputShape], outputUnits: shape.outputUnits };
  if (form.outputActivation !== 'any') contract.outputActivation = form.outputActivation;
  const required = layerNames(form.requiredLayers);
  if (required.length) contract.requiredLayers = required;
  const forbidden = layerNames(form.forbiddenLayers);
  if (forbidden.length) contract.forbiddenLayers = forbidden;
  if (form.maxParams.trim() !== '') contract.maxParams = parseNumber(form.maxParams);
  return {
    id,
    title: form.title.trim(),
    statement: form.statement,
    base: form.base,
    metric: { name: form.metric, label: form.metricLabel.trim() || form.metric },
    thresholds: form.thresholds.map(parseNumber),
    contract,
    starter: form.starter,
  };
}

const METRIC_WORDS: Record<MetricName, string> = { accuracy: 'accuracy', mae: 'MAE', mse: 'MSE', rmse: 'RMSE' };

/**
 * The form after the author picks another metric. The label names the metric in the
 * statement and on the report, so a label that names the old one ("test MAE (mpg)")
 * is rewritten for the new one ("test RMSE (mpg)"); an empty label gets a plain one;
 * a label in the author's own words that names no metric is theirs and is kept.
 */
export function withMetric(form: CustomDrillForm, metric: MetricName): CustomDrillForm {
  if (metric === form.metric) return form;
  const label = form.metricLabel;
  const named = /\b(accuracy|r?mse|mae)\b/i;
  let metricLabel = label;
  if (label.trim() === '') metricLabel = `test ${METRIC_WORDS[metric]}`;
  else if (named.test(label)) metricLabel = label.replace(new RegExp(named.source, 'gi'), METRIC_WORDS[metric]);
  return { ...form, metric, metricLabel };
}
