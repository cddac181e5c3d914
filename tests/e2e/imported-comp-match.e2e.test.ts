/**
 * Match the compressor on the learner's imported song: Train offers it on the song, a drill starts on it, its
 * question sounds, and after Submit the review draws both gain traces from the loop's envelope. Saves Train's
 * comp-match card and the reviewed drill at 390 and 1366 px, light and dark, when SCREENSHOT_DIR is set.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { encodeWav } from '../../src/dsp/wav';
import { bassStem, kickStem, vocalStem } from '../exercises/comp-match-stems';
import { launchChromium } from './browser';
import { hearQuestion } from './hear-question';

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

const SR = 24000;
const SECONDS = 12;

/** A kick, a bass line and a vocal-like line that play together throughout (16-bit WAV). */
function stems(): { name: string; mimeType: string; buffer: Buffer }[] {
  const parts: [string, Float32Array][] = [
    ['Quasar_Kick.wav', kickStem(SECONDS, SR)],
    ['Quasar_Bass.wav', bassStem(SECONDS, SR)],
    ['Quasar_Vocal.wav', vocalStem(SECONDS, SR)],
  ];
  return parts.map(([name, x]) => ({
    name,
    mimeType: 'audio/wav',
    buffer: Buffer.from(encodeWav([x], SR, 'pcm16')),
  }));
}

/** The page at phone and laptop widths, light and dark. */
async function shots(p: Page, name: string, fullPage: boolean): Promise<void> {
  const dir = process.env.SCREENSHOT_DIR;
  if (!dir) return;
  for (const width of [390, 1366])
    for (const theme of ['light', 'dark'] as const) {
      await p.setViewportSize({ width, height: 900 });
      await p.evaluate((t) => {
        document.documentElement.dataset.theme = t;
      }, theme);
      await p.screenshot({ path: join(dir, `${name}-${width}-${theme}.png`), fullPage });
    }
}

describe('comp-match on an imported song', () => {
  it('plays the song, and the review draws both compressors’ gain on the part', async () => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`${base}/produce/library`);
    await page.waitForSelector('#lib-file', { state: 'attached', timeout: 60_000 });
    await page.setInputFiles('#lib-file', stems());
    await page.waitForFunction(
      () => !document.querySelector('.lib-progress') && document.body.textContent?.includes('Quasar'),
      null,
      { timeout: 120_000 },
    );
    await page.goto(`${base}/train`);
    await expect
      .poll(() => page.locator('.music-choice option:not([disabled])', { hasText: 'Quasar' }).count(), {
        timeout: 60_000,
      })
      .toBe(1);
    await page.locator('.music-choice select').selectOption({ label: 'Quasar' });
    const card = page.locator('li.kind-card[data-kind="comp-match"]');
    await expect.poll(() => card.locator('.kind-music').textContent()).toBe('Plays your song “Quasar”.');
    await card.scrollIntoViewIfNeeded();
    await shots(page, 'train-comp-match-imported', false);
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.click('button[aria-label="Start Match the compressor"]');
    await expect
      .poll(() => page.locator('h1').first().textContent(), { timeout: 60_000 })
      .toBe('Match the compressor on “Quasar”');
    await hearQuestion(page);
    const submit = page.getByRole('button', { name: /^Submit/ });
    await submit.click();
    // The review draws the reference's and the learner's gain over the loop, from the question's envelope.
    const figure = page.locator('.review-figure svg[aria-label^="Gain of the reference compressor"]');
    await expect.poll(() => figure.count(), { timeout: 30_000 }).toBe(1);
    expect(await figure.locator('path').count()).toBeGreaterThanOrEqual(2);
    await shots(page, 'drill-comp-match-imported-review', true);
  }, 300_000);
});
