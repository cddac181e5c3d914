import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, watchOutsideRequests } from './browser';

const ROUTES = [
  { path: '/learn', heading: 'Learn' },
  { path: '/produce', heading: 'Produce' },
  { path: '/produce/library', heading: 'Produce' },
  { path: '/train', heading: 'Train' },
  { path: '/mix', heading: 'Mix' },
  { path: '/progress', heading: 'Progress' },
  { path: '/classroom', heading: 'Classroom' },
  { path: '/settings', heading: 'Settings' },
];

let browser: Browser;
let context: BrowserContext;
let page: Page;
let outside: string[];
const base = inject('baseUrl');

beforeAll(async () => {
  browser = await launchChromium();
  context = await browser.newContext();
  outside = watchOutsideRequests(context);
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
});

const heading = (p: Page) => p.locator('main h1').first().textContent({ timeout: 10_000 });

describe('offline-first app shell', () => {
  it('installs a service worker that controls the page on the first visit and says so', async () => {
    await page.goto(`${base}/learn`);
    expect(await heading(page)).toBe('Learn');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 50_000 });
    await expect.poll(() => page.locator('.notice').allTextContents()).toContain('Ready to work offline.×');
    // A default profile exists from the first visit.
    await page.click('nav[aria-label="Main"] a[href="/classroom"]');
    await expect.poll(() => page.locator('main li').allTextContents()).toEqual(['Me active']);
  });

  it('renders every route offline, by navigation and by deep link after a reload', async () => {
    await context.setOffline(true);
    await page.reload();
    for (const route of ROUTES.filter((r) => r.path.split('/').length === 2)) {
      await page.click(`nav[aria-label="Main"] a[href="${route.path}"]`);
      expect(await heading(page)).toBe(route.heading);
      expect(
        await page.locator(`nav[aria-label="Main"] a[href="${route.path}"]`).getAttribute('aria-current'),
      ).toBe('page');
    }
    for (const route of ROUTES) {
      await page.goto(`${base}${route.path}`);
      expect(await heading(page)).toBe(route.heading);
    }
  });

  it('follows the back button offline', async () => {
    await page.goto(`${base}/learn`);
    await page.click('nav[aria-label="Main"] a[href="/mix"]');
    await page.click('nav[aria-label="Main"] a[href="/settings"]');
    await page.goBack();
    expect(await heading(page)).toBe('Mix');
    await page.goBack();
    expect(await heading(page)).toBe('Learn');
    await page.goForward();
    expect(await heading(page)).toBe('Mix');
  });

  it('shows "not found" for an unknown path instead of a blank page', async () => {
    await page.goto(`${base}/no-such-page`);
    expect(await heading(page)).toBe('Page not found');
  });

  it('made no request to anywhere but 127.0.0.1 during the whole run', () => {
    expect(outside, `requests that left 127.0.0.1:\n${outside.join('\n')}`).toEqual([]);
  });
});
