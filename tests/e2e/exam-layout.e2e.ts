/**
 * Issue 19 item 6: a drill opened from the mock exam fits the window under its banner
 * (the panes scroll, not the page), so the nav and the clock never scroll away; once
 * the score sheet has been seen the nav stops pointing to it.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, editorText, launch, openPage } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('mock exam layout', () => {
  it('fits an exam task in 1440 × 900 and drops the score-sheet pointer once seen', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const { page } = await openPage(browser, '#/exam', context);
    await page.getByLabel('Exam length (minutes)').fill('5');
    await page.getByLabel(/^Area 1:/).selectOption('auto-mpg');
    await page.getByRole('button', { name: 'Start the exam' }).click();
    await page.getByTestId('exam-time-left').waitFor({ timeout: 10_000 });

    await page.goto(new URL('#/exam/auto-mpg', baseUrl()).href);
    await expect.poll(() => editorText(page), { timeout: 60_000 }).toContain('export default');
    await page.getByTestId('exam-banner').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(900);
    // Even with the statement scrolled to its end, the header and the timer stay on screen.
    await page.locator('.ws-statement').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.mouse.wheel(0, 3000);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(await page.getByTestId('banner-time-left').isVisible()).toBe(true);

    // Hand the exam in, look at the score sheet, and leave: the nav no longer points to it.
    await page.goto(new URL('#/exam', baseUrl()).href);
    await page.getByRole('button', { name: 'End the exam', exact: true }).click();
    await page.getByRole('button', { name: 'End and see the score sheet' }).click();
    await page.getByTestId('exam-total').waitFor({ timeout: 10_000 });
    await page.goto(new URL('#/', baseUrl()).href);
    await page.getByRole('heading', { name: 'Practice board' }).waitFor();
    expect(await page.locator('header nav').textContent()).not.toMatch(/score sheet/);
    await context.close();
  });
});
