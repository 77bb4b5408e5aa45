/**
 * The mock exam end to end: start a short exam, reload mid-exam (the clock comes
 * from the stored start time), hand in models for a task (Submit in the exam's
 * workspace, and an upload), let the time run out, and find the score sheet after
 * another reload.
 */
import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorText, launch, openPage, setEditorCode, submitForPoints, trainOn } from './browser';
import { trainedInNode, type NodeModel } from './node-model';

const KEY = 'tensor-dojo:exam';
const AREA1 = 'auto-mpg';
let browser: Browser;
let model: NodeModel;

beforeAll(async () => {
  [browser, model] = await Promise.all([launch(), trainedInNode(AREA1, 32)]);
});
afterAll(async () => {
  await browser?.close();
  if (model) rmSync(model.dir, { recursive: true, force: true });
});

/** Seconds on a `m:ss` / `h:mm:ss` clock. */
function seconds(clock: string | null): number {
  return (clock ?? '').trim().split(':').map(Number).reduce((acc, n) => acc * 60 + n, 0);
}

async function stored(page: Page): Promise<{ startedAt: number; durationMs: number; endedAt: number | null }> {
  return page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), KEY);
}

async function startExam(page: Page, minutes: string): Promise<void> {
  await page.getByRole('heading', { name: 'Mock exam' }).waitFor({ timeout: 30_000 });
  expect(await page.getByTestId('exam-rule').textContent()).toMatch(/90 %.*68 of 75/);
  await page.getByLabel('Exam length (minutes)').fill(minutes);
  await page.getByLabel(/^Area 1:/).selectOption(AREA1);
  await page.getByRole('button', { name: 'Start the exam' }).click();
  await page.getByTestId('exam-time-left').waitFor({ timeout: 10_000 });
}

describe('mock exam', () => {
  it('survives reloads, records submitted and uploaded models, and ends with a score sheet when time is up', async () => {
    const { page, context } = await openPage(browser, '#/exam');
    // Five minutes: room for a run and an upload on a slow machine; the end is brought forward below.
    await startExam(page, '5');
    expect(seconds(await page.getByTestId('exam-time-left').textContent())).toBeGreaterThan(290);
    for (const area of [1, 2, 3, 4, 5]) expect(await page.getByTestId(`exam-best-${area}`).textContent()).toBe('not submitted');
    // The header carries the clock on every page.
    expect(await page.getByTestId('nav-time-left').textContent()).toMatch(/\d:\d\d/);

    // Reload mid-exam: still running, and the clock agrees with the stored start time.
    await page.waitForTimeout(2000);
    await page.reload();
    await page.getByTestId('exam-time-left').waitFor({ timeout: 30_000 });
    const exam = await stored(page);
    expect(exam.durationMs).toBe(5 * 60_000);
    const expected = (exam.startedAt + exam.durationMs - (await page.evaluate(() => Date.now()))) / 1000;
    expect(Math.abs(seconds(await page.getByTestId('exam-time-left').textContent()) - expected)).toBeLessThanOrEqual(2);
    expect(expected).toBeLessThan(299);

    // A task opens the workspace under the exam banner.
    await page.getByTestId('exam-task-1').getByRole('link', { name: /Auto MPG/ }).click();
    await page.getByTestId('exam-banner').waitFor({ timeout: 30_000 });
    expect(seconds(await page.getByTestId('banner-time-left').textContent())).toBeGreaterThan(200);
    // Submit there: an untrained model is a (poor) model all the same, and trains in a moment.
    await page.getByRole('button', { name: 'Run', exact: true }).waitFor({ timeout: 30_000 });
    await expect.poll(() => editorText(page), { timeout: 60_000 }).toContain('export default');
    await setEditorCode(
      page,
      `import * as tf from '@tensorflow/tfjs';\nexport default async function train() {\n  return tf.sequential({ layers: [tf.layers.dense({ inputShape: [9], units: 1 })] });\n}\n`,
    );
    await trainOn(page, 'cpu', 60_000);
    const submitted = await submitForPoints(page, 60_000);
    await page.getByRole('link', { name: 'Back to exam' }).click();
    expect(await page.getByTestId('exam-best-1').textContent()).toBe(`${submitted}/5 (1 submission)`);

    // Hand in a model trained elsewhere for the area-1 task.
    await page.getByTestId('exam-task-1').getByRole('link', { name: 'Upload a model' }).click();
    await page.getByLabel('Model files').setInputFiles(model.files);
    await page.getByRole('button', { name: 'Grade model' }).click();
    await page.getByTestId('mark').waitFor({ timeout: 40_000 });
    const uploaded = Number((await page.getByTestId('mark').textContent())!.split('/')[0]);
    expect(uploaded).toBe(model.report.points);
    await page.getByRole('link', { name: 'Back to exam' }).click();
    // The best of the two counts, whichever came first.
    const points = Math.max(submitted, uploaded);
    expect(await page.getByTestId('exam-best-1').textContent()).toBe(`${points}/5 (2 submissions)`);

    // Let the time run out (moved on by shifting the stored start, as a long absence would), then reload.
    const now = await page.evaluate(() => Date.now());
    await page.evaluate(
      ([key, startedAt]) => {
        const e = JSON.parse(localStorage.getItem(key as string)!);
        localStorage.setItem(key as string, JSON.stringify({ ...e, startedAt }));
      },
      [KEY, now - exam.durationMs + 3_000] as const,
    );
    await page.reload();
    await page.getByTestId('exam-time-left').waitFor({ timeout: 30_000 });
    expect(seconds(await page.getByTestId('exam-time-left').textContent())).toBeLessThanOrEqual(3);
    // The page turns into the score sheet by itself when the clock reaches zero.
    await page.getByRole('heading', { name: 'Score sheet' }).waitFor({ timeout: 15_000 });

    await page.reload();
    await page.getByRole('heading', { name: 'Score sheet' }).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('exam-ended').textContent()).toMatch(/^Time ran out/);
    expect(await page.getByTestId('exam-total').textContent()).toBe(`${points * 1}/75`);
    expect(await page.getByTestId('exam-verdict').textContent()).toBe('Not passed');
    expect(await page.getByTestId('sheet-task-1').textContent()).toContain(`${points}/5 (2 submissions)`);
    for (const area of [2, 3, 4, 5]) expect(await page.getByTestId(`sheet-task-${area}`).textContent()).toContain('0/5 (not submitted)');
    expect(await page.getByTestId('nav-time-left').count()).toBe(0);

    await page.getByRole('button', { name: 'Start another exam' }).click();
    await page.getByRole('button', { name: 'Start the exam' }).waitFor();
    expect(await stored(page)).toBeNull();
    await context.close();
  });

  it('ends early on request, and the score sheet stays after a reload', async () => {
    const { page, context } = await openPage(browser, '#/exam');
    await startExam(page, '300');
    expect(seconds(await page.getByTestId('exam-time-left').textContent())).toBeGreaterThan(299 * 60);
    await page.getByRole('button', { name: 'End the exam' }).click();
    await page.getByRole('button', { name: 'End and see the score sheet' }).click();
    await page.getByRole('heading', { name: 'Score sheet' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Score sheet' }).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('exam-ended').textContent()).toMatch(/^You ended the exam/);
    expect(await page.getByTestId('exam-total').textContent()).toBe('0/75');
    expect((await stored(page)).endedAt).toEqual(expect.any(Number));
    await context.close();
  });
});
