/**
 * A drill a learner authors: statement, metric, thresholds, contract and starter,
 * on the dataset and splits of a shipped drill (`base`). Splits are code, and code
 * from a link must never run on the trusted side, so a custom drill can only pick
 * a shipped split, not bring its own.
 *
 * Definitions arrive from links and files, so `restoreCustomDrill` checks every
 * field and says which one is wrong instead of throwing.
 */
import type { MetricName, ModelContract, OutputActivation, Thresholds } from './drill';
import { fnv1a32 } from './share/checksum';

export interface CustomDrillDefinition {
  /** `custom-<slug>`: the prefix keeps it from ever shadowing a shipped drill. */
  id: string;
  title: string;
  /** Markdown, rendered with the same sanitiser as shipped statements. */
  statement: string;
  /** Id of the shipped drill whose dataset and splits are used. */
  base: string;
  metric: { name: MetricName; label: string };
  thresholds: Thresholds;
  contract: ModelContract;
  starter: string;
}

export const CUSTOM_DRILL_PREFIX = 'custom-';

export const CUSTOM_DRILL_LIMITS = {
  idChars: 64,
  titleChars: 120,
  labelChars: 80,
  statementChars: 20_000,
  starterChars: 50_000,
  listItems: 16,
  layerNameChars: 40,
} as const;

const METRICS: readonly MetricName[] = ['accuracy', 'mae', 'mse', 'rmse'];
const ACTIVATIONS: readonly OutputActivation[] = ['softmax', 'sigmoid', 'linear'];

/**
 * Whether two checked definitions say the same. `restoreCustomDrill` builds every
 * definition with its fields in one order, so their JSON can be compared.
 */
export function sameCustomDrill(a: CustomDrillDefinition, b: CustomDrillDefinition): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The same drill under an id and title of its own, for when a different drill
 * already holds its id (an import conflict, a shared link). The id is made from
 * the content, so copying the same definition again — the same file imported
 * twice, the same link opened twice — gives the same id and adds nothing new.
 */
export function copyOfCustomDrill(def: CustomDrillDefinition, label: string): CustomDrillDefinition {
  const tag = fnv1a32(JSON.stringify(def));
  // Cut to leave room for the tag; a cut right after a dash would make "--", which ids may not hold.
  const stem = def.id.slice(0, CUSTOM_DRILL_LIMITS.idChars - tag.length - 1).replace(/-+$/, '');
  const suffix = ` (${label})`;
  return { ...def, id: `${stem}-${tag}`, title: `${def.title.slice(0, CUSTOM_DRILL_LIMITS.titleChars - suffix.length)}${suffix}` };
}

export function metricHigherIsBetter(name: MetricName): boolean {
  return name === 'accuracy';
}

export type RestoreResult<T> = { ok: true; value: T } | { ok: false; error: string };

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

class Invalid extends Error {}

function str(o: Obj, key: string, max: number, where: string): string {
  const v = o[key];
  if (typeof v !== 'string') throw new Invalid(`${where}${key} must be text.`);
  if (v.length > max) throw new Invalid(`${where}${key} is longer than ${max.toLocaleString('en')} characters.`);
  return v;
}

function positiveInt(v: unknown, what: string, max = 1_000_000_000): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > max) throw new Invalid(`${what} must be a whole number from 1 to ${max.toLocaleString('en')}.`);
  return v;
}

function layerList(v: unknown, what: string): readonly string[] | undefined {
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || v.length > CUSTOM_DRILL_LIMITS.listItems) throw new Invalid(`${what} must be a list of at most ${CUSTOM_DRILL_LIMITS.listItems} layer names.`);
  return v.map((name) => {
    if (typeof name !== 'string' || !/^[A-Za-z][A-Za-z0-9_]*$/.test(name) || name.length > CUSTOM_DRILL_LIMITS.layerNameChars) {
      throw new Invalid(`${what} holds "${String(name).slice(0, 40)}", which is not a layer class name such as Conv2D.`);
    }
    return name;
  });
}

function restoreContract(v: unknown): ModelContract {
  if (!isObj(v)) throw new Invalid('contract is missing.');
  const shape = v.inputShape;
  if (!Array.isArray(shape) || shape.length < 1 || shape.length > 4) throw new Invalid('contract.inputShape must list 1 to 4 dimensions.');
  const inputShape = shape.map((d, i) => positiveInt(d, `contract.inputShape[${i}]`, 100_000));
  const outputUnits = positiveInt(v.outputUnits, 'contract.outputUnits', 100_000);
  const contract: ModelContract = { inputShape, outputUnits };
  if (v.outputActivation !== undefined) {
    if (!ACTIVATIONS.includes(v.outputActivation as OutputActivation)) throw new Invalid(`contract.outputActivation must be one of ${ACTIVATIONS.join(', ')}.`);
    contract.outputActivation = v.outputActivation as OutputActivation;
  }
  const forbiddenLayers = layerList(v.forbiddenLayers, 'contract.forbiddenLayers');
  if (forbiddenLayers) contract.forbiddenLayers = forbiddenLayers;
  const requiredLayers = layerList(v.requiredLayers, 'contract.requiredLayers');
  if (requiredLayers) contract.requiredLayers = requiredLayers;
  if (v.maxParams !== undefined) contract.maxParams = positiveInt(v.maxParams, 'contract.maxParams');
  return contract;
}

function restoreThresholds(v: unknown, higherIsBetter: boolean): Thresholds {
  if (!Array.isArray(v) || v.length !== 5 || !v.every((t) => typeof t === 'number' && Number.isFinite(t) && t >= 0)) {
    throw new Invalid('thresholds must be five numbers (the metric needed for 1, 2, 3, 4 and 5 points).');
  }
  for (let i = 1; i < 5; i++) {
    const ok = higherIsBetter ? v[i] >= v[i - 1] : v[i] <= v[i - 1];
    if (!ok) throw new Invalid(`thresholds must ${higherIsBetter ? 'rise' : 'fall'} from 1 to 5 points (an error metric needs a smaller value for more points).`);
  }
  if (higherIsBetter && v[4] > 1) throw new Invalid('accuracy thresholds are fractions between 0 and 1.');
  return [v[0], v[1], v[2], v[3], v[4]];
}

/**
 * Checks and copies a definition from an untrusted source. Unknown fields are
 * dropped. `isShippedDrill` lets the caller insist the base exists in this version.
 */
export function restoreCustomDrill(raw: unknown, isShippedDrill?: (id: string) => boolean): RestoreResult<CustomDrillDefinition> {
  try {
    if (!isObj(raw)) throw new Invalid('the custom drill is not an object.');
    const id = str(raw, 'id', CUSTOM_DRILL_LIMITS.idChars, '');
    if (!id.startsWith(CUSTOM_DRILL_PREFIX) || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
      throw new Invalid(`id must start with "${CUSTOM_DRILL_PREFIX}" and use lower-case letters, digits and dashes.`);
    }
    const title = str(raw, 'title', CUSTOM_DRILL_LIMITS.titleChars, '').trim();
    if (title === '') throw new Invalid('title is empty.');
    const statement = str(raw, 'statement', CUSTOM_DRILL_LIMITS.statementChars, '');
    const base = str(raw, 'base', CUSTOM_DRILL_LIMITS.idChars, '');
    if (!/^[\w-]+$/.test(base)) throw new Invalid('base must be the id of a shipped drill.');
    if (isShippedDrill && !isShippedDrill(base)) throw new Invalid(`it is built on the drill "${base}", which this version of Tensor Dojo does not have.`);
    if (!isObj(raw.metric)) throw new Invalid('metric is missing.');
    const metricName = raw.metric.name as MetricName;
    if (!METRICS.includes(metricName)) throw new Invalid(`metric.name must be one of ${METRICS.join(', ')}.`);
    const label = str(raw.metric, 'label', CUSTOM_DRILL_LIMITS.labelChars, 'metric.');
    const thresholds = restoreThresholds(raw.thresholds, metricHigherIsBetter(metricName));
    const contract = restoreContract(raw.contract);
    const starter = str(raw, 'starter', CUSTOM_DRILL_LIMITS.starterChars, '');
    return { ok: true, value: { id, title, statement, base, metric: { name: metricName, label }, thresholds, contract, starter } };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, error: `This custom drill is not valid: ${e.message}` };
    throw e;
  }
}
