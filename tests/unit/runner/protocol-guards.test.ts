import { describe, expect, it } from 'vitest';
import { checkRunArtifacts, parseSandboxMessage } from '../../../src/runner/protocol-guards';

const ok = (data: unknown) => {
  const r = parseSandboxMessage(data);
  if (!r.ok) throw new Error(`refused: ${r.problem}`);
  return r.message;
};
const problem = (data: unknown) => {
  const r = parseSandboxMessage(data);
  if (r.ok) throw new Error(`accepted ${JSON.stringify(data)}`);
  return r.problem;
};

/** A one-weight dense model's artifacts, as the runner sends them. */
function artifacts(weightBytes = 8) {
  return {
    modelTopology: { class_name: 'Sequential', config: { layers: [] } },
    format: 'layers-model',
    weightSpecs: [{ name: 'dense/kernel', shape: [2, 1], dtype: 'float32' }],
    weightData: new ArrayBuffer(weightBytes),
  };
}

describe('parseSandboxMessage', () => {
  it('accepts every message the runner sends, keeping only the known fields', () => {
    expect(ok({ type: 'ready' })).toEqual({ type: 'ready' });
    expect(ok({ type: 'backend', runId: 'r', backend: 'wasm', attempts: [{ backend: 'webgl', ok: false, error: 'no' }, { backend: 'wasm', ok: true }] })).toEqual({
      type: 'backend',
      runId: 'r',
      backend: 'wasm',
      attempts: [{ backend: 'webgl', ok: false, error: 'no' }, { backend: 'wasm', ok: true }],
    });
    expect(ok({ type: 'console', runId: 'r', level: 'warn', text: 'hi', extra: { evil: true } })).toEqual({ type: 'console', runId: 'r', level: 'warn', text: 'hi' });
    expect(ok({ type: 'train-begin', runId: 'r', epochs: 10, batchesPerEpoch: null })).toMatchObject({ epochs: 10, batchesPerEpoch: null });
    // A diverging loss is NaN or Infinity: real values, kept.
    expect(ok({ type: 'batch', runId: 'r', epoch: 0, batch: 3, logs: { loss: NaN, acc: Infinity } })).toMatchObject({ logs: { loss: NaN, acc: Infinity } });
    expect(ok({ type: 'epoch', runId: 'r', epoch: 2, logs: { loss: 0.5, val_loss: 0.6 } })).toMatchObject({ epoch: 2 });
    expect(ok({ type: 'error', runId: 'r', error: { kind: 'runtime', message: 'boom', position: { line: 3, column: 5 }, hint: 'try', stack: 's' } })).toMatchObject({
      error: { kind: 'runtime', message: 'boom', position: { line: 3, column: 5 }, hint: 'try', stack: 's' },
    });
    expect(ok({ type: 'done', runId: 'r', ms: 12.5, tensors: { before: 1, after: 2, modelWeights: 1 } })).toMatchObject({ ms: 12.5 });
    const summary = { name: 'sequential_1', rows: [{ name: 'dense_Dense1', className: 'Dense', outputShape: '[null, 1]', params: 10 }], totalParams: 10, trainableParams: 10 };
    expect(ok({ type: 'summary', runId: 'r', summary: { ...summary, extra: 1 } })).toEqual({ type: 'summary', runId: 'r', summary });
  });

  it.each([
    ['not an object', 'done', /not an object/],
    ['an unknown type', { type: 'steal-cookies', runId: 'r' }, /type "steal-cookies" is not one of ours/],
    ['no run id', { type: 'epoch', epoch: 0, logs: {} }, /runId is not text/],
    ['a huge run id', { type: 'epoch', runId: 'x'.repeat(1000), epoch: 0, logs: {} }, /runId is longer/],
    ['an unknown backend', { type: 'backend', runId: 'r', backend: 'quantum', attempts: [] }, /backend is not one of ours/],
    ['a long attempts list', { type: 'backend', runId: 'r', backend: 'cpu', attempts: new Array(100).fill({ backend: 'cpu', ok: true }) }, /not a short list/],
    ['a console level of its own', { type: 'console', runId: 'r', level: 'alert', text: 'x' }, /console level/],
    ['console text that is not text', { type: 'console', runId: 'r', level: 'log', text: { toString: 1 } }, /console text is not text/],
    ['a console line far longer than the worker ever sends', { type: 'console', runId: 'r', level: 'log', text: 'x'.repeat(1_000_001) }, /console text is longer/],
    ['a negative epoch', { type: 'epoch', runId: 'r', epoch: -1, logs: {} }, /epoch is not a count/],
    ['a fractional batch', { type: 'batch', runId: 'r', epoch: 0, batch: 0.5, logs: {} }, /batch is not a count/],
    ['logs with a string', { type: 'epoch', runId: 'r', epoch: 0, logs: { loss: '1' } }, /log "loss" is not a number/],
    ['logs with thousands of keys', { type: 'epoch', runId: 'r', epoch: 0, logs: Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, i])) }, /more than 64 entries/],
    ['an error of an unknown kind', { type: 'error', runId: 'r', error: { kind: 'panic', message: 'x' } }, /error kind/],
    ['an error position that is not a place', { type: 'error', runId: 'r', error: { kind: 'runtime', message: 'x', position: { line: 'a', column: 1 } } }, /error line/],
    ['a summary that is not a table', { type: 'summary', runId: 'r', summary: { name: 'm', rows: 'many' } }, /summary is not a table/],
    ['a summary of a million layers', { type: 'summary', runId: 'r', summary: { name: 'm', rows: new Array(1e6).fill({}), totalParams: 0, trainableParams: 0 } }, /more than 2000 rows/],
    ['a summary row with a negative count', { type: 'summary', runId: 'r', summary: { name: 'm', rows: [{ name: 'a', className: 'Dense', outputShape: '[null, 1]', params: -1 }], totalParams: 0, trainableParams: 0 } }, /layer parameters is not a count/],
    ['done without tensor counts', { type: 'done', runId: 'r', ms: 1 }, /tensor counts/],
    ['done with a negative time', { type: 'done', runId: 'r', ms: -5, tensors: { before: 0, after: 0, modelWeights: 0 } }, /ms is not a duration/],
  ])('refuses %s', (_, data, expected) => {
    expect(problem(data)).toMatch(expected);
  });

  it('accepts the answer to Stop: a model object (checked in full where the run ends) or null, and nothing else', () => {
    expect(ok({ type: 'stopped', runId: 'r', artifacts: null, ms: 5, extra: 1 })).toEqual({ type: 'stopped', runId: 'r', artifacts: null, ms: 5 });
    const a = artifacts();
    expect(ok({ type: 'stopped', runId: 'r', artifacts: a, ms: 5 })).toEqual({ type: 'stopped', runId: 'r', artifacts: a, ms: 5 });
    expect(problem({ type: 'stopped', runId: 'r', artifacts: 'model.json', ms: 5 })).toMatch(/stopped artifacts are neither a model nor null/);
    expect(problem({ type: 'stopped', runId: 'r', artifacts: [a], ms: 5 })).toMatch(/stopped artifacts are neither a model nor null/);
    expect(problem({ type: 'stopped', runId: 'r', ms: 5 })).toMatch(/stopped artifacts/);
    expect(problem({ type: 'stopped', runId: 'r', artifacts: null, ms: -1 })).toMatch(/ms is not a duration/);
    expect(problem({ type: 'stopped', artifacts: null, ms: 1 })).toMatch(/runId is not text/);
  });

  it('survives a message that throws when read', () => {
    const hostile = { type: 'epoch', runId: 'r', epoch: 0, get logs() { throw new RangeError('gotcha'); } };
    expect(problem(hostile)).toBe('it could not be read');
  });
});

describe('checkRunArtifacts', () => {
  it('passes a well-formed model and drops unknown fields', () => {
    const a = checkRunArtifacts({ ...artifacts(), smuggled: 'x' });
    expect(a.weightSpecs).toHaveLength(1);
    expect('smuggled' in a).toBe(false);
  });

  it.each([
    ['text instead of a model', 'not artifacts', /no model/],
    ['weights that do not match their description', artifacts(12), /do not belong to this model/],
    ['a forged 400 MB of weights', { ...artifacts(), weightSpecs: [{ name: 'w', shape: [100_000_000], dtype: 'float32' }], weightData: new ArrayBuffer(400_000_000) }, /more than 256 MB/],
    ['40 MB of metadata riding along', { ...artifacts(), userDefinedMetadata: { blob: 'x'.repeat(40 * 1024 * 1024) } }, /too large to be a model/],
    ['a topology that cannot be read as JSON', { ...artifacts(), modelTopology: { class_name: 'Sequential', big: 10n } }, /cannot be read as JSON/],
  ])('refuses %s with the upload validator\'s words', (_, data, expected) => {
    expect(() => checkRunArtifacts(data)).toThrow(expected);
  });
});
