import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadLessons } from '../../src/lessons/build/load-lessons';
import { launchChromium } from './browser';

/**
 * The main path with the keyboard alone (Tab, Shift+Tab, arrows, Enter, Space): a lesson step with a quiz,
 * a short drill with an A/B comparison, and a fader on the Mix page. Every Tab stop must show a visible
 * focus outline, and every action must take effect. (Handing in an assignment by keyboard is covered in
 * the classroom e2e test.)
 */

const LESSON_ID = 'what-is-production';
const lesson = loadLessons('lessons').lessons.find((l) => l.id === LESSON_ID);
if (!lesson) throw new Error(`lesson ${LESSON_ID} is missing`);
const quizStep = lesson.steps.findIndex((s) => s.blocks.some((b) => b.type === 'quiz'));
const quiz = lesson.steps[quizStep]?.blocks.find((b) => b.type === 'quiz');
if (quiz?.type !== 'quiz') throw new Error(`lesson ${LESSON_ID} has no quiz`);

let browser: Browser;
let page: Page;
const base = inject('baseUrl');
/** Every Tab stop seen, for the record. */
let stops = 0;

beforeAll(async () => {
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
});
afterAll(async () => {
  console.log(`keyboard: ${stops} Tab stops, every one with a visible focus outline`);
  await browser?.close();
});

/** The focused element, described, and whether its focus outline can be seen (outline ≥ 2 px, not none). */
function focusState(p: Page): Promise<{ visible: boolean; what: string }> {
  return p.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { visible: false, what: 'nothing (body)' };
    const cs = getComputedStyle(el);
    const visible =
      cs.outlineStyle !== 'none' &&
      Number.parseFloat(cs.outlineWidth) >= 2 &&
      cs.outlineColor !== cs.backgroundColor;
    const name = (el.getAttribute('aria-label') ?? el.textContent ?? '')
      .trim()
      .replace(/\s+/g, ' ')
      .slice(0, 40);
    return {
      visible,
      what: `<${el.localName} class="${el.className}"> "${name}" (outline ${cs.outlineStyle} ${cs.outlineWidth})`,
    };
  });
}

/** Presses Tab (or Shift+Tab) until the focused element matches `selector`; each stop must show focus. */
async function tabTo(p: Page, selector: string, { back = false, limit = 120 } = {}): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await p.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const state = await focusState(p);
    stops++;
    expect(state.visible, `focus not visible on ${state.what}`).toBe(true);
    if (await p.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Whether the element's text would be announced: it sits in a live region or a status/alert. */
const announced = (p: Page, selector: string) =>
  p.evaluate(
    (s) => !!document.querySelector(s)?.closest('[aria-live], [role="status"], [role="alert"]'),
    selector,
  );

describe('the main path with the keyboard only', () => {
  it('opens a lesson from the map and passes its quiz', async () => {
    await page.goto(`${base}/learn`);
    await page.locator('.map-track').first().waitFor();
    await tabTo(page, `a[href="/learn/${LESSON_ID}"]`);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.step-count').textContent()).toMatch(/^Step 1 of/);
    for (let step = 1; step <= quizStep; step++) {
      await tabTo(page, '.step-nav button.btn-primary');
      await page.keyboard.press('Enter');
      await expect
        .poll(() => page.locator('.step-count').textContent())
        .toMatch(new RegExp(`^Step ${step + 1} of`));
    }
    for (const [qi, q] of quiz.questions.entries()) {
      // Tab enters the question's radio group on its first choice; Space picks it, arrows move the pick.
      await tabTo(page, '.quiz input[type=radio]:not(:checked)');
      // The choices are shown in a shuffled order: find where the right one is.
      const key = q.choices.find((c) => c.correct)?.html.replace(/<[^>]*>/g, '');
      const shown = await page.locator('.quiz-question').nth(qi).locator('.quiz-option').allTextContents();
      const right = shown.findIndex((t) => t.trim() === key);
      if (right === 0) await page.keyboard.press('Space');
      for (let i = 0; i < right; i++) await page.keyboard.press('ArrowDown');
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).checked)).toBe(true);
    }
    await tabTo(page, '.quiz button.btn-primary');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.quiz-result').textContent()).toContain('(100%). Passed.');
    expect(await announced(page, '.quiz-result')).toBe(true);
  });

  it('runs a short drill: play, compare A and B, answer with arrows, submit, read the announced score', async () => {
    // Back up to the main navigation with Shift+Tab, then on to Train.
    await tabTo(page, 'nav[aria-label="Main"] a[href="/train"]', { back: true, limit: 200 });
    await page.keyboard.press('Enter');
    await page.locator('.kind-card').first().waitFor();
    await tabTo(page, 'button[aria-label="Start Spot the EQ boost"]');
    await page.keyboard.press('Enter');
    // The drill puts the keyboard on its question; Tab goes on from there.
    await page.waitForFunction(() => document.activeElement?.matches('.drill-prompt'));
    await page.waitForSelector('.player-play:not([disabled])', { timeout: 30_000 });
    await tabTo(page, '.player-play');
    await page.keyboard.press('Space');
    await expect
      .poll(() => page.locator('.player-play').textContent(), { timeout: 20_000 })
      .toContain('Stop');
    // A/B: the switch's B side, then back to A.
    await tabTo(page, '.ab-btn[aria-keyshortcuts="B"]');
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('.ab-btn[aria-checked="true"]').textContent()).toBe('B: processed');
    await tabTo(page, '.ab-btn[aria-keyshortcuts="A"]', { back: true });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.ab-btn[aria-checked="true"]').textContent()).toBe('A: flat');
    // The answer: Tab into the choices, Space picks the first, an arrow moves the pick to the second.
    await tabTo(page, '.choice-btn');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    const picked = await page.locator('.choice-btn[aria-checked="true"]').textContent();
    expect(picked).toBe(await page.locator('.choice-btn').nth(1).textContent());
    await tabTo(page, '.drill-actions button.btn-primary');
    await page.keyboard.press('Enter');
    await page.locator('.feedback').waitFor();
    expect(await page.locator('.feedback-score').textContent()).toMatch(/^\d+ \/ 100/);
    expect(await announced(page, '.feedback-score')).toBe(true);
    await expect.poll(() => page.locator('.save-status').textContent()).toContain('Saved on this device');
    // Next question with Enter, then end the drill from its button and see the summary.
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.drill-count').textContent()).toBe('Question 2 of 10');
    // The new question moves focus to its prompt once it is ready; Shift+Tab from there.
    await page.waitForFunction(
      () => document.activeElement?.classList.contains('drill-prompt') ?? false,
      null,
      {
        timeout: 60_000,
      },
    );
    await tabTo(page, '.drill-head button', { back: true });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.drill-summary h2').textContent()).toMatch(/^Done: \d+% average$/);
    expect(await page.locator('.summary-table tbody tr').count()).toBe(1);
  });

  it('moves a fader on the Mix page: the value is announced and the strip’s sound follows', async () => {
    await tabTo(page, 'nav[aria-label="Main"] a[href="/mix"]', { back: true, limit: 200 });
    await page.keyboard.press('Enter');
    // The song's stems render in a Worker first: slow on a loaded two-core machine.
    await page.locator('.transport-play:not([disabled])').waitFor({ timeout: 120_000 });
    const fader = page.getByRole('slider', { name: /fader$/ }).first();
    const name = (await fader.getAttribute('aria-label'))!.replace(/ fader$/, '');
    await tabTo(page, '[role="slider"][aria-label$=" fader"]');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      `${name} fader`,
    );
    // Space plays on the Mix page wherever the focus is (outside text fields).
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('.transport-play').getAttribute('aria-label')).toBe('Stop');
    const meter = () =>
      page
        .getByRole('meter', { name: `${name} level`, exact: true })
        .getAttribute('aria-valuenow')
        .then(Number);
    await expect.poll(meter, { timeout: 10_000 }).toBeGreaterThan(-60);
    const start = await fader.getAttribute('aria-valuetext');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const lowered = await fader.getAttribute('aria-valuetext');
    expect(lowered).not.toBe(start);
    expect(lowered).toMatch(/dB$/);
    expect(await fader.getAttribute('role')).toBe('slider');
    // All the way down: the strip falls silent; Enter puts the fader back and the sound returns.
    await page.keyboard.press('End');
    expect(await fader.getAttribute('aria-valuetext')).toBe('−∞ dB');
    await expect.poll(meter, { timeout: 5_000 }).toBe(-60);
    await page.keyboard.press('Enter');
    expect(await fader.getAttribute('aria-valuetext')).toBe(start);
    await expect.poll(meter, { timeout: 5_000 }).toBeGreaterThan(-60);
    // The pan knob next along: arrows move it and say where it is.
    await tabTo(page, '[role="slider"][aria-label$=" pan"]', { back: true });
    await page.keyboard.press('ArrowLeft');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-valuetext'))).toMatch(
      /^L \d+$/,
    );
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('.transport-play').getAttribute('aria-label')).toBe('Play');
  }, 180_000);
});
