/**
 * A school's learning record store, end to end, against a real LRS (Learning Locker's xAPI statements
 * service, started here on 127.0.0.1): a teacher sets it up in Settings; after one reload the page's
 * policy allows that one origin and nothing else; a drill done offline queues its statements on the
 * device; back online they arrive at the LRS exactly once, and every one is valid xAPI.
 */
import validate from '@learninglocker/xapi-validation';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './browser';
import { hearQuestion } from './hear-question';
import { type RunningLrs, startLrs } from './lrs-server';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let lrs: RunningLrs;
const base = inject('baseUrl');
const elsewhere: string[] = [];

beforeAll(async () => {
  lrs = await startLrs();
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(base) && !url.startsWith(lrs.origin) && !/^(data|blob):/.test(url))
      elsewhere.push(url);
  });
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await lrs?.stop();
});

const policy = (p: Page) => p.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
const waiting = (p: Page) => p.getByTestId('lrs-waiting').textContent();

describe('sending to a school record store', () => {
  let built = '';

  it('a teacher sets it up in Settings; after a reload the policy adds exactly that origin', async () => {
    await page.goto(`${base}/settings`);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 50_000 });
    built = (await policy(page)) ?? '';
    expect(built).toContain("connect-src 'self';");
    await expect.poll(() => page.locator('#lrs-h').count()).toBe(1);
    expect(await page.locator('.lrs').textContent()).toMatch(/Off\. Nothing is sent anywhere/);
    // A bad address is refused in plain words.
    await page.getByLabel('Address (xAPI endpoint)').fill('http://lrs.school.example/xapi');
    await page.getByLabel('Key').fill(lrs.username);
    await page.getByLabel('Secret').fill(lrs.password);
    await page.getByRole('button', { name: 'Save and start sending' }).click();
    await expect.poll(() => page.locator('.lrs-error').textContent()).toMatch(/must start with https:\/\//);
    await page.getByLabel('Address (xAPI endpoint)').fill(lrs.endpoint);
    await page.getByRole('button', { name: 'Save and start sending' }).click();
    await expect.poll(() => page.locator('.lrs').textContent()).toMatch(/On\. Answers, drills, lessons/);
    expect(await page.getByRole('button', { name: 'Reload to connect' }).count()).toBe(1);
    await page.getByRole('textbox', { name: 'Email' }).fill('kim@school.example');
    await page.getByLabel('Name', { exact: true }).fill('Kim Lee');
    await page.getByRole('button', { name: 'Save identity' }).click();
    await expect
      .poll(() => page.locator('.lrs-form .muted').textContent())
      .toMatch(/Sent as Kim Lee, kim@school\.example/);
    // The secret is nowhere in the address bar or the page's links.
    expect(page.url()).not.toContain(lrs.password);
    await page.getByRole('button', { name: 'Reload to connect' }).click();
    await page.waitForLoadState('load');
    await expect.poll(() => page.locator('.lrs').textContent()).toMatch(/Nothing: everything is sent/);
    const widened = (await policy(page)) ?? '';
    expect(widened).toBe(built.replace("connect-src 'self'", `connect-src 'self' ${lrs.origin}`));
    // The app sends what waits as it starts ('Sending…' for a moment), then offers Send now.
    await expect.poll(() => page.getByRole('button', { name: 'Send now' }).count()).toBe(1);
  });

  it('a drill done offline queues on the device; back online every statement arrives once, valid', async () => {
    await context.setOffline(true);
    await page.click('nav[aria-label="Main"] a[href="/train"]');
    await page.waitForSelector('.kind-card');
    await page.locator('button[aria-label="Start Spot the EQ boost"]').click();
    await page.waitForSelector('.drill-prompt');
    for (let n = 1; n <= 10; n++) {
      await expect.poll(() => page.locator('.drill-count').textContent()).toBe(`Question ${n} of 10`);
      await hearQuestion(page);
      await page.keyboard.press(String(1 + (n % 3)));
      await page.keyboard.press('Enter');
      await page.waitForSelector('.feedback');
      await page.keyboard.press('Enter');
    }
    await expect.poll(() => page.locator('.drill-summary h2').textContent()).toMatch(/^Done: /);
    await page.click('nav[aria-label="Main"] a[href="/settings"]');
    // Ten answers and the finished round wait on the device; nothing reached the LRS.
    await expect.poll(() => waiting(page), { timeout: 10_000 }).toBe('11 records');
    expect(await page.getByTestId('lrs-error').textContent()).toMatch(/Offline/);
    expect(await lrs.statements()).toHaveLength(0);

    await context.setOffline(false);
    await expect.poll(() => lrs.statements().then((s) => s.length), { timeout: 30_000 }).toBe(11);
    await expect.poll(() => waiting(page)).toBe('Nothing: everything is sent.');
    expect(await page.getByTestId('lrs-last').textContent()).toMatch(/11 records sent in all/);

    const stored = (await lrs.statements()) as {
      id: string;
      actor: { mbox?: string };
      verb: { id: string };
      object: { id: string };
      result?: { score?: { scaled?: number }; duration?: string };
    }[];
    for (const s of stored) expect(validate(s), JSON.stringify(s)).toEqual([]);
    expect(new Set(stored.map((s) => s.id)).size).toBe(11);
    expect(stored.every((s) => s.actor.mbox === 'mailto:kim@school.example')).toBe(true);
    const verbs = stored.map((s) => s.verb.id.split('/').at(-1)).sort();
    expect(verbs).toEqual([...Array(10).fill('answered'), 'completed'].sort());
    expect(new Set(stored.map((s) => s.object.id))).toEqual(
      new Set(['urn:headroom:exercise:eq-boost:level:1']),
    );
    for (const s of stored) expect(s.result?.duration).toMatch(/^PT/);

    // Sending again and reloading stores nothing twice.
    await page.getByRole('button', { name: 'Send now' }).click();
    await page.reload();
    await expect.poll(() => waiting(page)).toBe('Nothing: everything is sent.');
    expect(await lrs.statements()).toHaveLength(11);
    expect(
      lrs.logins.every(
        (h) => h === `Basic ${Buffer.from(`${lrs.username}:${lrs.password}`).toString('base64')}`,
      ),
    ).toBe(true);
  }, 240_000);

  it('stopping restores the strict policy after a reload; no request went anywhere else', async () => {
    await page.getByRole('button', { name: 'Stop sending' }).click();
    await expect.poll(() => page.locator('.lrs').textContent()).toMatch(/Off\. Nothing is sent anywhere/);
    await page.reload();
    expect(await policy(page)).toBe(built);
    expect(elsewhere, elsewhere.join('\n')).toEqual([]);
  });
});
