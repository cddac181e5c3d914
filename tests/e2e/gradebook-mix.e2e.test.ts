import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { version } from '../../package.json';
import { decodeAssignment } from '../../src/classroom/assignment';
import { buildReport, encodeReport } from '../../src/classroom/report';
import { check } from '../../src/exercises/mix-match/check';
import { generate } from '../../src/exercises/mix-match/generate';
import { mixGradeFromDetails } from '../../src/exercises/shared/mix-grade-view';
import { blocking, describeFindings, installAxe, runAxe, setTheme } from './axe';
import { launchChromium } from './browser';

let browser: Browser;
let page: Page;
const base = inject('baseUrl');
/** Where screenshots go when asked for (HEADROOM_SHOTS=dir); never into the repository. */
const shots = process.env.HEADROOM_SHOTS;

beforeAll(async () => {
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, bypassCSP: true });
  await installAxe(context);
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
});

describe('the gradebook shows a mix answer track by track', () => {
  it('a teacher assigns Mix to the reference, imports a report, and opens its per-track table', async () => {
    await page.goto(`${base}/classroom/teach`);
    await page.getByLabel('Title').fill('Mixing week');
    const row = page.locator('.cr-item-row').first();
    await row.locator('select').first().selectOption('mix-match');
    await row.locator('select').nth(1).selectOption('2');
    await row.locator('input[type=number]').fill('1');
    await page.getByRole('button', { name: 'Create assignment' }).click();
    const decoded = decodeAssignment(await page.locator('.cr-share input').first().inputValue());
    if (!decoded.ok) throw new Error(decoded.error);
    const assignment = decoded.assignment;
    const seed = assignment.items[0]!.seeds[0]!;
    // The student's mix: the bass 6 dB too loud, the rest as the untouched desk.
    const q = generate(seed, 2);
    const bass = q.tracks.findIndex((t) => t.id === 'bass');
    const answer = { tracks: q.start.map((t, i) => (i === bass ? { ...t, faderDb: t.faderDb + 6 } : t)) };
    const result = check(q, answer);
    const report = buildReport(
      assignment,
      [
        {
          exercise: 'mix-match',
          level: 2,
          seed,
          score: result.score,
          timeMs: 60_000,
          at: Date.now(),
          answer,
        },
      ],
      // This version: a report from before mix-match's 0.3.0 questions gets no table (question-versions.ts).
      { student: 'Robin', appVersion: version, handedInAt: Date.now() },
    );
    await page.goto(`${base}/classroom/gradebook`);
    await page.getByLabel('Or paste report codes (one or more)').fill(encodeReport(report));
    await page.getByRole('button', { name: 'Import codes' }).click();
    const summary = page.getByText('Per-track results of Robin’s mix');
    await summary.waitFor({ timeout: 30_000 });
    expect(await page.locator('.cr-mix table').count()).toBe(0);
    await summary.click();
    const table = page.locator('.cr-mix .mix-review-table');
    await table.waitFor();
    expect(await table.locator('caption').textContent()).toBe(
      `Item 1, question 1: Mix to the reference · ${result.score} / 100`,
    );
    expect(await table.locator('tbody th').allTextContents()).toEqual(q.tracks.map((t) => t.name));
    // Every cell as the kind's own check of the answer grades it (the review table's words per step count).
    const words = (steps: number) =>
      steps <= 0 ? '✓ same' : steps <= 1 ? 'close' : steps >= 4 ? 'far off' : 'off';
    const grade = mixGradeFromDetails(result.details, q.tracks.length)!;
    const cells = await table.locator('tbody td').allTextContents();
    expect(cells).toEqual(grade.cells.map((c) => words(c.steps)));
    expect(cells.some((c) => c !== '✓ same')).toBe(true);
    for (const theme of ['dark', 'light'] as const) {
      await setTheme(page, theme);
      expect(describeFindings(blocking(await runAxe(page, '.cr-mix'))), theme).toBe('');
    }
    if (shots) {
      for (const width of [1366, 390]) {
        await page.setViewportSize({ width, height: 900 });
        for (const theme of ['light', 'dark'] as const) {
          await setTheme(page, theme);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
          expect(overflow, `${width} px`).toBeLessThanOrEqual(0);
          await page
            .locator('.cr-grades')
            .first()
            .screenshot({ path: `${shots}/gradebook-${width}-${theme}.png` });
        }
      }
    }
  }, 120_000);
});
