/**
 * The two newest kinds, keyboard only: a practice round of "Room, plate or hall?" (every choice auditioned
 * against the reference, nothing stored) and its scored question, then one "Set it to the same loudness"
 * round in memory mode (the reference hidden once the fader moves, the A key refused with a hint, the attempt
 * stored as made from memory and shown on its own Progress row).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './browser';
import { startDrillByKeys, storedAttempts, tabTo } from './drill-setup';
import { hearQuestion } from './hear-question';
import { screenshots } from './screenshots';

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

describe('the newest kinds, keyboard only', () => {
  it('reverb-type: hears every space of a practice example (not scored), then answers the scored question', async () => {
    await startDrillByKeys(page, base, {
      kind: 'reverb-type',
      title: 'Room, plate or hall?',
      level: 1,
      count: 1,
    });
    await tabTo(page, '.practice button');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Hear every choice');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.practice-choice:not([disabled])', { timeout: 60_000 });
    expect(await page.locator('.practice-choice').allTextContents()).toEqual(['Room', 'Hall']);
    await tabTo(page, '.practice-choice');
    for (let i = 0; i < 2; i++) {
      if (i > 0) await tabTo(page, `.practice-choices li:nth-child(${i + 1}) .practice-choice`);
      await page.keyboard.press('Enter');
      await expect
        .poll(() => page.locator('.practice-choice[aria-pressed="true"]').textContent())
        .toBe(i === 0 ? 'Room' : 'Hall');
      expect(
        await page.locator(`.practice-choices li:nth-child(${i + 1}) .practice-sentence`).textContent(),
      ).toMatch(/^(Room|Hall), \d(\.\d)? s decay: .+\.$/);
    }
    await screenshots(page, 'practice-reverb-type');
    // Practising stores nothing and does not count as having heard the scored question.
    expect(await storedAttempts(page)).toEqual([]);
    expect(await page.locator('#listen-first').count()).toBe(1);
    await tabTo(page, '.practice-controls button:last-child');
    await page.keyboard.press('Enter');
    await hearQuestion(page);
    await page.keyboard.press('2');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.feedback', { timeout: 30_000 });
    expect(await page.locator('.feedback-score').textContent()).toMatch(/^(0|100) \/ 100/);
    await expect
      .poll(async () => (await storedAttempts(page)).map((a) => a.exercise))
      .toEqual(['reverb-type']);
  }, 180_000);

  it('filters: a practice example of "Which filter?" plays each filter against the mix, keys only', async () => {
    await startDrillByKeys(page, base, { kind: 'filters', title: 'Filters', level: 1, count: 1 });
    await tabTo(page, '.practice button');
    await page.keyboard.press('Enter');
    const opened = Date.now();
    await page.waitForSelector('.practice-choice:not([disabled])', { timeout: 60_000 });
    console.log(`filters practice ready in ${Date.now() - opened} ms`);
    const labels = await page.locator('.practice-choice').allTextContents();
    expect(labels).toEqual(['High-pass (the lows are cut)', 'Low-pass (the highs are cut)']);
    await tabTo(page, '.practice-choice');
    for (let i = 0; i < labels.length; i++) {
      if (i > 0) await tabTo(page, `.practice-choices li:nth-child(${i + 1}) .practice-choice`);
      await page.keyboard.press('Enter');
      await expect
        .poll(() => page.locator('.practice-choice[aria-pressed="true"]').textContent())
        .toBe(labels[i]);
      expect(
        await page.locator(`.practice-choices li:nth-child(${i + 1}) .practice-sentence`).textContent(),
      ).toMatch(/^(High|Low)-pass at .+Hz: .+\.$/);
    }
    await expect.poll(() => page.locator('.player-play.is-playing').count()).toBe(0);
    await screenshots(page, 'practice-filters');
    expect((await storedAttempts(page)).filter((a) => a.exercise === 'filters')).toEqual([]);
  }, 180_000);

  it('loudness-match in memory mode: the fader hides the reference, A is refused with a hint, the attempt is marked', async () => {
    await startDrillByKeys(page, base, {
      kind: 'loudness-match',
      title: 'Set it to the same loudness',
      level: 1,
      count: 1,
    });
    // Memory mode is off until the learner turns it on; the switch is kept for this kind.
    await tabTo(page, '.memory-switch input');
    expect(await page.locator('.memory-switch input').isChecked()).toBe(false);
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('.memory-switch input').isChecked()).toBe(true);
    // P plays from any button (a focused checkbox keeps its own keys).
    await tabTo(page, '.player-play');
    await hearQuestion(page);
    // Before hiding, A plays as often as the learner likes.
    await page.keyboard.press('a');
    await expect.poll(() => page.locator('.ab-btn.is-on').textContent()).toBe('A: reference');
    expect(await page.locator('.memory-hint').textContent()).toBe('');
    await screenshots(page, 'memory-before');
    // Turning B's fader starts the matching: the reference hides and B plays.
    await tabTo(page, '[role="slider"]');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowUp');
    await expect.poll(() => page.locator('.ab-btn.is-hidden').textContent()).toBe('A: hidden');
    await expect.poll(() => page.locator('.ab-btn.is-on').textContent()).toBe('B: yours');
    await page.keyboard.press('a');
    await expect
      .poll(() => page.locator('.memory-hint').textContent())
      .toMatch(/^Memory mode: the reference is hidden/);
    expect(await page.locator('.ab-btn.is-on').textContent()).toBe('B: yours');
    await page.keyboard.press('x');
    expect(await page.locator('.ab-btn.is-on').textContent()).toBe('B: yours');
    await screenshots(page, 'memory-hidden');
    await tabTo(page, '.drill-actions .btn-primary');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.feedback', { timeout: 30_000 });
    expect(await page.locator('.feedback-score').textContent()).toMatch(/^\d+ \/ 100/);
    // In the review A is the right answer again and can be heard.
    await page.keyboard.press('a');
    await expect.poll(() => page.locator('.ab-btn.is-on').textContent()).toMatch(/^A: /);
    await expect
      .poll(async () => (await storedAttempts(page)).filter((a) => a.exercise === 'loudness-match'))
      .toMatchObject([{ exercise: 'loudness-match', details: { memoryMode: true } }]);
    // Progress keeps the memory answer on a row of its own.
    await page.goto(`${base}/progress`);
    await page.waitForSelector('.exercise-table');
    expect(await page.locator('.exercise-table tr[data-memory="true"] th').textContent()).toMatch(
      /^Set it to the same loudness \(from memory\)/,
    );
    await screenshots(page, 'progress-memory');
  }, 180_000);
});
