import type { Page } from 'playwright-core';

/**
 * Plays the drill question on screen until it has sounded, as a learner must before Submit works (P, the
 * drill's play key). Does nothing when this question was already heard. `scope` narrows to one drill
 * (e.g. '.block.exercise' inside a lesson).
 */
export async function hearQuestion(page: Page, scope = ''): Promise<void> {
  const prefix = scope ? `${scope} ` : '';
  if ((await page.locator(`${prefix}#listen-first`).count()) === 0) return;
  await page.waitForSelector(`${prefix}.player-play:not([disabled])`, { timeout: 60_000 });
  await page.keyboard.press('p');
  await page.waitForFunction((sel) => document.querySelector(sel) === null, `${prefix}#listen-first`, {
    timeout: 30_000,
  });
}
