import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './browser';
import { hearQuestion } from './hear-question';

let browser: Browser;
let page: Page;
const base = inject('baseUrl');

beforeAll(async () => {
  browser = await launchChromium();
  page = await (await browser.newContext()).newPage();
});
afterAll(async () => {
  await browser?.close();
});

/** Presses Tab until the focused element matches `selector` (keyboard only, like a learner would). */
async function tabTo(p: Page, selector: string, limit = 120): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await p.keyboard.press('Tab');
    if (await p.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

describe('a stereo-width round, keyboard only', () => {
  it('starts the drill from Train, plays, answers with a number key and Enter, and shows the stereo field', async () => {
    await page.goto(`${base}/train`);
    await page.waitForSelector('.kind-card');
    await tabTo(page, 'button[aria-label="Start Stereo width"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.drill-prompt');
    await expect.poll(() => page.locator('.drill-count').textContent()).toMatch(/^Question 1 of/);
    await hearQuestion(page);
    // "Which version is wider?": key 2 picks B, Enter submits.
    await page.keyboard.press('2');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.feedback', { timeout: 30_000 });
    const score = (await page.locator('.feedback-score').textContent()) ?? '';
    expect(score).toMatch(/^(0|100) \/ 100/);
    expect(await page.locator('.feedback').textContent()).toMatch(/wider/);
    // The review picture: each version's stereo field.
    await expect.poll(() => page.locator('svg[aria-label^="Stereo field of each version"]').count()).toBe(1);
    // Enter moves on to the next question.
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.drill-count').textContent()).toMatch(/^Question 2 of/);
  }, 180_000);
});
