import type { Page } from 'playwright-core';

/**
 * The drill set-up the keyboard e2e tests share: Tab to a control (as a learner would), start a drill of one
 * kind from Train with keys only, and read the attempts the app stored.
 */

/** Presses Tab until the focused element matches `selector` (keyboard only). */
export async function tabTo(page: Page, selector: string, limit = 120): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** What a drill is started with: the kind's id and its title on Train, a level and a question count. */
export interface DrillStart {
  kind: string;
  title: string;
  level: number;
  count: number;
}

/** Opens Train preselected on a kind, Tabs to its Start button and presses Enter; resolves on the first question. */
export async function startDrillByKeys(page: Page, base: string, start: DrillStart): Promise<void> {
  await page.goto(`${base}/train?kind=${start.kind}&level=${start.level}&count=${start.count}`);
  await page.waitForSelector(`[data-kind="${start.kind}"]`);
  await tabTo(page, `button[aria-label="Start ${start.title}"]`);
  await page.keyboard.press('Enter');
  await page.waitForSelector('.drill-prompt');
}

/** One stored attempt as the tests read it. */
export interface StoredAttempt {
  exercise: string;
  level: number;
  score: number;
  details?: Record<string, unknown>;
}

/** Every attempt in the app's own database (all profiles). */
export function storedAttempts(page: Page): Promise<StoredAttempt[]> {
  return page.evaluate(
    () =>
      new Promise<StoredAttempt[]>((resolve, reject) => {
        const open = indexedDB.open('headroom');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('attempts').objectStore('attempts').getAll();
          request.onsuccess = () => {
            db.close();
            resolve(
              (request.result as StoredAttempt[]).map((a) => ({
                exercise: a.exercise,
                level: a.level,
                score: a.score,
                details: a.details,
              })),
            );
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}
