import { join } from 'node:path';
import type { Page } from 'playwright-core';

/**
 * Saves the page at phone (390 px) and laptop (1366 px) widths in both themes when SCREENSHOT_DIR is set
 * (for looking at, not for comparing).
 */
export async function screenshots(page: Page, name: string): Promise<void> {
  const dir = process.env.SCREENSHOT_DIR;
  if (!dir) return;
  const size = page.viewportSize();
  const before = await page.evaluate(() => document.documentElement.dataset.theme ?? 'dark');
  for (const width of [390, 1366])
    for (const theme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.evaluate((t) => {
        document.documentElement.dataset.theme = t;
      }, theme);
      await page.screenshot({ path: join(dir, `${name}-${width}-${theme}.png`), fullPage: true });
    }
  await page.evaluate((t) => {
    document.documentElement.dataset.theme = t;
  }, before);
  if (size) await page.setViewportSize(size);
}
