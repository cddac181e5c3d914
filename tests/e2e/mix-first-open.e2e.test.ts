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

const meterPeak = () =>
  page.getByRole('meter', { name: 'Master level', exact: true }).getAttribute('aria-valuenow').then(Number);
const note = () => page.locator('.mix-note');

describe('the Mix page, a song opened for the first time', () => {
  it('plays at once with built-in sounds, and the real instruments take over only when stopped', async () => {
    await page.goto(`${base}/mix?song=electronic`);
    const play = page.locator('.transport-play:not([disabled])');
    await play.waitFor({ timeout: 30_000 });
    await play.click();
    await expect.poll(meterPeak, { timeout: 5_000 }).toBeGreaterThan(-40);
    // Once the whole song is made, the page says what is heard until Stop.
    await expect
      .poll(() => note().textContent(), { timeout: 60_000 })
      .toMatch(/simple built-in sounds for now: the real instruments take over when you stop/);
    const exportButton = page.getByRole('button', { name: 'Export WAV' });
    expect(await exportButton.isDisabled()).toBe(true);
    await page.locator('.transport-play').click();
    // Stopped: the sampled parts take over as soon as they are made (and are stored for next time).
    await expect.poll(() => note().count(), { timeout: 90_000 }).toBe(0);
    await expect.poll(() => exportButton.isDisabled(), { timeout: 5_000 }).toBe(false);
    await page.locator('.transport-play').click();
    await expect.poll(meterPeak, { timeout: 5_000 }).toBeGreaterThan(-40);
    await page.locator('.transport-play').click();
    // Opened again: the stored song loads without rendering or waiting for instruments.
    await page.reload();
    await page.locator('.transport-play:not([disabled])').waitFor({ timeout: 30_000 });
    expect(await note().count()).toBe(0);
    expect(await page.locator('.mix-loading').count()).toBe(0);
  });
});
