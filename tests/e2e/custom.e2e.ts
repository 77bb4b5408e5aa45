/**
 * Issue 5, custom drills: a learner authors a drill on a shipped drill's data, trains
 * for it and is marked by its own metric and thresholds; it survives a reload, sits
 * on the board, and a link carries it (with the code) into a fresh browser, where
 * nothing runs and the drill is added only when the learner opens the code.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomDrillDefinition } from '../../src/core/custom-drill';
import { encodeShareLink } from '../../src/core/share';
import { baseUrl, editorText, launch, openPage, setEditorCode, submitForPoints, trainOn } from './browser';

const solution = readFileSync('exercises/auto-mpg/solution.ts', 'utf8');
const TITLE = 'Auto MPG by RMSE';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function fillThresholds(page: Page, values: string[]): Promise<void> {
  for (const [i, v] of values.entries()) await page.getByLabel(`Needed for ${i + 1} of 5 points`).fill(v);
}

describe('custom drills', () => {
  it('authors a drill, trains for it, is marked by its own rules, and shares it with its code', async () => {
    const { page, context, errors } = await openPage(browser, '#/');
    await page.getByRole('link', { name: 'New custom drill' }).click();
    await page.getByLabel('Data from').selectOption('auto-mpg');
    await page.getByLabel('Title').fill(TITLE);
    await page.getByLabel('Metric', { exact: true }).selectOption('rmse');
    await page.getByLabel('Metric label').fill('test RMSE (mpg)');

    // Rising thresholds for an error metric are refused with the reason, and nothing is saved.
    await fillThresholds(page, ['1', '2', '3', '4', '5']);
    await page.getByRole('button', { name: 'Create drill' }).click();
    expect(await page.getByRole('alert').textContent()).toMatch(/thresholds must fall/);
    expect(page.url()).toMatch(/#\/custom\/new/);

    // 1–4 points are within reach of any trained model; 5 points (RMSE ≤ 0.01 mpg) is not.
    await fillThresholds(page, ['50', '40', '30', '20', '0.01']);
    await page.getByLabel('Required layers').fill('Dense');
    await page.getByRole('button', { name: 'Create drill' }).click();
    await page.waitForURL(/#\/drill\/custom-auto-mpg-by-rmse-[a-z0-9]+$/, { timeout: 10_000 });
    const drillHash = new URL(page.url()).hash;
    const statement = page.getByRole('complementary', { name: 'Statement' });
    await statement.getByText('custom', { exact: true }).waitFor();
    expect(await statement.textContent()).toMatch(/test RMSE \(mpg\) on the hidden test split/);
    expect(await statement.textContent()).toMatch(/≤ 0\.01/);

    await expect.poll(() => editorText(page), { timeout: 60_000 }).toContain('export default');
    await setEditorCode(page, solution);
    await trainOn(page, 'cpu');
    expect(await submitForPoints(page)).toBe(4);
    expect(await page.getByRole('region', { name: 'Report card' }).textContent()).toMatch(/test RMSE \(mpg\):/);

    // After a reload it is still there, with its attempt, on the board in area 1.
    await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 10_000 }).toBe('Saved');
    await page.goto(new URL('#/', baseUrl()).href);
    await page.reload();
    const card = page.locator('[data-testid^="drill-card-custom-auto-mpg-by-rmse-"]');
    await card.waitFor({ timeout: 30_000 });
    expect(await card.textContent()).toMatch(/custom.*attempted.*4\/5/s);
    expect(await page.locator('#area-1').locator('xpath=..').locator('[data-testid^="drill-card-custom-"]').count()).toBe(1);

    // Share: the link carries the drill and the code.
    await page.goto(new URL(drillHash, baseUrl()).href);
    await expect.poll(() => editorText(page), { timeout: 60_000 }).toContain('export default');
    await page.getByRole('button', { name: 'Copy link' }).click();
    const link = await page.locator('#share-link-field').inputValue();
    expect(errors).toEqual([]);
    await context.close();

    const b = await openPage(browser, '#/');
    await b.page.goto(link);
    const note = b.page.getByTestId('shared-custom');
    await note.waitFor({ timeout: 30_000 });
    expect(await note.textContent()).toMatch(new RegExp(`custom drill, “${TITLE}”, on the data of “Auto MPG`));
    expect(await b.page.getByTestId('shared-notice').textContent()).toMatch(/Nothing has run/);
    // Not added yet: opening a link changes nothing.
    await b.page.goto(new URL('#/', baseUrl()).href);
    await b.page.getByTestId('drill-card-auto-mpg').waitFor({ timeout: 30_000 });
    expect(await b.page.locator('[data-testid^="drill-card-custom-"]').count()).toBe(0);
    await b.page.goto(link);
    await b.page.getByRole('button', { name: 'Open in the editor' }).click();
    await b.page.waitForURL((u) => u.hash === drillHash, { timeout: 10_000 });
    await expect.poll(() => editorText(b.page), { timeout: 60_000 }).toContain('export default async function train');
    expect(await b.page.getByRole('complementary', { name: 'Statement' }).textContent()).toMatch(/≤ 0\.01/);
    // Opened, not run: the shared code waits for the learner's Run.
    expect(await b.page.getByTestId('run-status').textContent()).toMatch(/^Not run yet/);
    await b.page.goto(new URL('#/', baseUrl()).href);
    await b.page.locator('[data-testid^="drill-card-custom-auto-mpg-by-rmse-"]').waitFor({ timeout: 30_000 });
    expect(b.errors).toEqual([]);
    await b.context.close();
  });

  it('shows a hostile statement from a link as text, runs nothing, and explains a drill that cannot fit its base', async () => {
    const fixture: CustomDrillDefinition = JSON.parse(readFileSync('tests/fixtures/share/v1-links.json', 'utf8')).custom.custom;
    const hostile: CustomDrillDefinition = {
      ...fixture,
      statement: '# Harmless\n\n<img src="x" onerror="window.__pwned = 1"> <script>window.__pwned = 2</script> [link](javascript:window.__pwned=3)',
    };
    const link = encodeShareLink({ drillId: hostile.id, code: 'export default async function train() {}\n', custom: hostile });
    const misfit = encodeShareLink({ drillId: hostile.id, code: 'const kept = 1;', custom: { ...fixture, contract: { ...fixture.contract, inputShape: [3] } } });
    if (!link.ok || !misfit.ok) throw new Error('encode failed');

    const { page, context, errors } = await openPage(browser, '#/');
    await page.goto(new URL(link.hash, baseUrl()).href);
    await page.getByTestId('shared-custom').waitFor({ timeout: 30_000 });
    await page.getByText('Its statement, rules and marks').click();
    await page.getByRole('button', { name: 'Open in the editor' }).click();
    await page.getByRole('complementary', { name: 'Statement' }).getByRole('heading', { name: 'Harmless' }).waitFor({ timeout: 30_000 });
    // An image that survived sanitising has loaded or failed before we look: an onerror would have fired.
    await page.evaluate(() =>
      Promise.all(
        [...document.querySelectorAll<HTMLImageElement>('.statement img')].map((img) =>
          img.complete ? null : new Promise((done) => ['load', 'error'].forEach((t) => img.addEventListener(t, done))),
        ),
      ),
    );
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('.statement img[onerror], .statement script, .statement a[href^="javascript"]').count()).toBe(0);

    await page.goto(new URL(misfit.hash, baseUrl()).href);
    const error = page.getByTestId('share-error');
    await error.waitFor({ timeout: 30_000 });
    expect(await error.textContent()).toMatch(/cannot be graded: the model input must be \[9\]/);
    expect(await page.getByTestId('shared-code').textContent()).toBe('const kept = 1;');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('edits and deletes a drill, with Undo', async () => {
    const { page, context } = await openPage(browser, '#/custom/new/mpg-one-neuron');
    await page.getByLabel('Title').fill('One neuron, stricter');
    await page.getByRole('button', { name: 'Create drill' }).click();
    await page.waitForURL(/#\/drill\/custom-one-neuron-stricter-/, { timeout: 10_000 });
    const id = new URL(page.url()).hash.split('/').pop()!;
    await page.getByRole('link', { name: 'Edit this drill' }).click();
    expect(await page.getByLabel('Data from').isDisabled()).toBe(true);
    await page.getByLabel('Title').fill('One neuron, renamed');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL((u) => u.hash === `#/drill/${id}`, { timeout: 10_000 });
    await page.getByRole('complementary', { name: 'Statement' }).waitFor();
    expect(await page.title()).toMatch(/One neuron, renamed/);

    await page.getByRole('link', { name: 'Edit this drill' }).click();
    await page.getByRole('button', { name: 'Delete…' }).click();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByTestId('drill-card-auto-mpg').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId(`drill-card-${id}`).count()).toBe(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByTestId(`drill-card-${id}`).waitFor({ timeout: 10_000 });
    await context.close();
  });
});
