import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { exerciseIds } from '../../src/exercises/registry';
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
async function tabTo(p: Page, selector: string, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await p.keyboard.press('Tab');
    if (await p.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Counts the stored attempts in the app's own database, from inside the page. */
function countAttempts(p: Page): Promise<number> {
  return p.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('headroom');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('attempts').objectStore('attempts').count();
          request.onsuccess = () => {
            db.close();
            resolve(request.result);
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

describe('a drill, keyboard only', () => {
  it('runs ten eq-boost questions with keys only and stores ten attempts', async () => {
    await page.goto(`${base}/train`);
    await page.waitForSelector('.kind-card');
    // Train offers every kind of the registry, each under its skill.
    expect(
      (
        await page.locator('.kind-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-kind')))
      ).sort(),
    ).toEqual([...exerciseIds].sort());
    expect(await countAttempts(page)).toBe(0);
    await tabTo(page, 'button[aria-label="Start Spot the EQ boost"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.drill-prompt');
    // Play (P), switch to B and back (B, A): the A/B switch follows.
    await page.waitForFunction(
      () => !document.querySelector('.player-status')?.textContent?.includes('Preparing'),
    );
    await page.keyboard.press('p');
    await page.waitForFunction(
      () => document.querySelector('.player-play')?.textContent?.includes('Stop'),
      null,
      {
        timeout: 20_000,
      },
    );
    await page.keyboard.press('b');
    await expect.poll(() => page.locator('.ab-btn.is-on').textContent()).toBe('B: processed');
    await page.keyboard.press('a');
    await expect.poll(() => page.locator('.ab-btn.is-on').textContent()).toBe('A: flat');
    await expect
      .poll(() => page.locator('.player-match').textContent(), { timeout: 20_000 })
      .toMatch(/^Level match on: /);
    for (let n = 1; n <= 10; n++) {
      await expect.poll(() => page.locator('.drill-count').textContent()).toBe(`Question ${n} of 10`);
      await hearQuestion(page);
      await page.keyboard.press(String(1 + (n % 3)));
      await page.keyboard.press('Enter');
      await page.waitForSelector('.feedback');
      expect(await page.locator('.feedback-score').textContent()).toMatch(/^\d+ \/ 100/);
      await page.keyboard.press('Enter');
    }
    await expect.poll(() => page.locator('.drill-summary h2').textContent()).toMatch(/^Done: \d+% average$/);
    expect(await page.locator('.summary-table tbody tr').count()).toBe(10);
    await expect.poll(() => countAttempts(page)).toBe(10);
    // Nothing keeps the app busy after the drill: playback stopped with the last question.
    expect(await page.locator('.player-play').count()).toBe(0);
  }, 180_000);
});
