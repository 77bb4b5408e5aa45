/**
 * Issue 19, a newcomer's first ten minutes: the board starts where a newcomer should,
 * a phone gets one pane at a time behind tabs, and keystrokes typed just before a
 * reload are still there after it.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorText, launch, openPage } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const PHONE = { width: 390, height: 844 };

async function waitForEditor(page: Page): Promise<void> {
  await expect.poll(() => editorText(page), { timeout: 60_000 }).toContain('export default');
}

describe('the board', () => {
  it('orders each area by level, marks where to start and what each variant builds on', async () => {
    const { page, context } = await openPage(browser, '#/');
    const area1 = page.locator('section.board-column').first().locator('article.drill-card');
    await expect.poll(() => area1.count(), { timeout: 30_000 }).toBeGreaterThan(1);
    const first = area1.first();
    expect(await first.getAttribute('data-testid')).toBe('drill-card-mpg-one-neuron');
    expect(await first.textContent()).toMatch(/Start here/);
    expect(await page.getByTestId('board-start').textContent()).toMatch(/One neuron/);
    const variant = page.getByTestId('drill-card-fashion-mnist-cnn');
    expect(await variant.textContent()).toMatch(/Builds on MNIST digits with a CNN/);
    // The dense network (first steps) comes before the CNNs in area 2.
    const area2 = await page.locator('section.board-column').nth(1).locator('article.drill-card').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(area2[0]).toBe('drill-card-fashion-mnist-dense');
    await context.close();
  });
});

describe('on a phone (390 × 844)', () => {
  it('keeps the header to its nav and shows statement, code and run as tabs', async () => {
    const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 1, hasTouch: true });
    const { page } = await openPage(browser, '#/drill/mpg-one-neuron', context);
    await page.getByRole('tab', { name: 'Statement' }).waitFor({ timeout: 30_000 });
    // Every nav link sits on one line inside the header.
    const header = await page.locator('header.app-header').boundingBox();
    const links = await page.locator('header.app-header nav a').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
    expect(new Set(links.map((r) => Math.round(r.top))).size).toBe(1);
    for (const r of links) {
      expect(r.height).toBeLessThan(40);
      expect(r.bottom).toBeLessThanOrEqual(header!.y + header!.height + 0.5);
    }
    expect(header!.height).toBeLessThan(100);
    // Statement first; the editor one tap away, at the top of the screen.
    const tabs = page.getByRole('tab');
    expect(await tabs.allTextContents()).toEqual(['Statement', 'Code', 'Run']);
    expect(await page.locator('.ws-statement').isVisible()).toBe(true);
    expect(await page.locator('.monaco-editor').isVisible()).toBe(false);
    await page.getByRole('tab', { name: 'Code' }).tap();
    await waitForEditor(page);
    const editor = await page.locator('.monaco-editor').boundingBox();
    expect(editor!.y).toBeLessThan(250);
    expect(editor!.y + editor!.height).toBeLessThanOrEqual(PHONE.height + 1);
    expect(editor!.height).toBeGreaterThan(300);
    expect(await page.locator('.ws-statement').isVisible()).toBe(false);
    await page.getByRole('tab', { name: 'Run' }).tap();
    expect(await page.getByRole('button', { name: 'Run', exact: true }).isVisible()).toBe(true);
    // Nothing is wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await context.close();
  });
});

describe('the draft', () => {
  it('keeps keystrokes typed just before a reload', async () => {
    const { page, context } = await openPage(browser, '#/drill/mpg-one-neuron');
    await waitForEditor(page);
    await page.locator('.monaco-editor').first().click();
    await page.keyboard.press('ControlOrMeta+End');
    // Steady typing (a save is in flight every second), then a reload within 100 ms.
    await page.keyboard.type('\n// first thoughts on the learning rate', { delay: 25 });
    await page.keyboard.type(' and the last words', { delay: 5 });
    await page.waitForTimeout(50);
    await page.reload();
    await waitForEditor(page);
    await expect.poll(() => editorText(page), { timeout: 10_000 }).toContain('learning rate and the last words');
    await context.close();
  });
});
