import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generate } from '../../src/exercises/prod-or-mix/generate';
import { solve } from '../../src/exercises/prod-or-mix/solve';
import { loadLessons } from '../../src/lessons/build/load-lessons';
import { launchChromium, watchOutsideRequests } from './browser';
import { hearQuestion } from './hear-question';

const LESSON_ID = 'production-vs-mixing';
const lesson = loadLessons('lessons').lessons.find((l) => l.id === LESSON_ID);
if (!lesson) throw new Error(`lesson ${LESSON_ID} is missing`);
const blocks = lesson.steps.flatMap((s) => s.blocks);
const drill = blocks.find((b) => b.type === 'exercise');
const quiz = blocks.find((b) => b.type === 'quiz');
if (drill?.type !== 'exercise' || quiz?.type !== 'quiz')
  throw new Error('the lesson needs a drill and a quiz');
const drillStep = lesson.steps.findIndex((s) => s.blocks.includes(drill));

let browser: Browser;
let page: Page;
let outside: string[];
const base = inject('baseUrl');

beforeAll(async () => {
  browser = await launchChromium();
  const context = await browser.newContext();
  outside = watchOutsideRequests(context);
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
});

/** Presses Tab until the focused element matches `selector` (keyboard only, like a learner would). */
async function tabTo(selector: string, limit = 120): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** The key of the right answer to the question on screen, from its seed (questions are seeded data). */
async function rightKey(): Promise<string> {
  const block = page.locator('.block.exercise');
  const seed = Number(await block.getAttribute('data-seed'));
  expect(await block.getAttribute('data-kind')).toBe('prod-or-mix');
  return solve(generate(seed, drill!.level)).category === 'production' ? '1' : '2';
}

describe('a lesson with a drill, keyboard only, to completion', () => {
  it('walks to the drill step with the keyboard', async () => {
    await page.goto(`${base}/learn/${LESSON_ID}`);
    await page.waitForSelector('.step-count');
    for (let i = 0; i < drillStep; i++) {
      await tabTo('.step-nav .btn-primary');
      await page.keyboard.press('Enter');
      await expect
        .poll(() => page.locator('.step-count').textContent())
        .toBe(`Step ${i + 2} of ${lesson.steps.length}`);
    }
    expect(await page.locator('.block.exercise .drill-status').textContent()).toBe(
      'Not passed yet: no score so far.',
    );
  });

  it(`answers the ${drill.count}-question drill inline with the keys and passes it`, async () => {
    await tabTo('.block.exercise .drill-start .btn-primary');
    await page.keyboard.press('Enter');
    for (let n = 1; n <= drill.count; n++) {
      await expect
        .poll(() => page.locator('.block.exercise .drill-count').textContent())
        .toBe(`Question ${n} of ${drill.count}`);
      await page.waitForFunction(() => document.activeElement?.classList.contains('drill-prompt'));
      if (n === 1) {
        // The drill's own keys work inside the lesson: P plays, B and A switch.
        await page.waitForFunction(
          () => !document.querySelector('.block.exercise .player-status')?.textContent?.includes('Preparing'),
          null,
          { timeout: 60_000 },
        );
        await page.keyboard.press('p');
        await page.waitForFunction(
          () => document.querySelector('.block.exercise .player-play')?.textContent?.includes('Stop'),
          null,
          { timeout: 30_000 },
        );
        await page.keyboard.press('b');
        await expect.poll(() => page.locator('.block.exercise .ab-btn.is-on').textContent()).toMatch(/^B/);
        await page.keyboard.press('a');
      }
      await hearQuestion(page, '.block.exercise');
      await page.keyboard.press(await rightKey());
      await page.keyboard.press('Enter');
      await page.waitForSelector('.block.exercise .feedback');
      expect(await page.locator('.block.exercise .feedback-score').textContent()).toMatch(/^100 \/ 100/);
      await page.keyboard.press('Enter');
    }
    await expect
      .poll(() => page.locator('.round-result').textContent())
      .toBe(
        `Round done: 100% average, ${drill.count} of ${drill.count} right. Passed (the pass mark is ${drill.pass}%).`,
      );
    expect(await page.evaluate(() => document.activeElement?.classList.contains('round-result'))).toBe(true);
    await expect
      .poll(() => page.locator('.block.exercise .drill-status').textContent())
      .toBe('Best so far: 100% (passed).');
  }, 240_000);

  it('answers the quiz with the keyboard and completes the lesson', async () => {
    for (const [i, question] of quiz.questions.entries()) {
      await tabTo(`.quiz-question:nth-of-type(${i + 1}) input[type=radio]`);
      // The choices are shown in a shuffled order: find where the right one is.
      const key = question.choices.find((c) => c.correct)?.html.replace(/<[^>]*>/g, '');
      const shown = await page.locator('.quiz-question').nth(i).locator('.quiz-option').allTextContents();
      const right = shown.findIndex((t) => t.trim() === key);
      if (right === 0) await page.keyboard.press('Space');
      for (let k = 0; k < right; k++) await page.keyboard.press('ArrowDown');
    }
    await tabTo('.quiz-actions .btn-primary');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.quiz-result').textContent()).toContain('(100%). Passed.');
    const last = lesson.steps.length;
    while ((await page.locator('.step-count').textContent()) !== `Step ${last} of ${last}`) {
      await tabTo('.step-nav .btn-primary');
      await page.keyboard.press('Enter');
    }
    await expect.poll(() => page.locator('.lesson-finish h2').textContent()).toBe('Lesson complete');
  });

  it('is still complete after a reload', async () => {
    await page.reload();
    await expect.poll(() => page.locator('.lesson-finish h2').textContent()).toBe('Lesson complete');
    expect(await page.locator('.lesson-meta .status-pill').textContent()).toBe('Completed');
    expect(await page.locator('.finish-item.is-pass').count()).toBe(2);
  });

  it('made no request to anywhere but 127.0.0.1', () => {
    expect(outside).toEqual([]);
  });
});
