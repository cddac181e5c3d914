import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './browser';

let browser: Browser;
let page: Page;
const base = inject('baseUrl');

beforeAll(async () => {
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
});
afterAll(async () => {
  await browser?.close();
});

const meterPeak = (name: string) =>
  page.getByRole('meter', { name, exact: true }).getAttribute('aria-valuenow').then(Number);

describe('the Mix page', () => {
  it('loads a mix, plays it on Play, and the meters move', async () => {
    await page.goto(`${base}/mix`);
    const play = page.locator('.transport-play:not([disabled])');
    await play.waitFor({ timeout: 30_000 });
    expect(await meterPeak('Master level')).toBe(-60);
    await play.click();
    await expect.poll(() => meterPeak('Master level'), { timeout: 5_000 }).toBeGreaterThan(-40);
    await expect.poll(() => page.locator('.transport-time').textContent()).not.toMatch(/^0:00\.0/);
  });

  it('Space stops and starts playback when focus is not in a text field', async () => {
    await page
      .getByRole('slider', { name: /fader$/ })
      .first()
      .focus();
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('.transport-play').getAttribute('aria-label')).toBe('Play');
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('.transport-play').getAttribute('aria-label')).toBe('Stop');
  });

  it('a strip fader answers the keyboard, and pulling it down lowers that strip’s meter', async () => {
    const fader = page.getByRole('slider', { name: /fader$/ }).first();
    const name = (await fader.getAttribute('aria-label'))!.replace(/ fader$/, '');
    await fader.focus();
    await page.keyboard.press('Enter');
    const start = await fader.getAttribute('aria-valuetext');
    await page.keyboard.press('ArrowUp');
    expect(await fader.getAttribute('aria-valuetext')).not.toBe(start);
    await page.keyboard.press('End');
    expect(await fader.getAttribute('aria-valuetext')).toBe('−∞ dB');
    await expect.poll(() => meterPeak(`${name} level`), { timeout: 5_000 }).toBe(-60);
    await page.keyboard.press('Enter');
    expect(await fader.getAttribute('aria-valuetext')).toBe(start);
    await page.keyboard.press('Space');
  });
});
