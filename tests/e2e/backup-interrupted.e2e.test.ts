/**
 * A reload in the middle of a large restore (issue 19): the page asks before leaving, the old data is
 * intact afterwards (the restore is one transaction), and the next start says nothing changed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { makeBigBackup } from '../bench/big-backup';
import { launchChromium } from './browser';

const base = inject('baseUrl');
const dir = mkdtempSync(join(tmpdir(), 'headroom-interrupt-'));
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  page = await (await browser.newContext()).newPage();
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Profile names, the number of answers and the theme, read straight from the app's database. */
function readState(p: Page) {
  return p.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('headroom');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const ask = <T>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const tx = db.transaction(['profiles', 'attempts', 'settings']);
    const profiles = (await ask(tx.objectStore('profiles').getAll())).map((x) => x.name).sort();
    const answers = await ask(tx.objectStore('attempts').count());
    const theme = (await ask(tx.objectStore('settings').get('theme')))?.value ?? null;
    db.close();
    return { profiles, answers, theme };
  });
}

describe('a restore cut short by a reload', () => {
  it('asks before leaving, leaves the old data intact, and says so on the next start', async () => {
    // 40,000 answers: a restore of some seconds even on a fast machine, so the reload lands mid-way.
    const file = join(dir, 'big.headroom-backup');
    writeFileSync(file, Buffer.from(await makeBigBackup(40_000).file.arrayBuffer()));
    await page.goto(`${base}/settings`);
    await page.waitForSelector('.bk');
    await page.getByLabel('Light', { exact: true }).check();
    await expect.poll(async () => (await readState(page)).theme).toBe('light');
    const before = await readState(page);
    expect(before.answers).toBe(0);

    await page.setInputFiles('.bk-file input', file);
    const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
    await dialog.waitFor({ timeout: 60_000 });
    await dialog.getByLabel(/Replace/).check();
    await dialog.getByRole('button', { name: 'Replace…' }).click();
    await dialog.getByRole('button', { name: 'Delete and restore' }).click();
    // The bar moves: wait for real progress, then reload.
    const bar = dialog.locator('progress');
    await expect
      .poll(async () => Number((await bar.getAttribute('value')) ?? 0), { timeout: 60_000 })
      .toBeGreaterThan(0.02);
    const asked: string[] = [];
    page.once('dialog', (d) => {
      asked.push(d.type());
      void d.accept();
    });
    await page.reload({ waitUntil: 'load' });
    expect(asked).toEqual(['beforeunload']);

    await expect
      .poll(() => page.locator('.notice').allTextContents(), { timeout: 20_000 })
      .toContainEqual(expect.stringMatching(/A restore was stopped .*Nothing on this device was changed/));
    expect(await readState(page)).toEqual(before);
  });
});
