/**
 * "Hear every choice" and the new kinds, keyboard only: a practice round (every choice auditioned against the
 * reference, nothing stored), then scored questions of 'Which is louder?' and 'Two EQ moves at once'.
 */
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

/** Presses Tab until the focused element matches `selector` (keyboard only). */
async function tabTo(p: Page, selector: string, limit = 120): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await p.keyboard.press('Tab');
    if (await p.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** The stored attempts, counted in the app's own database. */
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

describe('practice, then the new kinds, keyboard only', () => {
  it('auditions every choice of a practice eq-boost question (not scored), then answers the scored one', async () => {
    await page.goto(`${base}/train`);
    await page.waitForSelector('.kind-card');
    await tabTo(page, 'button[aria-label="Start Spot the EQ boost"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.drill-prompt');
    await tabTo(page, '.practice button');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Hear every choice');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.practice-choice:not([disabled])', { timeout: 60_000 });
    const choices = await page.locator('.practice-choice').count();
    expect(choices).toBe(3);
    // Every choice, one after another: each plays as B against the reference, with its sentence.
    await tabTo(page, '.practice-choice');
    for (let i = 0; i < choices; i++) {
      if (i > 0) await tabTo(page, `.practice-choices li:nth-child(${i + 1}) .practice-choice`);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('.practice-choice[aria-pressed="true"]').count()).toBe(1);
      const label = await page.locator('.practice-choice[aria-pressed="true"]').textContent();
      expect(label).toMatch(/^\+12\.0 dB at .+Hz$/);
      const sentence = await page
        .locator(`.practice-choices li:nth-child(${i + 1}) .practice-sentence`)
        .textContent();
      expect(sentence).toMatch(/^\+12\.0 dB at .+Hz: .+\.$/);
    }
    await expect
      .poll(() =>
        page.evaluate(() => document.querySelectorAll('.practice-controls [aria-pressed="true"]').length),
      )
      .toBe(1);
    // Practising stores nothing and does not count as having heard the scored question.
    expect(await countAttempts(page)).toBe(0);
    expect(await page.locator('#listen-first').count()).toBe(1);
    await tabTo(page, '.practice-controls button:last-child');
    await page.keyboard.press('Enter');
    await hearQuestion(page);
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.feedback');
    expect(await page.locator('.feedback-score').textContent()).toMatch(/^\d+ \/ 100/);
    await expect.poll(() => countAttempts(page)).toBe(1);
    // The practice panel is gone once the first scored answer is in.
    expect(await page.locator('.practice').count()).toBe(0);
  }, 180_000);

  it('answers one "Which is louder?" question with keys only', async () => {
    await page.goto(`${base}/train?kind=loudness&level=1&count=1`);
    await page.waitForSelector('[data-kind="loudness"]');
    await tabTo(page, 'button[aria-label="Start Which is louder?"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.drill-prompt');
    await hearQuestion(page);
    await page.keyboard.press('2');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.feedback');
    const text = await page.locator('.feedback-text').textContent();
    expect(text).toMatch(/^(Right: )?[AB] was 6 dB louder/);
    expect(await page.locator('.feedback-score').textContent()).toMatch(/^(100|0) \/ 100/);
    expect(await page.locator('.review-figure svg[aria-label*="louder"]').count()).toBe(1);
  }, 120_000);
});
