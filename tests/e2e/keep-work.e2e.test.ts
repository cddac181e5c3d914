/**
 * Nothing a learner makes is lost: a song changed in the arranger and a fader moved on the Mix page are
 * both there after a reload, and the Library lists them.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './browser';

let browser: Browser;
let page: Page;
const base = inject('baseUrl');
const errors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
});
afterAll(async () => {
  await browser?.close();
});

const title = () => page.locator('.arr-title strong').textContent();

/** The works stored in the page's IndexedDB (read the way any script could). */
const storedWorks = (): Promise<{ id: string; kind: string; data: Record<string, unknown> }[]> =>
  page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('headroom');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('works')) return resolve([]);
          const all = db.transaction('works').objectStore('works').getAll();
          all.onsuccess = () => {
            resolve(all.result);
            db.close();
          };
        };
      }),
  );

describe('work is kept across reloads', () => {
  it('a new Electronic song with its own tempo is still there after a reload', async () => {
    await page.goto(`${base}/produce`);
    await page.locator('.arr-title strong').waitFor({ timeout: 30_000 });
    const popTitle = await title();
    await page.getByRole('radio', { name: 'Electronic' }).check();
    await page.getByRole('spinbutton', { name: 'Seed' }).fill('4242');
    await page.getByRole('spinbutton', { name: 'Seed' }).press('Enter');
    const made = await title();
    expect(made).not.toBe(popTitle);
    // Saved 0.4 s after the last change.
    await expect
      .poll(async () => (await storedWorks()).map((w) => [w.kind, w.data.style, w.data.seed]), {
        timeout: 5_000,
      })
      .toEqual([['arrangement', 'electronic', 4242]]);
    await page.reload();
    await page.locator('.arr-title strong').waitFor({ timeout: 30_000 });
    await expect.poll(() => title(), { timeout: 5_000 }).toBe(made);
    expect(await page.getByRole('radio', { name: 'Electronic' }).isChecked()).toBe(true);
    expect(await page.getByRole('spinbutton', { name: 'Seed' }).inputValue()).toBe('4242');
  });

  it('an arranger change made just before a reload is kept (inside the 0.4 s pause), and undo takes it back', async () => {
    const length = page.locator('#arr-bars');
    await length.selectOption('16');
    await page.reload(); // at once
    await page.locator('.arr-title strong').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('#arr-bars').inputValue()).toBe('16');
    // Undo and redo, by keys and buttons (a reload starts a fresh history).
    await page.locator('#arr-bars').selectOption('32');
    await page.locator('.arr-intro p').first().click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('#arr-bars').inputValue()).toBe('16');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => page.locator('#arr-bars').inputValue()).toBe('32');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.locator('#arr-bars').inputValue()).toBe('16');
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect.poll(() => page.locator('#arr-bars').inputValue()).toBe('32');
  });

  it('a fader moved on the Mix page is where it was left after a reload', async () => {
    await page.goto(`${base}/mix?song=rock`);
    await page.locator('.transport-play:not([disabled])').waitFor({ timeout: 30_000 });
    const fader = page.getByRole('slider', { name: /fader$/ }).nth(1);
    const start = await fader.getAttribute('aria-valuetext');
    await fader.focus();
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowUp');
    const moved = await fader.getAttribute('aria-valuetext');
    expect(moved).not.toBe(start);
    await expect
      .poll(async () => (await storedWorks()).filter((w) => w.kind === 'mix').map((w) => w.data.choiceId), {
        timeout: 5_000,
      })
      .toEqual(['rock']);
    await page.goto(`${base}/mix`); // no song in the address: the one mixed last opens
    await page.locator('.transport-play:not([disabled])').waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).searchParams.get('song')).toBe('rock');
    await expect
      .poll(() =>
        page
          .getByRole('slider', { name: /fader$/ })
          .nth(1)
          .getAttribute('aria-valuetext'),
      )
      .toBe(moved);
  });

  it('a change made just before the page closes is kept too (written as the page goes away)', async () => {
    const fader = page.getByRole('slider', { name: /fader$/ }).nth(2);
    await fader.focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
    const moved = await fader.getAttribute('aria-valuetext');
    await page.reload(); // at once: inside the 0.4 s pause
    await page.locator('.transport-play:not([disabled])').waitFor({ timeout: 30_000 });
    await expect
      .poll(() =>
        page
          .getByRole('slider', { name: /fader$/ })
          .nth(2)
          .getAttribute('aria-valuetext'),
      )
      .toBe(moved);
  });

  it('Undo and Redo on the Mix page take a fader drag back as one step (Ctrl+Z, Ctrl+Shift+Z, buttons)', async () => {
    const fader = page.getByRole('slider', { name: /fader$/ }).nth(3);
    const start = await fader.getAttribute('aria-valuetext');
    await fader.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowUp');
    const moved = await fader.getAttribute('aria-valuetext');
    expect(moved).not.toBe(start);
    await page.keyboard.press('Control+z');
    await expect.poll(() => fader.getAttribute('aria-valuetext')).toBe(start);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => fader.getAttribute('aria-valuetext')).toBe(moved);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => fader.getAttribute('aria-valuetext')).toBe(start);
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect.poll(() => fader.getAttribute('aria-valuetext')).toBe(moved);
  });

  it('the Library lists the arrangement and the mix, and opens the arrangement again', async () => {
    await page.goto(`${base}/produce/library`);
    const list = page.getByRole('region', { name: 'Your arrangements and mixes' });
    await list.getByRole('button', { name: 'Open in arranger' }).waitFor({ timeout: 10_000 });
    expect(await list.locator('.lib-song-title').allTextContents()).toEqual([
      expect.stringMatching(/^Mix of Rock: “/),
      expect.stringMatching(/^Electronic: “/),
    ]);
    await list.getByRole('button', { name: 'Duplicate' }).click();
    await expect
      .poll(() => list.locator('.lib-song-title').allTextContents())
      .toEqual([
        expect.stringMatching(/^Electronic: “.*” \(copy\)$/),
        expect.stringMatching(/^Mix of Rock: “/),
        expect.stringMatching(/^Electronic: “/),
      ]);
    await list.getByRole('button', { name: 'Open in arranger' }).last().click();
    await page.locator('.arr-title strong').waitFor({ timeout: 30_000 });
    expect(await page.getByRole('spinbutton', { name: 'Seed' }).inputValue()).toBe('4242');
    expect(errors).toEqual([]);
  });
});
