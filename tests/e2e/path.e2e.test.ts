import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './browser';
import { hearQuestion } from './hear-question';

let browser: Browser;
let page: Page;
const base = inject('baseUrl');

beforeAll(async () => {
  browser = await launchChromium();
  // A phone: the first lesson must be near the top of Learn, not far below the overview.
  page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
});
afterAll(async () => {
  await browser?.close();
});

describe('a new learner, from Start here through the first workout item', () => {
  it('Learn opens on Start here: the first lesson, within the first screen of a phone', async () => {
    await page.goto(`${base}/learn`);
    await page.waitForSelector('.next-up');
    expect(await page.locator('#next-up-title').textContent()).toBe('Start here');
    const go = page.locator('.next-up .next-up-go');
    expect(await go.getAttribute('href')).toBe('/learn/what-is-production');
    const box = await go.boundingBox();
    expect(box).not.toBeNull();
    expect((box?.y ?? 9999) + (box?.height ?? 0)).toBeLessThan(844);
    await go.click();
    await expect.poll(() => page.locator('h1').first().textContent()).toContain('music production');
  });

  it('Train asks for the hearing check first, then offers Start here and today’s workout', async () => {
    await page.goto(`${base}/train`);
    await page.waitForSelector('.hearing-check');
    await page.getByLabel('I cannot hear 16 kHz').check();
    await page.click('.hearing-done');
    await page.waitForSelector('.next-up');
    expect(await page.locator('#next-up-title').textContent()).toBe('Start here');
    expect(await page.locator('.hearing-again').textContent()).toContain('Left out of your drills: 16 kHz');
    // The band left out is stored for this device.
    const stored = await page.evaluate(
      () =>
        new Promise<unknown>((resolve, reject) => {
          const open = indexedDB.open('headroom');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const request = open.result.transaction('settings').objectStore('settings').get('hearingCheck');
            request.onsuccess = () => resolve((request.result as { value: unknown }).value);
          };
        }),
    );
    expect(stored).toMatchObject({ leftRightOk: true, unheardHz: [16000] });
  });

  it('starts the workout with one button and walks its first item to the next one', async () => {
    await page.click('.workout-offer summary');
    const first = page.locator('.workout-offer .workout-item').first();
    expect(await first.textContent()).toContain('What changed level? (level 1)');
    const count = Number((await first.textContent())?.match(/(\d+) questions/)?.[1]);
    expect(count).toBeGreaterThanOrEqual(4);
    await page.click('.workout-offer .workout-start');
    await page.waitForSelector('.drill-prompt');
    expect(await page.locator('h1, h2').first().textContent()).toMatch(
      /^Workout 1 of \d+: What changed level\?/,
    );
    for (let n = 1; n <= count; n++) {
      await expect
        .poll(() => page.locator('.drill-count').textContent(), { timeout: 60_000 })
        .toBe(`Question ${n} of ${count}`);
      await hearQuestion(page);
      // Which track moved (1) and which way (+): the drill's keys; how much, when asked: the first amount.
      await page.keyboard.press('1');
      await page.keyboard.press('+');
      const amounts = page.getByRole('radio', { name: /^\d+(\.\d+)? dB$/ });
      if ((await amounts.count()) > 0) await amounts.first().click();
      await page.getByRole('button', { name: /^Submit/ }).click();
      await page.waitForSelector('.feedback', { timeout: 60_000 });
      await page.getByRole('button', { name: /^(Next question|See the summary)/ }).click();
    }
    await page.waitForSelector('.drill-summary');
    const next = page.locator('.drill-summary .workout-next');
    expect(await next.textContent()).toMatch(/^Next in your workout: /);
    // The next steps are one click each; the lesson that teaches the drill is among them after a mistake.
    expect(await page.locator('.drill-summary .next-steps').count()).toBeLessThanOrEqual(1);
    await next.click();
    await expect
      .poll(() => page.locator('h1, h2').first().textContent(), { timeout: 60_000 })
      .toMatch(/^Workout 2 of \d+: /);
  }, 420_000);

  it('brings back the quiz of a lesson finished 3 days ago as the workout’s first item', async () => {
    const context = await browser.newContext();
    const p = await context.newPage();
    await p.goto(`${base}/learn`);
    await p.waitForSelector('.lesson-map');
    const now = Date.now();
    await p.evaluate(
      (now) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('headroom');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction(['lessons', 'settings'], 'readwrite');
            const at = now - 3 * 86_400_000;
            tx.objectStore('lessons').put({
              profileId: 'default',
              lessonId: 'what-is-production',
              version: 1,
              step: 0,
              scores: {},
              completed: true,
              completedAt: at,
              updatedAt: at,
            });
            tx.objectStore('settings').put({
              key: 'hearingCheck',
              value: { at: now, leftRightOk: true, unheardHz: [] },
            });
            tx.oncomplete = () => resolve();
          };
        }),
      now,
    );
    await p.goto(`${base}/train`);
    await p.waitForSelector('.next-up');
    await p.click('.workout-offer summary');
    expect(await p.locator('.workout-offer .workout-item').first().textContent()).toContain(
      'Quiz again: What "music production" means',
    );
    await p.click('.workout-offer .workout-start');
    await p.waitForSelector('.workout-review .quiz');
    expect(await p.locator('h1').first().textContent()).toBe('Quiz again: What "music production" means');
    // Answer every question (the first choice each), check, and go on to the next item.
    const groups = p.locator('.workout-review fieldset.quiz-question');
    const n = await groups.count();
    for (let i = 0; i < n; i++) await groups.nth(i).locator('.quiz-option').first().click();
    await p.getByRole('button', { name: 'Check answers' }).click();
    await p.getByRole('button', { name: 'Next in your workout' }).click();
    await expect
      .poll(() => p.locator('h1').first().textContent(), { timeout: 60_000 })
      .toMatch(/^Workout 2 of \d+: /);
    // The review is stored as a quiz attempt of the lesson: the spacing schedule counts it.
    const attempts = await p.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('headroom');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const r = open.result
              .transaction('lessons')
              .objectStore('lessons')
              .get(['default', 'what-is-production']);
            r.onsuccess = () => {
              const quizzes = (r.result as { quizzes?: Record<string, { count: number }> }).quizzes ?? {};
              resolve(Object.values(quizzes).reduce((sum, q) => sum + q.count, 0));
            };
          };
        }),
    );
    expect(attempts).toBe(1);
    await context.close();
  }, 180_000);
});
