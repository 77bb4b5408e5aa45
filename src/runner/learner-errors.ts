/**
 * Raw tfjs errors learners commonly meet, said in their terms: one sentence with
 * the cause and the fix. Pure: a message in, a sentence out (or nothing when the
 * message is not one we know, and the raw message is shown as it is). The caller
 * keeps the original message next to the sentence.
 *
 * Each pattern is written against the message tfjs 4.22 really throws; the unit
 * test produces every one of them with tfjs and translates it.
 */

export interface Translation {
  /** Which rule matched (for tests and logs). */
  rule: string;
  /** One sentence: what went wrong and what to do. */
  sentence: string;
}

interface Rule {
  rule: string;
  pattern: RegExp;
  say(m: RegExpExecArray): string;
}

/** tfjs prints shapes as `[4,2,2]`, `4,2,2` or `[,1]`; we print them as `[4, 2, 2]`, `null` for "any". */
function shape(text: string): string {
  const inner = text.trim().replace(/^\[|\]$/g, '');
  return `[${inner.split(',').map((d) => (d.trim() === '' || d.trim() === 'null' ? 'null' : d.trim())).join(', ')}]`;
}

/** tfjs layer names are `dense_Dense2` or `dense_Dense2_input`: say "the layer dense_Dense2". */
function layer(name: string): string {
  return name.replace(/_input$/, '');
}

const RULES: Rule[] = [
  {
    rule: 'dtype',
    pattern: /Argument '(\w+)' passed to '(\w+)' must be (\w+) tensor, but got (\w+) tensor/,
    say: (m) =>
      m[2] === 'oneHot'
        ? `tf.oneHot needs int32 class ids but got a ${m[4]} tensor: call .toInt() on it first (tf.oneHot(ys.toInt(), n)).`
        : `tf.${m[2]} needs a ${m[3]} tensor but got ${m[4]}: convert it first with ${m[3] === 'float32' ? '.toFloat()' : m[3] === 'int32' ? '.toInt()' : `.cast('${m[3]}')`}.`,
  },
  {
    rule: 'no-data',
    pattern: /No data provided for "([^"]+)"/,
    say: (m) =>
      `fit got no tensor for the model's ${/_input$/.test(m[1]) ? 'input' : 'output'} (${layer(m[1])}): pass tensors, e.g. padSequences(…) for texts and lab.data.train.ys for labels, not plain objects or numbers.`,
  },
  {
    rule: 'data-vs-model-shape',
    pattern: /(input|target) expected a batch of elements where each example has shape (\[[^\]]*\]).*?each with shape (\[[^\]]*\])/,
    say: (m) =>
      m[1] === 'input'
        ? `The model takes examples of shape ${shape(m[2])} but your data's examples have shape ${shape(m[3])}: make the first layer's inputShape match x.shape.slice(1), or reshape the data.`
        : `The model's output gives ${shape(m[2])} per example but your targets have ${shape(m[3])}: give the last layer as many units as the targets have columns (or use class ids with sparseCategoricalCrossentropy).`,
  },
  {
    rule: 'data-vs-model-ndim',
    pattern: /Error when checking (input|target): expected (\S+) to have (\d+) dimension\(s\)\. but got array with shape ([\d,]+)/,
    say: (m) =>
      `The model expects ${m[1] === 'input' ? 'inputs' : 'targets'} with ${m[3]} dimensions (batch included) but got shape ${shape(m[4])}: reshape the data (or change inputShape) so the two agree.`,
  },
  {
    rule: 'data-vs-model-shape',
    pattern: /Error when checking (input|target|)\s*: expected (\S+) to have shape (\[[^\]]*\]),? but got array with shape (\[?[\d,]+\]?)/,
    say: (m) =>
      m[1] === 'target'
        ? `The targets have shape ${shape(m[4])} but the model's output is ${shape(m[3])}: give the last layer as many units as the targets have columns (or use class ids with sparseCategoricalCrossentropy).`
        : `The data has shape ${shape(m[4])} but the model takes ${shape(m[3])}: make the first layer's inputShape match the data (log x.shape), or reshape the data.`,
  },
  {
    rule: 'layer-ndim',
    pattern: /Input (\d+) is incompatible with layer (\S+): expected (min_)?ndim=(\d+), found ndim=(\d+)/,
    say: (m) =>
      `The layer ${m[2]} needs inputs with ${m[3] ? 'at least ' : ''}${m[4]} dimensions (batch included) but the layer before it gives ${m[5]}: ${
        Number(m[5]) > Number(m[4]) ? 'add a Flatten (or a pooling layer) before it' : 'add a Reshape before it (e.g. [steps, 1] for Conv1D/LSTM, [h, w, 1] for Conv2D), or fix inputShape'
      }.`,
  },
  {
    rule: 'sample-count',
    pattern: /should have the same number of samples as target Tensors\. Found (\d+) input sample\(s\) and (\d+) target sample\(s\)/,
    say: (m) => `Your inputs have ${m[1]} examples but your targets ${m[2]}: make x and y from the same split, in the same order.`,
  },
  {
    rule: 'categorical-targets',
    pattern: /passing a target array of shape ([\d,]+) while using a loss 'categorical_crossentropy'/,
    say: (m) =>
      `categoricalCrossentropy needs one-hot targets but got shape ${shape(m[1])}: use sparseCategoricalCrossentropy with class ids, or one-hot them with tf.oneHot(ys.toInt(), n).`,
  },
  {
    rule: 'not-a-tensor',
    pattern: /Cannot read properties of (undefined|null) \(reading '(shape|length|dtype)'\)/,
    say: (m) => `A tfjs call got ${m[1]} where it needs a tensor: check that every argument (x, y, validationData) is defined and is a tensor.`,
  },
];

/** The learner-terms sentence for a raw tfjs error message, if we know it. */
export function translateTfjsError(message: string): Translation | undefined {
  for (const r of RULES) {
    const m = r.pattern.exec(message);
    if (m) return { rule: r.rule, sentence: r.say(m) };
  }
  return undefined;
}

/**
 * For a message no rule translates: a general pointer, shown under the raw
 * message (which then stays the headline). Kept beside RULES so one file holds
 * everything the lab says about tfjs errors.
 */
export function fallbackHint(message: string): string | undefined {
  if (/expected .* to have shape/i.test(message) || /to have \d+ dimension/i.test(message))
    return 'A tensor does not have the shape the layer expects: compare your inputShape with the data (log x.shape).';
  if (/is not a function/.test(message)) return 'Check the spelling of the tfjs call; the editor underlines unknown names.';
  if (/labels .* not match|sparseCategorical|categoricalCrossentropy/i.test(message))
    return 'Check the loss against the labels: integer class ids go with sparseCategoricalCrossentropy, one-hot with categoricalCrossentropy.';
  return undefined;
}

/**
 * tfjs does not throw when the loss becomes NaN: training goes on and the model
 * turns to garbage. The executor says this once, at the epoch where it happens.
 */
export function nanLossSentence(epoch: number, key = 'loss'): string {
  return `The ${key} became NaN at epoch ${epoch + 1}, so the weights are now garbage: lower the learning rate (e.g. adam(0.001)) and scale the inputs (pixels / 255, normalised features).`;
}
