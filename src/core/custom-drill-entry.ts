/**
 * Turns a custom drill definition into a drill entry the whole lab can use, and
 * makes a fresh definition from a shipped drill for the authoring form.
 *
 * A custom drill borrows its base drill's dataset, splits and grade inputs (code
 * we ship and trust), and brings its own statement, starter, metric, thresholds and
 * contract rules. Since the grade inputs are the base's, the model's input shape,
 * output size and the kind of metric (accuracy for a classifier, an error for a
 * regression or forecast) must be the base's too: anything else could never be
 * graded, so it is refused here with the reason, before a learner trains for it.
 */
import { CUSTOM_DRILL_PREFIX, metricHigherIsBetter, restoreCustomDrill, type CustomDrillDefinition, type RestoreResult } from './custom-drill';
import type { Drill, MetricName } from './drill';
import type { DrillEntry } from './registry';

/** Metrics a custom drill may use on a base whose own metric is `base`. */
export function compatibleMetrics(base: MetricName): readonly MetricName[] {
  return base === 'accuracy' ? ['accuracy'] : ['mae', 'mse', 'rmse'];
}

const sameShape = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((d, i) => d === b[i]);

/**
 * The entry for `def` on `base` (a shipped drill's entry), or the reason it cannot
 * be graded. `def` must already have passed `restoreCustomDrill`.
 */
export function resolveCustomDrill(def: CustomDrillDefinition, base: DrillEntry): RestoreResult<DrillEntry> {
  const b = base.drill;
  const invalid = (why: string): RestoreResult<DrillEntry> => ({ ok: false, error: `The custom drill “${def.title}” cannot be graded: ${why}` });
  if (b.id !== def.base) return invalid(`it is built on “${def.base}”, not “${b.id}”.`);
  if (b.base !== undefined) return invalid('it is built on another custom drill; build on a shipped drill.');
  if (!compatibleMetrics(b.metric.name).includes(def.metric.name)) {
    const allowed = compatibleMetrics(b.metric.name);
    return invalid(`“${b.title}” is graded on ${b.metric.name === 'accuracy' ? 'classes' : 'numbers'}, so the metric must be ${allowed.join(', ').replace(/, (?=[^,]*$)/, ' or ')}.`);
  }
  if (!sameShape(def.contract.inputShape, b.contract.inputShape)) {
    return invalid(`the model input must be [${b.contract.inputShape.join(', ')}], the shape of “${b.title}”’s data (it says [${def.contract.inputShape.join(', ')}]).`);
  }
  if (def.contract.outputUnits !== b.contract.outputUnits) {
    return invalid(`the output layer must have ${b.contract.outputUnits} unit${b.contract.outputUnits === 1 ? '' : 's'}, as “${b.title}”’s targets do (it says ${def.contract.outputUnits}).`);
  }
  const drill: Drill = {
    ...b,
    id: def.id,
    title: def.title,
    summary: `Custom drill on the data of “${b.title}”.`,
    base: b.id,
    metric: { name: def.metric.name, label: def.metric.label, higherIsBetter: metricHigherIsBetter(def.metric.name) },
    thresholds: def.thresholds,
    contract: def.contract,
    // The base's calibration note describes the base's thresholds, not these.
    calibration: undefined,
  };
  return { ok: true, value: { drill, statement: def.statement, starter: def.starter, custom: def } };
}

/** Checks an untrusted definition (from a link, a file or storage) all the way: fields, base, and fit to the base. */
export function restoreAndResolve(raw: unknown, shipped: { has(id: string): boolean; get(id: string): DrillEntry }): RestoreResult<DrillEntry> {
  const restored = restoreCustomDrill(raw, (id) => shipped.has(id) && shipped.get(id).drill.base === undefined);
  if (!restored.ok) return restored;
  return resolveCustomDrill(restored.value, shipped.get(restored.value.base));
}

/** `custom-<slug of the title>-<suffix>`, within the id's length limit. */
export function customDrillId(title: string, suffix: string): string {
  const slug = title
    .normalize('NFKD')
    // Accents are separate marks after NFKD: dropping them keeps "é" as "e".
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  const tail = suffix.toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 8) || '0';
  return `${CUSTOM_DRILL_PREFIX}${slug ? `${slug}-` : ''}${tail}`;
}

/** A new definition that starts as a copy of `base`: same rules, its starter, a statement to edit. */
export function customDrillFrom(base: DrillEntry, id: string, title = `My ${base.drill.title}`): CustomDrillDefinition {
  const b = base.drill;
  return {
    id,
    title,
    statement: `# ${title}\n\nBuilt on the data of **${b.title}** (same train, validation and test splits).\n\nDescribe the task here: what to build, what to try, what the thresholds ask for.\n`,
    base: b.id,
    metric: { name: b.metric.name, label: b.metric.label },
    thresholds: b.thresholds,
    contract: { ...b.contract },
    starter: base.starter,
  };
}
