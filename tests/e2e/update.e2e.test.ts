import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { launchChromium } from './browser';

const base = inject('baseUrl');
let browser: Browser;
const swPath = 'dist/sw.js';
let original: string;

beforeAll(async () => {
  browser = await launchChromium();
  original = readFileSync(swPath, 'utf8');
});
afterAll(async () => {
  writeFileSync(swPath, original);
  await browser?.close();
});

it('offers "Update available" with Reload, never reloads by itself, and reloads into the new version on request', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/settings`);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 50_000 });
  await page.evaluate(() => {
    (window as unknown as { marker: number }).marker = 1;
  });

  // Publish a "new version": any byte change to sw.js is an update.
  appendFileSync(swPath, `\n// new version ${Date.now()}\n`);
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
  const update = page.locator('.notice', { hasText: 'Update available.' });
  await update.waitFor({ timeout: 20_000 });

  // Nothing reloaded by itself: the page's own state is still there after a while.
  await page.waitForTimeout(1000);
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);

  await Promise.all([
    page.waitForEvent('load', { timeout: 20_000 }),
    update.getByRole('button', { name: 'Reload' }).click(),
  ]);
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBeUndefined();
  const waiting = await page.evaluate(() =>
    navigator.serviceWorker.getRegistration().then((r) => r?.waiting ?? null),
  );
  expect(waiting).toBeNull();
  expect(await page.locator('main h1').first().textContent()).toBe('Settings');
  await context.close();
});

it('never reloads for an update while a drill is unfinished: Reload asks the learner to finish first', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/train`);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 50_000 });
  await page.locator('button[aria-label="Start Spot the EQ boost"]').click();
  await page.waitForSelector('.drill-prompt');
  await page.evaluate(() => {
    (window as unknown as { marker: number }).marker = 2;
  });

  appendFileSync(swPath, `\n// another version ${Date.now()}\n`);
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
  const update = page.locator('.notice', { hasText: 'Update available.' });
  await update.waitFor({ timeout: 20_000 });
  await update.getByRole('button', { name: 'Reload' }).click();

  await page.locator('.notice', { hasText: 'Finish first' }).waitFor({ timeout: 5_000 });
  await page.waitForTimeout(1000);
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(2);
  expect(await page.locator('.drill-prompt').count()).toBe(1);
  await context.close();
});
