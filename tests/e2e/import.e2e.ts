/**
 * "Grade a model" end to end: a model trained in Node and uploaded gets the points
 * the CLI gives it; broken uploads get the reader's message; a model trained in the
 * browser can be exported and comes back in with the same files.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradeFile } from '../../src/cli/commands/grade';
import { loadRegistry } from '../../src/cli/exercises';
import { launch, openPage, setEditorCode, editorText } from './browser';
import { trainedInNode, type NodeModel } from './node-model';

const DRILL = 'auto-mpg';
let browser: Browser;
let model: NodeModel;

beforeAll(async () => {
  [browser, model] = await Promise.all([launch(), trainedInNode(DRILL, 64)]);
});
afterAll(async () => {
  await browser?.close();
  if (model) rmSync(model.dir, { recursive: true, force: true });
});

async function openImport(hash = `#/import/${DRILL}`) {
  const opened = await openPage(browser, hash);
  await opened.page.getByRole('heading', { name: 'Grade a model' }).waitFor({ timeout: 30_000 });
  return opened;
}

async function upload(page: Page, files: Parameters<Page['setInputFiles']>[1]): Promise<void> {
  await page.getByLabel('Model files').setInputFiles(files);
  await page.getByRole('button', { name: 'Grade model' }).click();
}

/** The card shows 4 significant digits; the browser's backend and Node's CPU differ only in the last bits. */
function expectSameMetric(shown: string | null, value: number): void {
  expect(Math.abs(Number(shown) - value)).toBeLessThanOrEqual(Math.abs(value) * 1e-3 + 1e-6);
}

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('grade a model', () => {
  it('gives a model trained in Node the same points as the CLI', async () => {
    const { page, context } = await openImport();
    expect(await page.getByLabel('Drill').inputValue()).toBe(DRILL);
    await upload(page, model.files);
    const mark = page.getByTestId('mark');
    await mark.waitFor({ timeout: 90_000 });
    expect(await mark.textContent()).toBe(`${model.report.points}/5`);
    expectSameMetric(await page.locator('.report-metric strong').textContent(), model.report.value!);
    await context.close();
  });

  it('shows a clear message for each kind of broken upload', async () => {
    const { page, context } = await openImport();
    const json = readFileSync(model.files.find((f) => f.endsWith('.json'))!, 'utf8');
    const weights = readFileSync(model.files.find((f) => f.endsWith('.bin'))!);
    const parsed = JSON.parse(json) as { weightsManifest: { weights: { shape: number[] }[] }[]; modelTopology: unknown; format?: string };
    const absurd = structuredClone(parsed);
    absurd.weightsManifest[0]!.weights[0]!.shape = [100000, 100000, 1000];
    const wrongManifest = { ...parsed, weightsManifest: { paths: 'model.weights.bin' } };
    const graph = { ...parsed, format: 'graph-model', modelTopology: { node: [] } };
    // A .keras file is a zip with config.json inside: recognised by its header, then read by the Keras reader, which finds it cut short.
    const kerasZip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), bytes('config.json{}')]);
    const cases: [string, Parameters<Page['setInputFiles']>[1], RegExp][] = [
      ['not JSON', [{ name: 'model.json', mimeType: 'application/json', buffer: bytes('{"modelTopology": ') }], /not valid JSON/],
      [
        'truncated weights',
        [
          { name: 'model.json', mimeType: 'application/json', buffer: bytes(json) },
          { name: 'model.weights.bin', mimeType: 'application/octet-stream', buffer: weights.subarray(0, weights.length - 40) },
        ],
        /truncated/,
      ],
      ['missing shard', [{ name: 'model.json', mimeType: 'application/json', buffer: bytes(json) }], /model\.weights\.bin.*not among the files/],
      ['wrong manifest', [{ name: 'model.json', mimeType: 'application/json', buffer: bytes(JSON.stringify(wrongManifest)) }], /weightsManifest/],
      ['absurd shapes', [{ name: 'model.json', mimeType: 'application/json', buffer: bytes(JSON.stringify(absurd)) }], /absurd shape/],
      ['graph model', [{ name: 'model.json', mimeType: 'application/json', buffer: bytes(JSON.stringify(graph)) }], /graph model/],
      ['.keras zip', [{ name: 'model.keras', mimeType: 'application/zip', buffer: kerasZip }], /'model\.keras' is a damaged zip/],
    ];
    for (const [what, files, message] of cases) {
      await upload(page, files);
      const alert = page.getByTestId('import-error');
      await expect.poll(() => alert.textContent().catch(() => ''), { timeout: 15_000, message: what }).toMatch(message);
      expect(await page.getByTestId('mark').count(), what).toBe(0);
    }
    await context.close();
  });

  it('exports a model trained in the browser, and the exported files grade the same in the app and the CLI', async () => {
    const { page, context } = await openPage(browser, `#/drill/${DRILL}`);
    await page.getByRole('button', { name: 'Run', exact: true }).waitFor({ timeout: 30_000 });
    await expect.poll(() => editorText(page), { timeout: 60_000 }).toContain('export default');
    // An untrained model is enough to test the files; it completes in a moment.
    await setEditorCode(
      page,
      `import * as tf from '@tensorflow/tfjs';\nexport default async function train() {\n  return tf.sequential({ layers: [tf.layers.dense({ inputShape: [9], units: 1 })] });\n}\n`,
    );
    await page.getByLabel('Backend').selectOption('cpu');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const exportButton = page.getByRole('button', { name: 'Export model' });
    await expect.poll(() => exportButton.isEnabled(), { timeout: 60_000 }).toBe(true);
    const outDir = join(model.dir, 'exported');
    mkdirSync(outDir);
    const saved: string[] = [];
    const done = new Promise<void>((resolve) => {
      page.on('download', async (d) => {
        const path = join(outDir, d.suggestedFilename());
        await d.saveAs(path);
        saved.push(path);
        if (saved.length === 2) resolve();
      });
    });
    await exportButton.click();
    await done;
    expect(saved.map((p) => basename(p)).sort()).toEqual(['model.json', 'model.weights.bin']);

    // The CLI reads the exported folder as it is...
    const { drill } = (await loadRegistry()).get(DRILL);
    const cli = await gradeFile(drill, join(outDir, 'model.json'), { backend: 'cpu', quiet: true });
    // ...and "Grade a model" takes the same two files and gives the same mark.
    await page.goto(new URL(`#/import/${DRILL}`, page.url()).href);
    await page.getByRole('heading', { name: 'Grade a model' }).waitFor({ timeout: 30_000 });
    await upload(page, saved);
    const mark = page.getByTestId('mark');
    await mark.waitFor({ timeout: 90_000 });
    expect(await mark.textContent()).toBe(`${cli.points}/5`);
    expectSameMetric(await page.locator('.report-metric strong').textContent(), cli.value!);
    await context.close();
  });
});
