/**
 * Leaving never loses work silently: a reload while an answer is being saved or is "Not saved" asks first
 * (beforeunload), and an answer submitted right before a reload is stored.
 */
import type { Browser, BrowserContext, Dialog, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './browser';
import { hearQuestion } from './hear-question';

let browser: Browser;
let context: BrowserContext;
let page: Page;
const base = inject('baseUrl');

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  context = await browser.newContext();
  page = await context.newPage();
});
afterEach(async () => {
  await context?.close();
});

/** The stored attempts (profile and score) in the app's own database, read from inside the page. */
function storedAttempts(p: Page): Promise<{ profileId: string; score: number }[]> {
  return p.evaluate(
    () =>
      new Promise<{ profileId: string; score: number }[]>((resolve, reject) => {
        const open = indexedDB.open('headroom');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('attempts').objectStore('attempts').getAll();
          request.onsuccess = () => {
            db.close();
            resolve(request.result.map((a) => ({ profileId: a.profileId, score: a.score })));
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

/** Starts an eq-boost drill from the Train page and waits for the first question. */
async function startDrill(p: Page): Promise<void> {
  await p.goto(`${base}/train`);
  await p.click('button[aria-label="Start Spot the EQ boost"]');
  await p.waitForSelector('.drill-prompt');
  await expect.poll(() => p.locator('.drill-count').textContent()).toBe('Question 1 of 10');
}

/** Picks a band with the keyboard and submits with Enter (a real key press: the page gets user activation). */
async function answerAndSubmit(p: Page): Promise<void> {
  await hearQuestion(p);
  await p.locator('.drill-prompt').focus();
  await p.keyboard.press('2');
  await p.keyboard.press('Enter');
}

/**
 * Holds a write transaction on the attempts store from a second connection until `window.__releaseHold`
 * is set: the drill's save waits behind it, so the answer stays "being saved" as long as the test wants.
 */
function holdAttemptsStore(p: Page): Promise<void> {
  return p.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const w = window as unknown as { __releaseHold?: boolean };
        w.__releaseHold = false;
        const open = indexedDB.open('headroom');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const store = db.transaction('attempts', 'readwrite').objectStore('attempts');
          const spin = () => {
            if (w.__releaseHold) {
              db.close();
              return;
            }
            store.count().onsuccess = spin;
          };
          spin();
          resolve();
        };
      }),
  );
}

/** Starts a reload and resolves with the dialog the browser raised before leaving (null: it left without one). */
async function reloadExpectingDialog(p: Page, answer: 'accept' | 'dismiss'): Promise<Dialog | null> {
  let seen: Dialog | null = null;
  const onDialog = (d: Dialog) => {
    seen = d;
    void (answer === 'accept' ? d.accept() : d.dismiss());
  };
  p.on('dialog', onDialog);
  try {
    await p.reload({ timeout: 5000 }).catch(() => undefined);
  } finally {
    p.off('dialog', onDialog);
  }
  return seen;
}

describe('leaving the page', () => {
  it('asks before a reload while an answer is being saved; staying lets it land', async () => {
    await startDrill(page);
    await holdAttemptsStore(page);
    await answerAndSubmit(page);
    await page.waitForSelector('.feedback');
    expect(await page.locator('.save-status').textContent()).toBe('Saving…');
    const dialog = await reloadExpectingDialog(page, 'dismiss');
    expect(dialog).not.toBeNull();
    expect((dialog as Dialog | null)?.type()).toBe('beforeunload');
    // Stayed: the same drill, the same answer still waiting.
    expect(await page.locator('.save-status').textContent()).toBe('Saving…');
    await page.evaluate(() => {
      (window as unknown as { __releaseHold?: boolean }).__releaseHold = true;
    });
    await page.waitForSelector('.save-status.is-saved');
    // Saved: leaving no longer asks.
    expect(await reloadExpectingDialog(page, 'dismiss')).toBeNull();
    await page.waitForSelector('.kind-card, .drill-prompt');
    expect(await storedAttempts(page)).toHaveLength(1);
  });

  it('asks before a reload while an answer is "Not saved" (its profile was deleted in another tab)', async () => {
    await startDrill(page);
    // "Another tab" makes a second profile, deletes this tab's one and makes the new one active.
    const other = await context.newPage();
    await other.goto(`${base}/train`);
    await other.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('headroom');
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction(['profiles', 'settings'], 'readwrite');
            tx.objectStore('profiles').put({
              id: 'p-sam',
              name: 'Sam',
              color: 'rose',
              createdAt: Date.now(),
            });
            tx.objectStore('profiles').delete('default');
            tx.objectStore('settings').put({ key: 'activeProfileId', value: 'p-sam' });
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
          open.onerror = () => reject(open.error);
        }),
    );
    await other.close();
    await answerAndSubmit(page);
    await page.waitForSelector('.save-status.is-failed');
    const failed = await page.locator('.save-status.is-failed').textContent();
    expect(failed).toMatch(/Not saved\./);
    expect(failed).toMatch(/profile “Me” no longer exists/);
    expect(failed).toMatch(/now saves for “Sam”/);
    expect(failed).not.toMatch(/refused/);
    expect(await storedAttempts(page)).toEqual([]);
    const dialog = await reloadExpectingDialog(page, 'dismiss');
    expect((dialog as Dialog | null)?.type()).toBe('beforeunload');
    // A retry saves it in the real profile; then the page goes without asking.
    await page.click('.save-status.is-failed button');
    await page.waitForSelector('.save-status.is-saved');
    expect((await storedAttempts(page)).map((a) => a.profileId)).toEqual(['p-sam']);
    expect(await reloadExpectingDialog(page, 'dismiss')).toBeNull();
  });

  it('an answer submitted right before a reload is in IndexedDB after it', async () => {
    await startDrill(page);
    await answerAndSubmit(page);
    // Reload at once: if the save is still running the page asks; staying lets it finish, then reload.
    const asked = await reloadExpectingDialog(page, 'dismiss');
    if (asked) {
      await page.waitForSelector('.save-status.is-saved');
      expect(await reloadExpectingDialog(page, 'dismiss')).toBeNull();
    }
    await page.waitForSelector('.kind-card, .drill-prompt');
    const stored = await storedAttempts(page);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.profileId).toBe('default');
  });
});
