import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './browser';

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

describe('a teacher runs the 10-week course from the Classroom', () => {
  it('lists ten weeks, the rubric and the glossary', async () => {
    await page.goto(`${base}/classroom/course`);
    await page.waitForSelector('.course-weeks');
    expect(await page.locator('.course-week-link').count()).toBe(10);
    expect(await page.locator('.course-week-link').nth(2).textContent()).toBe('Week 3: Faders and headroom');
    await page.click('a[href="/classroom/course/glossary"]');
    await expect.poll(() => page.locator('.course-week > h2').textContent()).toBe('Glossary');
    expect(await page.locator('.course-body').textContent()).toContain('Headroom — the space between');
  });

  it('prints a week as a handout without the app around it', async () => {
    await page.goto(`${base}/classroom/course/week-3`);
    await page.waitForSelector('.course-week > h2');
    expect(await page.locator('.course-week > h2').textContent()).toBe('Week 3: Faders and headroom');
    expect(await page.locator('.course-body').textContent()).toContain('Common misconceptions');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.topbar').isVisible()).toBe(false);
    expect(await page.locator('.course-assign').isVisible()).toBe(false);
    expect(await page.locator('.course-body').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
  });

  it('turns a week into an assignment with one click', async () => {
    await page.click('.course-assign');
    await page.waitForURL(`${base}/classroom/teach`);
    await expect
      .poll(() => page.locator('.cr-page').textContent(), { timeout: 20_000 })
      .toContain('Week 3: Faders and headroom');
    // The stored assignment carries the week's drills, its graded mix and its lessons.
    const stored = await page.evaluate(
      () =>
        new Promise<unknown>((resolve, reject) => {
          const open = indexedDB.open('headroom');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const request = open.result.transaction('assignments').objectStore('assignments').getAll();
            request.onsuccess = () => resolve(request.result);
          };
        }),
    );
    const a = (
      stored as {
        assignment: {
          title: string;
          items: { exercise: string; level: number; seeds: number[] }[];
          lessons?: string[];
        };
      }[]
    )
      .map((r) => r.assignment)
      .find((x) => x.title === 'Week 3: Faders and headroom');
    expect(a?.items.map((i) => [i.exercise, i.level, i.seeds.length])).toEqual([
      ['fader-balance', 1, 4],
      ['prod-or-mix', 1, 6],
      ['mix-match', 1, 1],
    ]);
    expect(a?.lessons).toEqual(['production-vs-mixing', 'faders-and-headroom']);
  });
});
