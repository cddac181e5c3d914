/** A drill left at question 4 (a reload) continues there: same seed, the 3 answers stored once. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
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

interface Stored {
  attempts: { seed: number; exercise: string }[];
  places: { kind: string; items: { seed: number }[]; answers: unknown[]; working?: unknown }[];
}

/** Reads the attempts and the kept drill places from the app's own database, inside the page. */
function readStored(p: Page): Promise<Stored> {
  return p.evaluate(
    () =>
      new Promise<Stored>((resolve, reject) => {
        const open = indexedDB.open('headroom');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['attempts', 'settings']);
          const attempts = tx.objectStore('attempts').getAll();
          const settings = tx.objectStore('settings').getAll();
          tx.oncomplete = () => {
            db.close();
            const places = (settings.result as { key: string; value: unknown }[])
              .filter((r) => r.key.startsWith('unfinishedDrills:'))
              .flatMap((r) => r.value as Stored['places']);
            resolve({ attempts: attempts.result as Stored['attempts'], places });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** Hears, answers (choice key) and submits the question on screen; waits for its feedback. */
async function answer(p: Page, key: string): Promise<void> {
  await hearQuestion(p);
  await p.keyboard.press(key);
  await p.keyboard.press('Enter');
  await p.waitForSelector('.feedback');
}

describe('an unfinished drill', () => {
  it('answers 3 questions, reloads, and continues at question 4 with the same seed', async () => {
    await page.goto(`${base}/train`);
    await page.click('button[aria-label="Start Spot the EQ boost"]');
    for (let n = 1; n <= 3; n++) {
      await expect.poll(() => page.locator('.drill-count').textContent()).toBe(`Question ${n} of 10`);
      await answer(page, String(n));
      await page.keyboard.press('Enter');
    }
    await expect.poll(() => page.locator('.drill-count').textContent()).toBe('Question 4 of 10');
    // The learner picks a band on question 4 (not submitted), then the page reloads.
    await page.keyboard.press('2');
    await expect
      .poll(async () => (await readStored(page)).places[0]?.working, { timeout: 10_000 })
      .toMatchObject({ index: 3 });
    const before = await readStored(page);
    expect(before.attempts).toHaveLength(3);
    expect(before.places).toHaveLength(1);
    const place = before.places[0]!;
    expect(place.answers).toHaveLength(3);
    expect(place.items).toHaveLength(4);
    const seed4 = place.items[3]!.seed;
    const picked = await page.locator('.choice-btn[aria-checked="true"]').textContent();

    await page.reload();
    const offer = page.locator('button.continue-drill', {
      hasText: 'Continue: Spot the EQ boost level 1, question 4 of 10',
    });
    // Train offers it first, and the kind's own card offers it too.
    await expect.poll(() => offer.count(), { timeout: 20_000 }).toBe(1);
    expect(await page.locator('.kind-card[data-kind="eq-boost"] button.continue-drill').textContent()).toBe(
      'Continue at question 4 of 10',
    );
    await screenshots(page, 'train-continue');
    await page.goto(`${base}/train?kind=eq-boost&level=1`);
    await expect.poll(() => offer.count(), { timeout: 20_000 }).toBe(1);
    await screenshots(page, 'train-kind-continue');
    await offer.first().click();
    await expect.poll(() => page.locator('.drill-count').textContent()).toBe('Question 4 of 10');
    expect(await page.locator('.drill-continued').textContent()).toBe(
      'You are carrying on where you left off: your first 3 answers are saved and count in the summary.',
    );
    await screenshots(page, 'drill-continued');
    // The band picked before the reload is still picked.
    expect(await page.locator('.choice-btn[aria-checked="true"]').textContent()).toBe(picked);
    await hearQuestion(page);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.feedback');
    await expect.poll(async () => (await readStored(page)).attempts.length).toBe(4);
    const after = await readStored(page);
    // Question 4 was asked with the seed kept before the reload; the first three were not stored again.
    expect(after.attempts.map((a) => a.seed).slice(0, 3)).toEqual(before.attempts.map((a) => a.seed));
    expect(after.attempts[3]!.seed).toBe(seed4);
    expect(new Set(after.attempts.map((a) => a.seed)).size).toBe(4);
    expect(after.places[0]!.answers).toHaveLength(4);
    // Ending the drill shows all four answers in its summary and forgets the place.
    await page.click('button:has-text("End drill")');
    await expect.poll(() => page.locator('.summary-table tbody tr').count()).toBe(4);
    await expect.poll(async () => (await readStored(page)).places.length).toBe(0);
  }, 180_000);

  it('Settings says which cached songs are kept for an open assignment', async () => {
    // A student's open assignment, and a cached song played for it (metadata only: the listing reads no audio).
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('headroom');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction(['assignments', 'stems'], 'readwrite');
            const now = Date.now();
            tx.objectStore('assignments').put({
              id: 'default:week-1',
              role: 'student',
              assignment: { id: 'week-1', title: 'Week 1' },
              profileId: 'default',
              savedAt: now,
            });
            tx.objectStore('stems').put({
              key: 'pop-7:1:48000',
              songId: 'pop-7',
              sampleRate: 48000,
              length: 1,
              tracks: [],
              audio: new Blob([]),
              bytes: 3 * 1024 * 1024,
              createdAt: now,
              lastUsed: now,
              heldFor: ['assignment:week-1'],
            });
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await page.goto(`${base}/settings`);
    const kept = page.locator('.stem-cache-kept');
    await expect
      .poll(() => kept.textContent(), { timeout: 20_000 })
      .toBe('1 song (3.0 MB) kept for assignment “Week 1” until you hand it in.');
    await kept.scrollIntoViewIfNeeded();
    await screenshots(page, 'settings-cache-kept');
  }, 60_000);
});
