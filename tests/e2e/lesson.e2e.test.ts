import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadLessons } from '../../src/lessons/build/load-lessons';
import { plainOf } from '../../src/lessons/quiz-rules.pure';
import { launchChromium, watchOutsideRequests } from './browser';

const LESSON_ID = 'what-is-production';
const lesson = loadLessons('lessons').lessons.find((l) => l.id === LESSON_ID);
if (!lesson) throw new Error(`lesson ${LESSON_ID} is missing`);
const quizzes = lesson.steps.flatMap((s) => s.blocks).filter((b) => b.type === 'quiz');
const lastStep = lesson.steps.length;

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

const stepText = () => page.locator('.step-count').textContent({ timeout: 10_000 });
const cardStatus = (id: string) =>
  page.locator(`.map-card:has(> a.map-link[href="/learn/${id}"]) .status-pill`).textContent();

describe('a lesson from the map to completion', () => {
  it('shows both tracks on the map with the lesson ready', async () => {
    await page.goto(`${base}/learn`);
    await expect
      .poll(() => page.locator('.map-track h3').allTextContents())
      .toEqual(['Production', 'Mixing']);
    expect(await cardStatus(LESSON_ID)).toBe('Ready');
    // Prerequisites are advice: a lesson whose prerequisite is not done is still a link.
    expect(await cardStatus('mastering-handoff')).toBe('Suggested later');
  });

  it('goes step by step and resumes at the saved step after a reload', async () => {
    await page.click(`a[href="/learn/${LESSON_ID}"]`);
    expect(await page.locator('main h1').textContent()).toBe(lesson.title);
    expect(await stepText()).toBe(`Step 1 of ${lastStep}`);
    await page.click('button:has-text("Next")');
    expect(await stepText()).toBe(`Step 2 of ${lastStep}`);
    await page.click('button:has-text("Back")');
    expect(await stepText()).toBe(`Step 1 of ${lastStep}`);
    for (let i = 2; i <= lastStep; i++) {
      await page.click('button:has-text("Next")');
      expect(await stepText()).toBe(`Step ${i} of ${lastStep}`);
    }
    await page.reload();
    expect(await stepText()).toBe(`Step ${lastStep} of ${lastStep}`);
    expect(await page.locator('.step-title').textContent()).toBe(lesson.stepTitles.at(-1));
  });

  it('fails the quiz below the pass mark, then passes it and completes the lesson', async () => {
    for (const quiz of quizzes) {
      const block = page.locator('.quiz').first();
      // Choices come in a shuffled order, so pick them by their text.
      const choose = (i: number, html: string) =>
        block
          .locator('.quiz-question')
          .nth(i)
          .getByRole('radio', { name: plainOf(html), exact: true })
          .check();
      const seed = await block.getAttribute('data-quiz-seed');
      // Every answer wrong first: the quiz reports the score and the pass mark, and shows each explanation.
      for (const [i, q] of quiz.questions.entries()) {
        const wrong = q.choices.find((c) => !c.correct);
        if (wrong) await choose(i, wrong.html);
      }
      await block.locator('button:has-text("Check")').click();
      await expect.poll(() => block.locator('.quiz-result').textContent()).toMatch(/^0 of \d+ right \(0%\)/);
      expect(await block.locator('.quiz-explanation').count()).toBe(
        quiz.questions.reduce((n, q) => n + q.choices.length, 0),
      );
      expect(await page.locator('.lesson-finish h2').textContent()).toBe('To complete this lesson');
      await block.locator('button:has-text("Try again")').click();
      // A new order for the retry.
      await expect.poll(() => block.getAttribute('data-quiz-seed')).not.toBe(seed);
      for (const [i, q] of quiz.questions.entries()) {
        const right = q.choices.find((c) => c.correct);
        if (right) await choose(i, right.html);
      }
      await block.locator('button:has-text("Check")').click();
      await expect.poll(() => block.locator('.quiz-result').textContent()).toContain('(100%). Passed.');
      // The answers were shown before this try: it counts as a pass on a retry, not on the first try.
      expect(await block.locator('.quiz-result').textContent()).toContain('counts as passed on a retry');
    }
    await expect.poll(() => page.locator('.lesson-finish h2').textContent()).toBe('Lesson complete');
  });

  it('is still complete after a reload, on the player and on the map', async () => {
    await page.reload();
    await expect.poll(() => page.locator('.lesson-finish h2').textContent()).toBe('Lesson complete');
    expect(await page.locator('.lesson-meta .status-pill').textContent()).toBe('Completed');
    await page.goto(`${base}/learn`);
    await expect.poll(() => cardStatus(LESSON_ID)).toBe('Completed');
    // The next lessons that build on it are now ready.
    expect(await cardStatus('idea-to-parts')).toBe('Ready');
    expect(await cardStatus('what-is-mixing')).toBe('Ready');
  });

  it('made no request to anywhere but 127.0.0.1', () => {
    expect(outside).toEqual([]);
  });
});
