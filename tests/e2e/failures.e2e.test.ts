import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './browser';
import { countInPage } from './classroom-helpers';
import { hearQuestion } from './hear-question';

/** The built app when things go wrong: audio processors that do not load, and storage that is full. */

let browser: Browser;
const base = inject('baseUrl');

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const noticeText = (p: Page) => p.locator('.notices').textContent();

describe('audio processors (AudioWorklet) that fail to load', () => {
  it('the Mix page says so in plain words and offers Reload; the rest of the page keeps working', async () => {
    const context = await browser.newContext();
    // What a content blocker or a broken install does: the worklet module never arrives.
    await context.route(/worklet.*\.js$/, (route) => route.abort());
    const page = await context.newPage();
    await page.goto(`${base}/mix`);
    const play = page.locator('.transport-play:not([disabled])');
    await play.waitFor({ timeout: 30_000 });
    await play.click();
    await expect
      .poll(() => noticeText(page), { timeout: 15_000 })
      .toMatch(/audio processors \(AudioWorklet\) could not load/);
    const notice = page.locator('.notice-error');
    expect(await notice.getByRole('button', { name: 'Reload' }).count()).toBe(1);
    expect(await notice.getAttribute('role')).toBe('alert');
    // No blank app: the header navigates and the next page shows.
    await page.getByRole('link', { name: 'Progress' }).click();
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Progress');
    await context.close();
  });
});

describe('storage full during a drill', () => {
  it('says "Not saved", offers to clear cached audio, then saves the kept answer; earlier answers stay', async () => {
    const context = await browser.newContext();
    // A stand-in for a full disk: while `window.diskFull` is set, IndexedDB refuses new attempts.
    await context.addInitScript(() => {
      const add = IDBObjectStore.prototype.add;
      IDBObjectStore.prototype.add = function (
        this: IDBObjectStore,
        ...args: Parameters<IDBObjectStore['add']>
      ) {
        if ((window as unknown as { diskFull?: boolean }).diskFull && this.name === 'attempts')
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return add.apply(this, args);
      };
    });
    const page = await context.newPage();
    await page.goto(`${base}/train`);
    await page.getByRole('button', { name: 'Start Spot the EQ boost' }).click();
    await page.locator('.drill-prompt').waitFor();
    const status = page.locator('.save-status');

    await hearQuestion(page);
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    await expect.poll(() => status.textContent()).toContain('Saved on this device');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.drill-count').textContent()).toBe('Question 2 of 10');

    await page.evaluate(() => {
      (window as unknown as { diskFull: boolean }).diskFull = true;
    });
    await hearQuestion(page);
    await page.keyboard.press('2');
    await page.keyboard.press('Enter');
    await expect.poll(() => status.textContent()).toMatch(/^Not saved\. Storage on this device is full/);
    expect(await status.getAttribute('role')).toBe('alert');
    await expect.poll(() => noticeText(page)).toMatch(/Storage is full/);
    expect(await page.locator('.notices').getByRole('button', { name: 'Clear cached audio' }).count()).toBe(
      1,
    );
    // The answer shown as saved is stored; the refused one is not (and nothing half-written).
    expect(await page.evaluate(countInPage, 'attempts')).toBe(1);

    await page.evaluate(() => {
      (window as unknown as { diskFull: boolean }).diskFull = false;
    });
    await page.getByRole('button', { name: 'Clear cached audio and save' }).click();
    await expect.poll(() => status.textContent()).toContain('Saved on this device');
    expect(await page.evaluate(countInPage, 'attempts')).toBe(2);
    expect(await page.evaluate(countInPage, 'stems')).toBe(0);
    await expect.poll(() => noticeText(page)).not.toMatch(/Storage is full/);
    await context.close();
  });
});
