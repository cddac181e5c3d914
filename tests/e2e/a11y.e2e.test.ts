import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadLessons } from '../../src/lessons/build/load-lessons';
import { type AxeFinding, blocking, describeFindings, installAxe, runAxe, setTheme } from './axe';
import { launchChromium } from './browser';
import { hearQuestion } from './hear-question';

/**
 * axe-core on every page and dialog of the built app, in the dark and the light theme: zero serious or
 * critical violations. The context bypasses the app's Content-Security-Policy only so axe itself can be
 * injected; the CSP is checked on its own in csp.e2e.test.ts.
 */

const LESSON_IDS = loadLessons('lessons').lessons.map((l) => l.id);
let browser: Browser;
let context: BrowserContext;
let page: Page;
const base = inject('baseUrl');
/** Every finding per view and theme (all impacts), printed at the end for the record. */
const log: { view: string; findings: AxeFinding[] }[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  context = await browser.newContext({
    bypassCSP: true,
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  await installAxe(context);
  page = await context.newPage();
});
afterAll(async () => {
  const all = log.flatMap((l) => l.findings.map((f) => ({ view: l.view, ...f })));
  const count = (impact: string) => all.filter((f) => f.impact === impact).length;
  console.log(
    `axe: ${log.length} checks; critical ${count('critical')}, serious ${count('serious')}, moderate ${count('moderate')}, minor ${count('minor')}`,
  );
  for (const l of log)
    if (l.findings.length > 0) console.log(`${l.view}\n${describeFindings(l.findings).replace(/^/gm, '  ')}`);
  await browser?.close();
});

/** Runs axe in both themes (or inside `include`) and expects nothing serious or critical. */
async function check(view: string, include?: string): Promise<void> {
  const problems: string[] = [];
  for (const theme of ['dark', 'light'] as const) {
    await setTheme(page, theme);
    const findings = await runAxe(page, include);
    log.push({ view: `${view} (${theme})`, findings });
    const bad = blocking(findings);
    if (bad.length > 0) problems.push(`${theme}:\n${describeFindings(bad)}`);
  }
  await setTheme(page, 'dark');
  expect.soft(problems.join('\n'), `${view}: serious or critical axe violations`).toBe('');
}

const waitText = (selector: string, pattern: RegExp, timeout = 20_000) =>
  expect.poll(() => page.locator(selector).first().textContent(), { timeout }).toMatch(pattern);

describe('axe-core finds nothing serious or critical', () => {
  it('Learn: the overview and lesson map', async () => {
    await page.goto(`${base}/learn`);
    await page.locator('.map-track').first().waitFor();
    await check('learn map');
  });

  it('a lesson step with a quiz, before and after checking it', async () => {
    await page.goto(`${base}/learn/what-is-production`);
    await page.locator('.step-count').waitFor();
    await check('lesson step 1');
    const next = page.getByRole('button', { name: 'Next' });
    while ((await page.locator('.quiz').count()) === 0 && (await next.isEnabled())) await next.click();
    const quiz = page.locator('.quiz').first();
    for (const q of await quiz.locator('.quiz-question').all())
      await q.locator('input[type=radio]').first().check();
    await quiz.getByRole('button', { name: 'Check' }).click();
    await quiz.locator('.quiz-result').waitFor();
    await check('lesson quiz answered');
  });

  it('every step of every lesson (mixers, listening examples, exercises, diagrams, quizzes)', async () => {
    for (const id of LESSON_IDS) {
      await page.goto(`${base}/learn/${id}`);
      await page.locator('.step-count').waitFor();
      const [, at, of] =
        (await page.locator('.step-count').textContent())?.match(/Step (\d+) of (\d+)/) ?? [];
      const steps = Number(of);
      // A lesson opened before resumes where it was left: go back to its first step.
      for (let step = Number(at); step > 1; step--)
        await page.getByRole('button', { name: '← Back' }).click();
      for (let step = 1; step <= steps; step++) {
        await waitText('.step-count', new RegExp(`^Step ${step} of`));
        await page.waitForFunction(() => !document.querySelector('main .loading'));
        await check(`lesson ${id} step ${step}`);
        if (step < steps) await page.getByRole('button', { name: 'Next' }).click();
      }
    }
  }, 240_000);

  it('Produce: the arranger and the library', async () => {
    await page.goto(`${base}/produce`);
    await page.locator('.arranger').waitFor();
    await check('produce arranger');
    await page.getByRole('link', { name: 'Library' }).click();
    await page.locator('#lib-built-h').waitFor();
    await check('produce library');
  });

  it('Mix: the console with the EQ and the compressor panels open', async () => {
    await page.goto(`${base}/mix`);
    await page.locator('.transport-play:not([disabled])').waitFor({ timeout: 30_000 });
    await page.locator('.insert-btn').first().click();
    await check('mix with EQ panel');
    await page.locator('.insert-btn').nth(1).click();
    await check('mix with compressor panel');
  });

  it('Train: the picker, a question, its result and the summary', async () => {
    await page.goto(`${base}/train`);
    await page.locator('.kind-card').first().waitFor();
    await check('train picker');
    await page.getByRole('button', { name: 'Start Spot the EQ boost' }).click();
    await page.locator('.drill-prompt').waitFor();
    await page.waitForFunction(
      () => !document.querySelector('.player-status')?.textContent?.includes('Preparing'),
    );
    await check('drill question');
    await hearQuestion(page);
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    await page.locator('.feedback').waitFor();
    await check('drill result');
    await page.getByRole('button', { name: 'End drill' }).click();
    await page.locator('.drill-summary').waitFor();
    await check('drill summary');
  });

  it('Progress, with the answer just given', async () => {
    await page.getByRole('link', { name: 'Progress' }).click();
    await page.locator('.progress-page h1').waitFor();
    await page.waitForFunction(() => !document.querySelector('.progress-page .loading'));
    await check('progress');
  });

  it('Classroom: student, teacher and gradebook views', async () => {
    await page.goto(`${base}/classroom`);
    await page.locator('#mine-h').waitFor();
    await check('classroom student');
    await page.goto(`${base}/classroom/teach`);
    await page.locator('#build-h').waitFor();
    await check('classroom teach');
    await page.getByLabel('Title').fill('Week 1');
    await page.getByRole('button', { name: 'Create assignment' }).click();
    await page.locator('.cr-share input').first().waitFor();
    await check('classroom assignment shared');
    await page.getByRole('button', { name: 'Delete…' }).first().click();
    await page.locator('dialog[open]').waitFor();
    await check('classroom delete dialog');
    await page.keyboard.press('Escape');
    await page.locator('dialog[open]').waitFor({ state: 'detached' });
    const link = await page.locator('.cr-share input').first().inputValue();
    await page.goto(`${base}/classroom/gradebook`);
    await page.locator('#import-h').waitFor();
    await check('classroom gradebook');
    await page.goto(link);
    await page.locator('.cr-summary').waitFor();
    await check('classroom open link');
  });

  it('Settings and the reset dialog', async () => {
    await page.goto(`${base}/settings`);
    await page.locator('#data-h').waitFor();
    await check('settings');
    await page.getByRole('button', { name: 'Reset Headroom…' }).click();
    await page.locator('dialog[open]').waitFor();
    await check('settings reset dialog');
    await page.keyboard.press('Escape');
    await page.locator('dialog[open]').waitFor({ state: 'detached' });
    // A backup made here, chosen for restore: the dialog that says what it holds.
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.getByRole('button', { name: 'Back up now' }).click(),
    ]);
    await page
      .locator('input[type=file]')
      .first()
      .setInputFiles((await download.path())!);
    await page.locator('dialog[open]').waitFor();
    await check('settings restore dialog');
    await page.keyboard.press('Escape');
    await waitText('main h1', /Settings/);
  });

  it('every fader, knob, EQ point and meter on the Mix page has a name and says its value', async () => {
    await page.goto(`${base}/mix`);
    await page.locator('.transport-play:not([disabled])').waitFor({ timeout: 30_000 });
    const unnamed = await page.evaluate(() =>
      [...document.querySelectorAll('[role="slider"], [role="meter"]')]
        .filter(
          (el) =>
            !el.getAttribute('aria-label') ||
            !el.getAttribute('aria-valuetext') ||
            !Number.isFinite(Number(el.getAttribute('aria-valuenow'))),
        )
        .map((el) => el.outerHTML.slice(0, 120)),
    );
    expect(unnamed).toEqual([]);
    const count = (role: string) => page.locator(`[role="${role}"]`).count();
    expect(await count('slider')).toBeGreaterThan(30);
    expect(await count('meter')).toBeGreaterThan(5);
    // The EQ curve's points are sliders too, named by band, with the band in words.
    const point = page.getByRole('slider', { name: /EQ band 2$/ }).first();
    expect(await point.getAttribute('aria-valuetext')).toMatch(/Hz/);
  });

  it('with prefers-reduced-motion, nothing animates or transitions', async () => {
    const moving = () =>
      page.evaluate(() => {
        const found: string[] = [];
        for (const el of document.querySelectorAll('*'))
          for (const pseudo of [null, '::before', '::after']) {
            const cs = getComputedStyle(el, pseudo);
            const transition = cs.transitionDuration.split(',').some((d) => Number.parseFloat(d) > 0);
            if (transition || cs.animationName !== 'none')
              found.push(`${el.localName}.${el.className}${pseudo ?? ''}`);
          }
        return found;
      });
    const pages = [
      ['/learn', '.map-track'],
      ['/mix', '.transport-play:not([disabled])'],
      ['/train', '.kind-card'],
      ['/produce', '.arranger'],
      ['/produce/library', '.lib-drop'],
      ['/settings', '#data-h'],
    ] as const;
    // The check can see motion: without the preference, some controls do transition.
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await page.goto(`${base}/produce/library`);
    // The first page of this test: on a loaded CI machine the production build's first load took over 30 s.
    await page.locator('.lib-drop').waitFor({ timeout: 60_000 });
    expect((await moving()).length).toBeGreaterThan(0);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    for (const [path, ready] of pages) {
      await page.goto(`${base}${path}`);
      await page.locator(ready).first().waitFor({ timeout: 30_000 });
      expect(await moving(), path).toEqual([]);
    }
    await page.emulateMedia({ reducedMotion: 'no-preference' });
  }, 180_000);

  it('a page that does not exist', async () => {
    await page.goto(`${base}/nowhere`);
    await waitText('main h1', /Page not found/);
    await check('not found');
  });
});
