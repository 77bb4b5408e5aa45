/**
 * Issue 14's cases as learner files, run through the executor the app and the CLI
 * share: Keras-style code just works, and a model the grader would refuse stops
 * the run at its first fit, with the grader's words and the learner's line.
 */
import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LearnerSplits, TensorSplit, TextSplit } from '../../../src/core/data';
import type { DrillMeta } from '../../../src/core/drill';
import { checkContract } from '../../../src/core/grading/contract';
import * as labApi from '../../../src/core/lab';
import { executeLearnerCode, type ExecutionEvent } from '../../../src/runner/execute';

beforeAll(async () => {
  await tf.setBackend('cpu');
});
afterEach(() => vi.restoreAllMocks());

const base = { area: 2, title: 't', summary: '', dataset: 'none', metric: { name: 'accuracy', higherIsBetter: true, label: 'Accuracy' }, thresholds: [0.1, 0.2, 0.3, 0.4, 0.5] } as const;

/** Digits-like: 4 features, 3 classes, int32 class ids (as the lab hands mnist's). */
const classesDrill: DrillMeta = { ...base, id: 'classes', contract: { inputShape: [4], outputUnits: 3, outputActivation: 'softmax', maxParams: 200 } } as DrillMeta;
function classSplit(n: number): TensorSplit {
  const xs = Float32Array.from({ length: n * 4 }, (_, i) => ((i * 7) % 11) / 11);
  const ys = Int32Array.from({ length: n }, (_, i) => i % 3);
  return { kind: 'tensor', xs: { dtype: 'float32', shape: [n, 4], values: xs }, ys: { dtype: 'int32', shape: [n], values: ys } };
}
const classSplits: LearnerSplits = { train: classSplit(12), validation: classSplit(6) };

const textDrill: DrillMeta = { ...base, id: 'text', contract: { inputShape: [6], outputUnits: 1, outputActivation: 'sigmoid', maxParams: 1000, forbiddenLayers: ['Lambda'] } } as DrillMeta;
function textSplit(n: number): TextSplit {
  const words = ['cheap pills now', 'meeting at noon', 'win money fast', 'lunch with team tomorrow'];
  return { kind: 'text', texts: Array.from({ length: n }, (_, i) => words[i % 4]), labels: Int32Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 1 : 0)) };
}
const textSplits: LearnerSplits = { train: textSplit(8), validation: textSplit(4) };

async function run(source: string, drill: DrillMeta, splits: LearnerSplits, trainAnyway?: boolean) {
  const events: ExecutionEvent[] = [];
  const result = await executeLearnerCode({
    tf,
    modules: { 'tensor-dojo': labApi },
    source,
    filename: 'drill.ts',
    drill,
    splits,
    backend: 'cpu',
    emit: (e) => events.push(e),
    batchEventIntervalMs: 0,
    trainAnyway,
  });
  const consoleText = events.flatMap((e) => (e.type === 'console' ? [`${e.level}: ${e.text}`] : []));
  return { result, events, consoleText };
}

/** Line (1-based) of the first occurrence of `needle` in `source`. */
const lineOf = (source: string, needle: string) => source.split('\n').findIndex((l) => l.includes(needle)) + 1;

const SPARSE = `import * as tf from '@tensorflow/tfjs';
import type { Lab, TensorLabData } from 'tensor-dojo';
export default async function train(lab: Lab<TensorLabData>) {
  const { train, validation } = lab.data;
  const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [4], units: 3, activation: 'softmax' })] });
  model.compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
  await model.fit(train.xs, train.ys, { epochs: 2, validationData: [validation.xs, validation.ys] });
  const score = model.evaluate(validation.xs, validation.ys) as tf.Scalar[];
  console.log('evaluated', score.length);
  return model;
}`;

describe('Keras-style code just works', () => {
  it('sparseCategoricalCrossentropy on the lab\'s int32 class ids trains (fit and evaluate)', async () => {
    const { result, events, consoleText } = await run(SPARSE, classesDrill, classSplits);
    expect(result.ok ? 'ok' : result.error.message).toBe('ok');
    const epochs = events.filter((e): e is Extract<ExecutionEvent, { type: 'epoch' }> => e.type === 'epoch');
    expect(epochs).toHaveLength(2);
    expect(Number.isFinite(epochs[1].logs.val_loss)).toBe(true);
    expect(consoleText).toContain('log: evaluated 2');
  });

  const TEXT = (encode: string, labels: string) => `import * as tf from '@tensorflow/tfjs';
import { Tokenizer, padSequences, padSequencesArrays } from 'tensor-dojo';
import type { Lab, TextLabData } from 'tensor-dojo';
export default async function train(lab: Lab<TextLabData>) {
  const { train } = lab.data;
  const tokenizer = new Tokenizer({ numWords: 20, oovToken: '<OOV>' });
  tokenizer.fitOnTexts(train.texts);
  const seqs = tokenizer.textsToSequences(train.texts);
  const xs = ${encode};
  const model = tf.sequential({ layers: [
    tf.layers.embedding({ inputDim: 20, outputDim: 4, inputLength: 6 }),
    tf.layers.globalAveragePooling1d(),
    tf.layers.dense({ units: 1, activation: 'sigmoid' }),
  ] });
  model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy', metrics: ['accuracy'] });
  await model.fit(xs as tf.Tensor, ${labels} as tf.Tensor, { epochs: 1 });
  return model;
}`;

  it.each([
    ['padSequences (a tensor) and train.ys', 'padSequences(seqs, { maxlen: 6 })', 'train.ys', false],
    ['integer label arrays (train.labels) straight into fit', 'padSequences(seqs, { maxlen: 6 })', '(train.labels as unknown)', false],
    ["old code: tf.tensor2d(padded.values, padded.shape) from padSequences", "(() => { const p = padSequences(seqs, { maxlen: 6 }); return tf.tensor2d(p.values, p.shape, 'float32'); })()", 'train.ys', true],
    ["old code: padSequences' old { values, shape } passed to fit as it is", '(padSequencesArrays(seqs, { maxlen: 6 }) as unknown)', 'tf.tensor1d(train.labels, "int32")', false],
  ])('%s', async (_name, encode, labels, noticed) => {
    const { result, consoleText } = await run(TEXT(encode, labels), textDrill, textSplits);
    expect(result.ok ? 'ok' : result.error.message).toBe('ok');
    const notice = consoleText.filter((t) => t.startsWith('warn: padSequences now returns a tensor'));
    expect(notice).toHaveLength(noticed ? 1 : 0);
  });
});

// The tfjs sentiment example's shape of problem: a model far over the drill's parameter limit.
const TOO_BIG = `import * as tf from '@tensorflow/tfjs';
import type { Lab, TensorLabData } from 'tensor-dojo';
export default async function train(lab: Lab<TensorLabData>) {
  const model = tf.sequential({ layers: [
    tf.layers.dense({ inputShape: [4], units: 64, activation: 'relu' }),
    tf.layers.dense({ units: 3, activation: 'softmax' }),
  ] });
  model.compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy' });
  console.log('before fit');
  await model.fit(lab.data.train.xs, lab.data.train.ys, { epochs: 3 });
  console.log('after fit');
  return model;
}`;

describe('pre-flight contract check at fit', () => {
  it('stops a model the grader would refuse before training, in the grader\'s words, at the learner\'s fit line', async () => {
    const { result, events, consoleText } = await run(TOO_BIG, classesDrill, classSplits);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    // The grader's own sentence for this model.
    const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [4], units: 64, activation: 'relu' }), tf.layers.dense({ units: 3, activation: 'softmax' })] });
    const graderWords = checkContract(model, classesDrill.contract).filter((c) => !c.passed).map((c) => c.message);
    model.dispose();
    expect(graderWords).toEqual(['The model has 515 parameters but the drill allows at most 200.']);
    expect(result.error.kind).toBe('contract');
    expect(result.error.message).toContain(graderWords[0]);
    expect(result.error.position?.line).toBe(lineOf(TOO_BIG, 'await model.fit'));
    expect(result.error.hint).toMatch(/Train anyway/);
    expect(events.some((e) => e.type === 'train-begin')).toBe(false);
    expect(consoleText).toEqual(['log: before fit']);
    // The summary still went out: the learner sees what they built.
    const summary = events.find((e) => e.type === 'summary');
    expect(summary && summary.type === 'summary' && summary.summary.totalParams).toBe(515);
  });

  // (The host sends it as the run message's own field; the e2e preflight test covers that path.)
  it.each([['the executor option', { drill: classesDrill, anyway: true }]])('trains anyway when asked (%s), with a warning in the grader\'s words', async (_name, { drill, anyway }) => {
    const seen: unknown[] = [];
    const SPY = TOO_BIG.replace("console.log('before fit');", "console.log('before fit', JSON.stringify(lab.drill));");
    const { result, events, consoleText } = await run(SPY, drill, classSplits, anyway);
    expect(result.ok ? 'ok' : result.error.message).toBe('ok');
    expect(events.filter((e) => e.type === 'epoch')).toHaveLength(3);
    expect(consoleText).toContain('warn: Training anyway, but the grader will refuse this model: The model has 515 parameters but the drill allows at most 200.');
    expect(consoleText).toContain('log: after fit');
    // Learner code never sees the run option.
    seen.push(...consoleText.filter((t) => t.startsWith('log: before fit')));
    expect(String(seen[0])).not.toContain('trainAnyway');
  });

  it('stops fitDataset the same way (windowed series come as a tf.data.Dataset)', async () => {
    const DATASET = TOO_BIG.replace(
      'await model.fit(lab.data.train.xs, lab.data.train.ys, { epochs: 3 });',
      'const ds = tf.data.zip({ xs: tf.data.array(lab.data.train.xs.unstack()), ys: tf.data.array(lab.data.train.ys.toFloat().unstack()) }).batch(4);\n  await model.fitDataset(ds as never, { epochs: 3 });',
    );
    const { result, events } = await run(DATASET, classesDrill, classSplits);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toContain('The model has 515 parameters but the drill allows at most 200.');
    expect(result.error.position?.line).toBe(lineOf(DATASET, 'await model.fitDataset'));
    expect(events.some((e) => e.type === 'train-begin')).toBe(false);
    const anyway = await run(DATASET, classesDrill, classSplits, true);
    expect(anyway.result.ok ? 'ok' : anyway.result.error.message).toBe('ok');
    expect(anyway.events.filter((e) => e.type === 'epoch')).toHaveLength(3);
  });

  it('checks the wrong output activation and input shape the same way', async () => {
    const WRONG = SPARSE.replace("activation: 'softmax'", "activation: 'sigmoid'").replace('inputShape: [4]', 'inputShape: [4, 1]');
    const { result } = await run(WRONG, classesDrill, classSplits);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toContain('Input shape is [null, 4, 1] but the drill requires [null, 4].');
    expect(result.error.message).toContain("but the drill requires 'softmax'.");
  });
});

describe('the run shows the model and speaks in the learner\'s terms', () => {
  it('sends one summary table per run, also when the model is never fitted', async () => {
    const NO_FIT = `import * as tf from '@tensorflow/tfjs';
export default async function train() {
  return tf.sequential({ layers: [tf.layers.dense({ inputShape: [4], units: 3, activation: 'softmax' })] });
}`;
    for (const source of [SPARSE, NO_FIT]) {
      const { events } = await run(source, classesDrill, classSplits);
      const summaries = events.filter((e) => e.type === 'summary');
      expect(summaries).toHaveLength(1);
      const s = (summaries[0] as Extract<ExecutionEvent, { type: 'summary' }>).summary;
      expect(s.rows.map((r) => [r.className, r.outputShape, r.params])).toEqual([['Dense', '[null, 3]', 15]]);
      expect([s.totalParams, s.trainableParams]).toEqual([15, 15]);
      // The learner's Sequential, not the functional model tfjs keeps inside it.
      expect(s.name).toMatch(/^sequential_\d+$/);
    }
  });

  it("prints learner's model.summary() to the lab console, not to stdout", async () => {
    const stdout = vi.spyOn(console, 'log');
    const { consoleText } = await run(SPARSE.replace('await model.fit', 'model.summary();\n  await model.fit'), classesDrill, classSplits);
    expect(stdout).not.toHaveBeenCalled();
    expect(consoleText.some((t) => /Total params: 15/.test(t))).toBe(true);
  });

  it('names a non-tensor argument to fit, at the learner\'s line', async () => {
    const BAD = SPARSE.replace('await model.fit(train.xs, train.ys,', "await model.fit(train.xs, 'labels' as never,");
    const { result } = await run(BAD, classesDrill, classSplits);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toMatch(/^model\.fit got a string as its targets \(y\), not a tensor: pass tensors/);
    expect(result.error.position?.line).toBe(lineOf(BAD, 'await model.fit'));
  });

  it('translates a tfjs shape error, keeping the original message', async () => {
    const BAD = SPARSE.replace("inputShape: [4], units: 3, activation: 'softmax'", "inputShape: [4], units: 3, activation: 'softmax' }), tf.layers.conv1d({ filters: 3, kernelSize: 2");
    const { result } = await run(BAD, classesDrill, classSplits);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toMatch(/^The layer conv1d_Conv1D\d+ needs inputs with 3 dimensions .*add a Reshape before it.* \(line 5, column \d+\)$/);
    expect(result.error.original).toMatch(/^(ValueError: )?Input 0 is incompatible with layer conv1d_Conv1D\d+: expected ndim=3, found ndim=2/);
  });

  it('says once when the loss becomes NaN, naming the fit line', async () => {
    // A learning rate far too high for unscaled targets: tfjs trains on, the loss NaN.
    const NAN = `import * as tf from '@tensorflow/tfjs';
import type { Lab, TensorLabData } from 'tensor-dojo';
export default async function train(lab: Lab<TensorLabData>) {
  const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [4], units: 1 })] });
  model.compile({ optimizer: tf.train.sgd(1e6), loss: 'meanSquaredError' });
  await model.fit(lab.data.train.xs.mul(1000), lab.data.train.ys, { epochs: 8 });
  return model;
}`;
    const lineDrill = { ...classesDrill, contract: { inputShape: [4], outputUnits: 1 } } as DrillMeta;
    const { consoleText, events } = await run(NAN, lineDrill, classSplits);
    expect(events.filter((e) => e.type === 'epoch').some((e) => e.type === 'epoch' && Number.isNaN(e.logs.loss))).toBe(true);
    const nan = consoleText.filter((t) => t.includes('became NaN'));
    expect(nan).toHaveLength(1);
    expect(nan[0]).toMatch(new RegExp(`lower the learning rate.*\\(the fit at line ${lineOf(NAN, 'await model.fit')}\\)`));
  });
});
