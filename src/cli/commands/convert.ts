/**
 * `dojo convert <model.keras|model.h5|model.json> <out-dir>`: a Keras file, or the
 * Python converter's model.json of a Keras 3 model (which tfjs 4.22 cannot load),
 * written as a standard tfjs layers model — `model.json` + `model.weights.bin` —
 * that plain `tf.loadLayersModel` loads, in the lab or anywhere else.
 * The result is loaded once before it is written, so what is written does load.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { artifactsToFiles } from '../../core/grading/model-files';
import { loadModelFromArtifacts } from '../../core/grading/model-io';
import { normalizeConvertedKeras3 } from '../../core/keras/converted';
import { KERAS_GRU_CLASS } from '../../core/keras/translate';
import type { Command } from '../main';
import { readModelDir } from '../model-files';
import { useBackend } from '../node-runner';
import { asUserError, UserError } from '../user-error';

export const convertCommand: Command = {
  summary: 'Convert a Keras .keras/.h5 file (or a converter model.json from Keras 3) into a standard tfjs layers model.',
  usage: 'dojo convert <model.keras|model.h5|model.json> <out-dir>',
  options: {},
  async run({ positionals }) {
    const [input, outDir] = positionals;
    if (!input || !outDir || positionals.length > 2) throw new UserError(`expected a model file and an output folder.\nUsage: ${this.usage}`);
    const artifacts = normalizeConvertedKeras3(await asUserError('', () => readModelDir(input)));
    if (JSON.stringify(artifacts.modelTopology).includes(`"class_name":"${KERAS_GRU_CLASS}"`)) {
      throw new UserError(
        `the model has a GRU with reset_after=True (the Keras default), which plain TensorFlow.js cannot run, so no standard model.json can hold it. ` +
          `\`dojo grade\` grades this file as it is; for a portable model, use GRU(..., reset_after=False) or an LSTM in Keras and save again.`,
      );
    }
    await useBackend('cpu');
    const model = await asUserError('the model cannot be converted: ', () => loadModelFromArtifacts(artifacts));
    const params = model.countParams();
    const layers = model.layers.length;
    model.dispose();
    await mkdir(outDir, { recursive: true });
    const files = artifactsToFiles(artifacts, 'model');
    for (const f of files) await writeFile(path.join(outDir, f.name), f.bytes);
    console.log(
      `Wrote ${files.map((f) => path.join(outDir, f.name)).join(' and ')} (${layers} layers, ${params.toLocaleString('en-US')} parameters); ` +
        `load it with tf.loadLayersModel('…/model.json').`,
    );
    return 0;
  },
};
