/**
 * Fix this mix on the learner's imported song: level 1 plays the song (a drill starts on it, its question sounds,
 * a fault named and submitted is scored), levels 3 (compression) and 4 (production problems) are refused on it in
 * plain words and play Headroom's songs; the assignment form offers levels 1 and 2 on the song only. Saves Train's
 * fix-mix card, the drill and the form at 390 and 1366 px, light and dark, when SCREENSHOT_DIR is set.
 */
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createRng } from '../../src/dsp/random';
import { encodeWav } from '../../src/dsp/wav';
import { launchChromium } from './browser';
import { hearQuestion } from './hear-question';
import { screenshots } from './screenshots';

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

/** Four stems that play together throughout: a kick, a bass, a chord and hats (16-bit WAV). */
function stems(): { name: string; mimeType: string; buffer: Buffer }[] {
  const rng = createRng(7);
  const at = (f: (t: number) => number) => Float32Array.from({ length: SR * SECONDS }, (_, i) => f(i / SR));
  const hit = (t: number) => t % 0.5;
  const parts: [string, Float32Array][] = [
    [
      'Quasar_Kick.wav',
      at(
        (t) =>
          0.8 * Math.exp(-hit(t) * 25) * Math.sin(2 * Math.PI * 55 * hit(t)) +
          0.3 * Math.exp(-hit(t) * 200) * (rng.next() * 2 - 1),
      ),
    ],
    [
      'Quasar_Bass.wav',
      at(
        (t) =>
          0.25 * Math.sin(2 * Math.PI * 82.4 * t) +
          0.08 * Math.sin(2 * Math.PI * 164.8 * t) +
          0.04 * Math.sin(2 * Math.PI * 247.2 * t),
      ),
    ],
    [
      'Quasar_Keys.wav',
      at((t) => [262, 330, 392, 523, 1046].reduce((s, f) => s + 0.05 * Math.sin(2 * Math.PI * f * t), 0)),
    ],
    ['Quasar_Hats.wav', at((t) => (t % 0.25 < 0.05 ? 0.15 * (rng.next() * 2 - 1) : 0))],
  ];
  return parts.map(([name, x]) => ({
    name,
    mimeType: 'audio/wav',
    buffer: Buffer.from(encodeWav([x], SR, 'pcm16')),
  }));
}

/** The card at phone and laptop widths, light and dark (viewport shots with the card in view). */
async function shots(p: Page, card: Locator, name: string): Promise<void> {
  const dir = process.env.SCREENSHOT_DIR;
  if (!dir) return;
  for (const width of [390, 1366])
    for (const theme of ['light', 'dark'] as const) {
      await p.setViewportSize({ width, height: 900 });
      await p.evaluate((t) => {
        document.documentElement.dataset.theme = t;
      }, theme);
      await card.scrollIntoViewIfNeeded();
      await card.screenshot({ path: join(dir, `${name}-${width}-${theme}.png`) });
    }
}

describe('fix-mix on an imported song', () => {
  it('plays the song on level 1 and refuses levels 3 and 4 in words', async () => {
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
    const card = page.locator('li.kind-card[data-kind="fix-mix"]');
    const music = card.locator('.kind-music');
    await expect.poll(() => music.textContent()).toBe('Plays your song “Quasar”.');
    const level = card.locator('.kind-level select');
    await level.selectOption('3');
    await expect
      .poll(() => music.textContent())
      .toBe(
        'Plays Headroom’s songs. Level 3 grades compression, which is judged on every detail of each part’s sound; Headroom keeps only an outline of your stems, so this level plays only Headroom’s songs.',
      );
    await level.selectOption('4');
    await expect
      .poll(() => music.textContent())
      .toMatch(/^Plays Headroom’s songs\. Level 4 adds problems in the parts themselves/);
    await shots(page, card, 'train-fix-mix-level4');
    await level.selectOption('2');
    await expect.poll(() => music.textContent()).toBe('Plays your song “Quasar”.');
    await shots(page, card, 'train-fix-mix-level2');
    await level.selectOption('1');
    await expect.poll(() => music.textContent()).toBe('Plays your song “Quasar”.');
    await shots(page, card, 'train-fix-mix-level1');
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.click('button[aria-label="Start Fix this mix"]');
    await expect
      .poll(() => page.locator('h1').first().textContent(), { timeout: 60_000 })
      .toBe('Fix this mix on “Quasar”');
    await page.waitForSelector('.fix-mix-diagnosis');
    // Level 1 offers the two fader faults; the desk lists the song's own parts.
    expect(await page.locator('.fix-mix-fault').count()).toBe(2);
    await hearQuestion(page);
    await screenshots(page, 'drill-fix-mix-imported');
    const submit = page.getByRole('button', { name: /^Submit/ });
    await page.keyboard.press('1');
    const which = page.locator('select[aria-label^="Which track?"]');
    const names = await which.locator('option').allTextContents();
    expect(names.some((n) => /Kick|Bass|Keys|Hats/.test(n))).toBe(true);
    await which.selectOption({ index: 1 });
    await expect.poll(() => submit.isDisabled()).toBe(false);
    await submit.click();
    await page.waitForSelector('.feedback');
    expect((await page.locator('.feedback-score').textContent()) ?? '').toMatch(/^\d+ \/ 100/);
    await expect.poll(() => page.locator('.fix-mix-review h3').textContent()).toBe('What was wrong');
    await screenshots(page, 'drill-fix-mix-imported-review');
  }, 300_000);

  it('the assignment form offers levels 1 and 2 on the song, not 3 or 4', async () => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`${base}/classroom/teach`);
    await page.getByLabel('Title').fill('Fix our song');
    await page
      .locator('label.cr-field', { has: page.locator('span', { hasText: /^Music$/ }) })
      .locator('select')
      .selectOption({ label: 'Your song: Quasar' });
    const row = page.locator('.cr-item-row').first();
    await row.locator('select').first().selectOption('fix-mix');
    const level = row.locator('select').nth(1);
    for (const n of ['3', '4']) {
      const option = level.locator(`option[value="${n}"]`);
      expect(await option.isDisabled()).toBe(true);
      expect(await option.textContent()).toMatch(/\(only Headroom’s songs\)$/);
    }
    for (const n of ['1', '2']) expect(await level.locator(`option[value="${n}"]`).isDisabled()).toBe(false);
    await shots(page, page.locator('form').first(), 'teach-fix-mix-song');
    await level.selectOption('2');
    await row.locator('input[type=number]').fill('2');
    await page.getByRole('button', { name: 'Create assignment' }).click();
    await expect.poll(() => page.locator('.cr-share input').count(), { timeout: 20_000 }).toBeGreaterThan(0);
  }, 120_000);
});
