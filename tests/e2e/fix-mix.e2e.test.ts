import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { check } from '../../src/exercises/fix-mix/check';
import type { FixMixAnswer, FixMixQuestion } from '../../src/exercises/fix-mix/meta';
import { blocking, describeFindings, installAxe, runAxe, setTheme } from './axe';
import { launchChromium } from './browser';
import { hearQuestion } from './hear-question';

let browser: Browser;
let page: Page;
const base = inject('baseUrl');

beforeAll(async () => {
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, bypassCSP: true });
  await installAxe(context);
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
});

/** The last stored attempt, read from the app's own database inside the page. */
function lastAttempt(p: Page): Promise<{ question: FixMixQuestion; answer: FixMixAnswer; score: number }> {
  return p.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('headroom');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('attempts').objectStore('attempts').getAll();
          request.onsuccess = () => {
            db.close();
            resolve(request.result[request.result.length - 1]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

describe('fix-mix, keyboard and mouse', () => {
  it('names a fault, moves a fader, submits, and sees the score, the planted faults and the table', async () => {
    await page.goto(`${base}/train?kind=fix-mix&level=1&count=1`);
    // The link preselects the kind: the keyboard sits on its Start button.
    await page.waitForFunction(
      () => document.activeElement?.getAttribute('aria-label') === 'Start Fix this mix',
    );
    await page.keyboard.press('Enter');
    await page.waitForSelector('.fix-mix-diagnosis');
    expect(await page.locator('.fix-mix-fault').count()).toBe(2);
    // Submit waits until the question has been played and a problem has been named.
    const submit = page.getByRole('button', { name: /^Submit/ });
    await hearQuestion(page);
    expect(await submit.isDisabled()).toBe(true);
    // Key 1 ticks the first problem ("far too loud"); the track is picked with the mouse.
    await page.keyboard.press('1');
    const tick = page.locator('.fix-mix-fault input[type="checkbox"]').first();
    expect(await tick.isChecked()).toBe(true);
    expect(await submit.isDisabled()).toBe(true);
    await page.selectOption('select[aria-label^="Which track?"]', { label: 'Vocal' });
    expect(await submit.isDisabled()).toBe(false);
    // The vocal fader, by keyboard: three steps down (1 dB each).
    await page.focus('[role="slider"][aria-label="Vocal fader"]');
    for (let k = 0; k < 3; k++) await page.keyboard.press('ArrowDown');
    await submit.click();
    await page.waitForSelector('.feedback');
    const scoreText = (await page.locator('.feedback-score').textContent()) ?? '';
    expect(scoreText).toMatch(/^\d+ \/ 100/);
    // The review: what was really wrong, each problem row marked, and the tracks × dimensions table.
    await expect.poll(() => page.locator('.fix-mix-review h3').textContent()).toBe('What was wrong');
    expect(await page.locator('.fix-mix-planted li').count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator('.mix-review-table tbody tr').count()).toBe(4);
    expect(await page.locator('.fix-mix-mark').count()).toBeGreaterThanOrEqual(1);
    // The score shown is the pure check of the stored question and answer.
    const attempt = await lastAttempt(page);
    expect(attempt.answer.faults).toEqual([{ fault: 'loud', track: 'vocal' }]);
    const vocal = attempt.question.tracks.findIndex((t) => t.id === 'vocal');
    expect(attempt.answer.tracks[vocal]!.faderDb).toBeCloseTo(attempt.question.start[vocal]!.faderDb - 3, 6);
    const result = check(attempt.question, attempt.answer);
    expect(attempt.score).toBe(result.score);
    expect(scoreText.startsWith(`${result.score} / 100`)).toBe(true);
    const right = attempt.question.faults[0]!;
    // Named right (vocal too loud): 40 for the diagnosis plus part of the repair; otherwise a false alarm.
    if (right.fault === 'loud' && right.track === 'vocal') expect(result.score).toBeGreaterThanOrEqual(40);
    else expect(result.score).toBeLessThan(40);

    // Listening track by track: Solo Vocal by keyboard (Enter presses it rather than going on), then A and B.
    const soloVocal = page.getByRole('button', { name: 'Solo Vocal' });
    await expect.poll(() => soloVocal.isEnabled(), { timeout: 30_000 }).toBe(true);
    await soloVocal.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => soloVocal.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('.feedback').count()).toBe(1);
    expect(await page.locator('.mix-listen-hint').textContent()).toMatch(/^Vocal alone in both mixes/);
    const side = () => page.locator('.mix-listen [role="radio"][aria-checked="true"]').textContent();
    await page.keyboard.press('b');
    await expect.poll(side).toBe('B: yours');
    await page.keyboard.press('a');
    await expect.poll(side).toBe('A: good mix');
    await page.keyboard.press('x');
    await expect.poll(side).toBe('B: yours');
    // The readings follow the solo: both vocals measured (off the page's thread), with their loudness.
    await expect
      .poll(() => page.locator('.mix-readings-title').textContent(), { timeout: 30_000 })
      .toBe('Measured: Vocal alone');
    const cells = await page.locator('.mix-readings-table tbody tr').first().locator('td').allTextContents();
    expect(cells).toHaveLength(2);
    for (const c of cells) expect(c).toMatch(/^−?-?\d+\.\d LUFS$/);
    expect(await page.locator('.mix-spectrum path.review-right').getAttribute('d')).toMatch(/^M/);
    // The review with its listening bar and readings has no serious or critical accessibility problem.
    for (const theme of ['dark', 'light'] as const) {
      await setTheme(page, theme);
      expect(describeFindings(blocking(await runAxe(page, '.mix-review'))), theme).toBe('');
    }
    // Back to the whole mixes with the mouse.
    await page.getByRole('button', { name: 'Whole mix' }).click();
    await expect.poll(() => page.locator('.mix-listen-hint').textContent()).toMatch(/^Both whole mixes/);
    await expect
      .poll(() => page.locator('.mix-readings-title').textContent(), { timeout: 30_000 })
      .toBe('Measured: whole mixes');
  }, 120_000);
});
