/** On a 390 px phone the header is one row; the sections open from a menu button and close on navigation. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './browser';

let browser: Browser;
let page: Page;
const base = inject('baseUrl');

beforeAll(async () => {
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
});
afterAll(async () => {
  await browser?.close();
});

const headerHeight = async () => (await page.locator('.topbar').boundingBox())?.height ?? 0;

describe('the phone header', () => {
  it('is one row (under 70 px of 844), naming the section; the menu opens, navigates and closes', async () => {
    await page.goto(`${base}/train`);
    const menu = page.getByRole('button', { name: /sections menu/ });
    await menu.waitFor();
    expect(await headerHeight()).toBeLessThan(70);
    expect(await menu.textContent()).toMatch(/^Train/);
    expect(await page.getByRole('link', { name: 'Mix', exact: true }).isVisible()).toBe(false);
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('link', { name: 'Mix', exact: true }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/mix');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await headerHeight()).toBeLessThan(70);
    expect(await menu.textContent()).toMatch(/^Mix/);
  });

  it('a 1366 px desktop shows every section and no menu button', async () => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`${base}/learn`);
    await page.getByRole('link', { name: 'Settings', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: /sections menu/ }).isVisible()).toBe(false);
    expect(await headerHeight()).toBeLessThan(70);
  });
});
