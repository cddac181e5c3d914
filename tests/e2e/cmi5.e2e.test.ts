/**
 * cmi5 end to end: a teacher downloads an assignment's cmi5 package; an LMS (a stand-in that hands out the
 * token and launch data, in front of the real LRS) launches the AU; Headroom signs in, sends
 * `initialized`, opens the assignment; the student answers and hands in; `passed`, `completed` and
 * `terminated` arrive at the LRS once and valid, and the way back leads to the course's return URL.
 */
import validate from '@learninglocker/xapi-validation';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { decodeAssignment } from '../../src/classroom/assignment';
import { auActivityId } from '../../src/classroom/cmi5/course';
import { MIN_ANSWER_MS } from '../../src/classroom/report-verify';
import { generate as generateEq } from '../../src/exercises/eq-boost/generate';
import { launchChromium } from './browser';
import { type FakeLms, startFakeLms } from './cmi5-lms';
import { hearQuestion } from './hear-question';
import { type RunningLrs, startLrs } from './lrs-server';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let lrs: RunningLrs;
let lms: FakeLms;
const base = inject('baseUrl');

beforeAll(async () => {
  lrs = await startLrs();
  lms = await startFakeLms(lrs, { masteryScore: 0.5 });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await lms?.stop();
  await lrs?.stop();
});

type Stored = {
  verb: { id: string };
  context: { registration?: string };
  result?: { score?: { raw?: number } };
};
const verbs = async () =>
  ((await lrs.statements()) as Stored[]).map((s) => s.verb.id.split('/').at(-1) ?? '').sort();

describe('cmi5: an LMS launches an assignment and gets the score back', () => {
  let launchUrl = '';
  let seed = 0;
  let auId = '';
  let xml = '';

  it('the teacher downloads the cmi5 package: cmi5.xml names the launch URL of this Headroom', async () => {
    await page.goto(`${base}/classroom/teach`);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 50_000 });
    await page.getByLabel('Title').fill('Week 4: one EQ boost');
    const row = page.locator('.cr-item-row').nth(0);
    await row.locator('select').first().selectOption('eq-boost');
    await row.locator('select').nth(1).selectOption('1');
    await row.locator('input[type=number]').fill('1');
    await page.getByLabel('Pass mark').fill('60');
    await page.getByRole('button', { name: 'Create assignment' }).click();
    const link = await page.locator('.cr-share input').first().inputValue();
    const decoded = decodeAssignment(link);
    if (!decoded.ok) throw new Error(decoded.error);
    seed = decoded.assignment.items[0]?.seeds[0] ?? 0;
    auId = auActivityId(decoded.assignment.id);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download cmi5 package' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.cmi5\.zip$/);
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync((await download.path()) as string);
    expect(bytes.subarray(0, 4).toString('hex')).toBe('504b0304');
    xml = bytes.toString('utf8');
    launchUrl = /<url>([^<]+)<\/url>/.exec(xml)?.[1]?.replace(/&amp;/g, '&') ?? '';
    expect(launchUrl).toBe(`${base}/cmi5?a=${link.split('#a=')[1]}`);
    expect(xml).toContain('masteryScore="0.6"');
  });

  it('the LMS launches it: Headroom signs in, says initialized, and shows the assignment', async () => {
    expect(xml).toContain(`<au id="${auId}"`);
    // The student's own browser, where Headroom was opened once before (its service worker is installed).
    await context.close();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    await page.goto(`${base}/learn`);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 50_000 });
    await page.goto(`${launchUrl}&${lms.launchQuery(auId)}`);
    await page.waitForURL(/\/classroom\/open#a=/);
    await page.locator('.cr-summary h2').waitFor();
    expect(await page.locator('.cr-summary h2').textContent()).toBe('Week 4: one EQ boost');
    await expect.poll(verbs, { timeout: 20_000 }).toEqual(['initialized']);
    // The page's policy allows the LMS's origin (its endpoint and token address) and nothing more.
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toContain(`connect-src 'self' ${lms.origin};`);
    expect(lms.log.filter((l) => l === 'POST /fetch')).toHaveLength(1);
  });

  it('the student answers and hands in: passed, completed, terminated arrive once; Back goes to the course', async () => {
    await page.getByRole('button', { name: 'Keep it and start' }).click();
    await page.getByRole('button', { name: 'Start' }).click();
    await page.waitForURL(`${base}/train`);
    await expect.poll(() => page.locator('.drill-count').textContent()).toBe('Question 1 of 1');
    await page.waitForFunction(
      () => !document.querySelector('.player-status')?.textContent?.includes('Preparing'),
      null,
      {
        timeout: 30_000,
      },
    );
    const ready = await page.evaluate(() => performance.now());
    await page.waitForFunction(({ t, ms }) => performance.now() - t > ms, {
      t: ready,
      ms: 2 * MIN_ANSWER_MS,
    });
    await hearQuestion(page);
    const q = generateEq(seed, 1);
    await page.keyboard.press(String(q.bandsHz.indexOf(q.targetHz) + 1));
    await page.keyboard.press('Enter');
    await page.locator('.feedback').waitFor();
    expect(await page.locator('.feedback-score').textContent()).toMatch(/^100 \/ 100/);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Back to the classroom' }).click();
    await page.getByLabel('Your name, as your teacher knows you').fill('Kim');
    await page.getByRole('button', { name: 'Hand in' }).click();
    await expect
      .poll(verbs, { timeout: 20_000 })
      .toEqual(['completed', 'initialized', 'passed', 'terminated']);
    const stored = (await lrs.statements()) as Stored[];
    for (const s of stored) {
      expect(validate(s)).toEqual([]);
      expect(s.context.registration).toBe(lms.registration);
    }
    expect(stored.find((s) => s.verb.id.endsWith('passed'))?.result?.score?.raw).toBe(100);
    // Leaving may ask first (the report was not downloaded): the student says yes.
    page.on('dialog', (d) => void d.accept());
    const back = page.locator('.notice').getByRole('button', { name: 'Back to the course' });
    await back.click();
    await page.waitForURL(lms.returnURL);
    expect(await page.locator('h1').textContent()).toBe('Back in the course');
  }, 180_000);
});
