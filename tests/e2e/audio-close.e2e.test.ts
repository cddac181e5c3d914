import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AUDIO_CLOSE_MS } from '../../src/state/shared/audio';
import { launchChromium } from './browser';

// Issue 21: a live AudioContext keeps its audio thread, worklets and buffers (tens of MB) even suspended, so
// the app closes it once no page that plays is open. Every context the page makes is recorded (a subclass of
// the browser's AudioContext installed before the app loads) to count those still open.
let browser: Browser;
let page: Page;
const base = inject('baseUrl');

beforeAll(async () => {
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await page.addInitScript(() => {
    const made: AudioContext[] = [];
    const Native = globalThis.AudioContext;
    globalThis.AudioContext = class extends Native {
      constructor(options?: AudioContextOptions) {
        super(options);
        made.push(this);
      }
    };
    (globalThis as unknown as { openContexts: () => string[] }).openContexts = () =>
      made.map((c) => c.state).filter((s) => s !== 'closed');
  });
});
afterAll(async () => {
  await browser?.close();
});

const openContexts = () =>
  page.evaluate(() => (globalThis as unknown as { openContexts: () => string[] }).openContexts());
const meterPeak = () =>
  page.getByRole('meter', { name: 'Master level', exact: true }).getAttribute('aria-valuenow').then(Number);

async function playOnMixPage(): Promise<void> {
  const play = page.locator('.transport-play:not([disabled])');
  await play.waitFor({ timeout: 30_000 });
  await play.click();
  await expect.poll(meterPeak, { timeout: 5_000 }).toBeGreaterThan(-40);
}

describe('the live audio context', () => {
  it('is closed a moment after leaving the Mix page, and a new one plays when the page opens again', async () => {
    await page.goto(`${base}/mix`);
    await playOnMixPage();
    expect(await openContexts()).toEqual(['running']);
    await page.locator('#main-nav a[href="/learn"]').click();
    await page.locator('main h1').first().waitFor();
    // Kept for a moment (a page that plays next would keep it), then closed.
    expect((await openContexts()).length).toBe(1);
    await expect.poll(openContexts, { timeout: AUDIO_CLOSE_MS + 5_000 }).toEqual([]);
    await page.locator('#main-nav a[href="/mix"]').click();
    await playOnMixPage();
    expect(await openContexts()).toEqual(['running']);
  });
});
