/**
 * A drill on the learner's imported song, left at question 3 (a reload), continues there on that song: the
 * kept place names it, and Continue plays it even though Train's music is back to Headroom's songs.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { encodeWav } from '../../src/dsp/wav';
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
const SECONDS = 10;

/** Three stems: a pulse twice a second, a bass tone and a chord (16-bit WAV). */
function stems(): { name: string; mimeType: string; buffer: Buffer }[] {
  const at = (f: (t: number) => number) => Float32Array.from({ length: SR * SECONDS }, (_, i) => f(i / SR));
  const parts: [string, Float32Array][] = [
    ['Resume_Kick.wav', at((t) => 0.8 * Math.exp(-(t % 0.5) * 25) * Math.sin(2 * Math.PI * 55 * (t % 0.5)))],
    ['Resume_Bass.wav', at((t) => 0.25 * Math.sin(2 * Math.PI * 82.4 * t))],
    [
      'Resume_Keys.wav',
      at((t) => [262, 330, 392, 523, 1046].reduce((s, f) => s + 0.05 * Math.sin(2 * Math.PI * f * t), 0)),
    ],
  ];
  return parts.map(([name, x]) => ({
    name,
    mimeType: 'audio/wav',
    buffer: Buffer.from(encodeWav([x], SR, 'pcm16')),
  }));
}

/** The kept drill places in the app's own database. */
function keptPlaces(p: Page): Promise<{ kind: string; song?: { hash: string; name: string } }[]> {
  return p.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('headroom');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('settings').objectStore('settings').getAll();
          get.onsuccess = () => {
            db.close();
            resolve(
              (get.result as { key: string; value: unknown }[])
                .filter((r) => r.key.startsWith('unfinishedDrills:'))
                .flatMap((r) => r.value as never[]),
            );
          };
          get.onerror = () => reject(get.error);
        };
      }),
  );
}

async function answer(p: Page, key: string): Promise<void> {
  await hearQuestion(p);
  await p.keyboard.press(key);
  await p.keyboard.press('Enter');
  await p.waitForSelector('.feedback');
}

describe('an unfinished drill on an imported song', () => {
  it('continues on the song after a reload', async () => {
    await page.goto(`${base}/produce/library`);
    await page.waitForSelector('#lib-file', { state: 'attached', timeout: 60_000 });
    await page.setInputFiles('#lib-file', stems());
    // The import decodes, measures and saves the song: wait until the library lists it.
    await page.waitForFunction(
      () => !document.querySelector('.lib-progress') && document.body.textContent?.includes('Resume'),
      null,
      { timeout: 120_000 },
    );
    await page.goto(`${base}/train`);
    const select = page.locator('.music-choice select');
    await expect
      .poll(() => page.locator('.music-choice option:not([disabled])', { hasText: 'Resume' }).count(), {
        timeout: 60_000,
      })
      .toBe(1);
    await select.selectOption({ label: 'Resume' });
    await page.click('button[aria-label="Start Spot the EQ boost"]');
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('Spot the EQ boost on “Resume”');
    for (let n = 1; n <= 2; n++) {
      await expect.poll(() => page.locator('.drill-count').textContent()).toBe(`Question ${n} of 10`);
      await answer(page, String(n));
      await page.keyboard.press('Enter');
    }
    await expect.poll(() => page.locator('.drill-count').textContent()).toBe('Question 3 of 10');
    await expect
      .poll(async () => (await keptPlaces(page)).find((d) => d.kind === 'eq-boost')?.song?.name, {
        timeout: 10_000,
      })
      .toBe('Resume');

    await page.reload();
    const offer = page.locator('button.continue-drill', {
      hasText: 'Continue: Spot the EQ boost level 1 on “Resume”, question 3 of 10',
    });
    await expect.poll(() => offer.count(), { timeout: 20_000 }).toBe(1);
    await offer.first().click();
    await expect.poll(() => page.locator('.drill-count').textContent()).toBe('Question 3 of 10');
    expect(await page.locator('h1').first().textContent()).toBe('Spot the EQ boost on “Resume”');
    // The question plays the song (Train's music is Headroom's songs again after the reload).
    await hearQuestion(page);
  }, 240_000);
});
