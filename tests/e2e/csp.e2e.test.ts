import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './browser';

/**
 * The built app under its own Content-Security-Policy: the policy is there and strict, and the main
 * features (Mix playback on AudioWorklets, a drill with audio, the arranger's render worker, lessons)
 * work with no violation reported, neither as a console message nor as a securitypolicyviolation event.
 */

let browser: Browser;
let context: BrowserContext;
let page: Page;
const base = inject('baseUrl');
const consoleProblems: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  // Runs before the app in every document: records what the policy blocks.
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => {
      seen.push(
        `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
      );
    });
  });
  page = await context.newPage();
  page.on('console', (m) => {
    if (/Content.Security.Policy|Refused to/i.test(m.text())) consoleProblems.push(m.text());
  });
  page.on('pageerror', (e) => {
    if (/Content.Security.Policy|Refused to|unsafe-eval/i.test(e.message)) consoleProblems.push(e.message);
  });
});
afterAll(async () => {
  await browser?.close();
});

const violations = (p: Page) =>
  p.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
const meterPeak = (name: string) =>
  page.getByRole('meter', { name, exact: true }).getAttribute('aria-valuenow').then(Number);

/** Nothing blocked so far, in this document and in the console. */
async function expectClean(where: string): Promise<void> {
  expect(await violations(page), `${where}: securitypolicyviolation events`).toEqual([]);
  expect(consoleProblems, `${where}: CSP console messages`).toEqual([]);
}

/** Every element's attributes and every script in the document: no inline handlers, no inline scripts. */
function inlineCode(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    const found: string[] = [];
    for (const el of document.querySelectorAll('*'))
      for (const a of el.attributes) if (/^on/i.test(a.name)) found.push(`<${el.localName} ${a.name}>`);
    for (const s of document.scripts)
      if (!s.src) found.push(`inline <script>: ${s.textContent?.slice(0, 60)}`);
    return found;
  });
}

describe('Content-Security-Policy', () => {
  it('the built page carries a strict policy: own origin, blob: for worklets, no unsafe-eval or unsafe-inline', async () => {
    await page.goto(`${base}/learn`);
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self' blob:");
    expect(policy).toContain("worker-src 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toMatch(/unsafe-eval|unsafe-inline|\*/);
    // The policy is first in <head>: nothing runs before it applies.
    expect(
      await page.evaluate(
        () => document.head.querySelector('meta[http-equiv], script, link')?.outerHTML ?? '',
      ),
    ).toMatch(/^<meta http-equiv="Content-Security-Policy"/);
    await page.locator('.map-track').first().waitFor();
    expect(await inlineCode(page)).toEqual([]);
    // And it is enforced: an inline script is refused.
    const ran = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.inlineRan = true';
      document.body.append(s);
      s.remove();
      return (window as unknown as { inlineRan?: boolean }).inlineRan === true;
    });
    expect(ran).toBe(false);
    await expect.poll(() => violations(page)).toHaveLength(1);
    await page.evaluate(() => {
      (window as unknown as { cspViolations: string[] }).cspViolations.length = 0;
    });
    consoleProblems.length = 0;
  });

  it('Mix: loads, plays through the AudioWorklet engine (meters move), EQ and compressor panels work', async () => {
    await page.goto(`${base}/mix`);
    const play = page.locator('.transport-play:not([disabled])');
    await play.waitFor({ timeout: 30_000 });
    await play.click();
    await expect.poll(() => meterPeak('Master level'), { timeout: 10_000 }).toBeGreaterThan(-40);
    // The compressor runs in a worklet: switch one on and watch the strip keep sounding.
    await page.locator('.insert-btn').nth(1).click();
    await expect.poll(() => page.locator('.transport-time').textContent()).not.toMatch(/^0:00\.0/);
    await play.click();
    // Export renders offline (the same worklets) and downloads through an object URL.
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.getByRole('button', { name: 'Export WAV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.wav$/);
    expect(await page.locator('[role="alert"]').count()).toBe(0);
    expect(await inlineCode(page)).toEqual([]);
    await expectClean('Mix');
  });

  it('Train: a drill question plays (A/B) and is scored', async () => {
    await page.goto(`${base}/train`);
    await page.getByRole('button', { name: 'Start Spot the EQ boost' }).click();
    await page.locator('.drill-prompt').waitFor();
    await page.waitForFunction(
      () => !document.querySelector('.player-status')?.textContent?.includes('Preparing'),
      null,
      { timeout: 30_000 },
    );
    await page.keyboard.press('p');
    await expect
      .poll(() => page.locator('.player-play').textContent(), { timeout: 20_000 })
      .toContain('Stop');
    await page.keyboard.press('b');
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    await page.locator('.feedback').waitFor();
    await expect.poll(() => page.locator('.save-status').textContent()).toContain('Saved on this device');
    await page.keyboard.press('p');
    await expectClean('Train');
  });

  it('Produce, a lesson, Progress, Classroom and Settings load under the policy', async () => {
    await page.goto(`${base}/produce`);
    await page.locator('.arranger').waitFor();
    await page.goto(`${base}/learn/compression`);
    await page.locator('.step-count').waitFor();
    for (const path of ['/progress', '/classroom', '/classroom/teach', '/settings', '/produce/library']) {
      await page.goto(`${base}${path}`);
      await page.locator('main h1').waitFor();
      expect(await inlineCode(page), path).toEqual([]);
    }
    await expectClean('other pages');
  });
});
