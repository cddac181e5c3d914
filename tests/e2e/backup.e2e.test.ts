import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './browser';

const base = inject('baseUrl');
const dir = mkdtempSync(join(tmpdir(), 'headroom-backup-'));
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  page = await (await browser.newContext({ acceptDownloads: true })).newPage();
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

// biome-ignore lint/suspicious/noExplicitAny: raw records read back from IndexedDB in the page.
type Row = any;

/** Writes a profile, an attempt and a small imported song straight into the app's database. */
function addRecords(p: Page): Promise<void> {
  return p.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('headroom');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const samples = Float32Array.from({ length: 3 * 480 }, (_, i) => Math.sin(i / 7) * 0.5);
    samples[5] = Number.NaN;
    const tx = db.transaction(['profiles', 'attempts', 'songs'], 'readwrite');
    tx.objectStore('profiles').put({
      id: 'p-tess',
      name: 'Tess',
      color: 'violet',
      createdAt: Date.now() + 1,
    });
    tx.objectStore('attempts').put({
      profileId: 'p-tess',
      exercise: 'eq-boost',
      skill: 'eq',
      level: 2,
      seed: 4242,
      question: { targetHz: 2000 },
      answer: { bandHz: 1000 },
      score: 55,
      timeMs: 3100,
      at: Date.now(),
    });
    tx.objectStore('songs').put({
      id: 'imp-e2e',
      name: 'Garage demo',
      sampleRate: 48000,
      length: 480,
      tracks: [
        { id: 'mix', name: 'Mix', channels: [], channelCount: 2 },
        { id: 'gtr', name: 'Guitar', channels: [], channelCount: 1 },
      ],
      audio: new Blob([samples]),
      bytes: samples.byteLength,
      createdAt: Date.now(),
    });
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  });
}

/** What the test compares before and after: profiles, attempts, the theme setting and the song's bytes. */
function readRecords(p: Page) {
  return p.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('headroom');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const all = (store: string) =>
      new Promise<Row[]>((resolve, reject) => {
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const songs = await all('songs');
    const out = {
      profiles: (await all('profiles')).map((x) => x.name).sort(),
      attempts: (await all('attempts')).map((a) => [a.profileId, a.seed, a.score]),
      theme: (await all('settings')).find((s) => s.key === 'theme')?.value ?? null,
      songs: await Promise.all(
        songs.map(async (s) => [
          s.name,
          Array.from(new Uint8Array(await s.audio.arrayBuffer())),
          s.audio.size,
        ]),
      ),
    };
    db.close();
    return out;
  });
}

describe('backup and restore in the app', () => {
  it('exports, survives a reset, and restores everything from the file', async () => {
    await page.goto(`${base}/settings`);
    await page.waitForSelector('.bk');
    await expect.poll(() => page.locator('.bk-last').textContent()).toBe('No backup made yet.');
    await page.getByLabel('Light', { exact: true }).check();
    await addRecords(page);
    const before = await readRecords(page);
    expect(before.profiles).toEqual(['Me', 'Tess']);
    expect(before.theme).toBe('light');
    expect(before.songs).toHaveLength(1);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Back up now' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^headroom-backup-\d{4}-\d\d-\d\d\.headroom-backup$/);
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    // Header + manifest + 3 channels × 480 samples × 4 bytes.
    expect(statSync(file).size).toBeGreaterThan(28 + 5760);
    await expect.poll(() => page.locator('.bk-last').textContent()).toMatch(/^Last backup: today/);

    await page.getByRole('button', { name: 'Reset Headroom…' }).click();
    await page.getByRole('button', { name: 'Delete everything' }).click();
    await expect.poll(async () => (await readRecords(page)).attempts).toEqual([]);
    expect((await readRecords(page)).profiles).toEqual(['Me']);
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');

    await page.setInputFiles('.bk-file input', file);
    const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
    await dialog.waitFor();
    const contents = await dialog.locator('.bk-contents').textContent();
    expect(contents).toMatch(/2 profiles: Me, Tess/);
    expect(contents).toMatch(/1 answer/);
    expect(contents).toMatch(/1 imported song: Garage demo/);
    await dialog.getByLabel(/Replace/).check();
    await dialog.getByRole('button', { name: 'Replace…' }).click();
    await dialog.getByRole('button', { name: 'Delete and restore' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect
      .poll(() => page.locator('.notice-success').last().textContent())
      .toMatch(/^Restored .*2 profiles/);

    const after = await readRecords(page);
    expect(after).toEqual(before);
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    expect(await page.getByLabel('Light', { exact: true }).isChecked()).toBe(true);
  });

  it('refuses a file that is not a backup and changes nothing', async () => {
    const before = await readRecords(page);
    await page.setInputFiles('.bk-file input', {
      name: 'notes.headroom-backup',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from('just some notes, not a backup'),
    });
    await expect.poll(() => page.locator('.bk-error').textContent()).toMatch(/not a Headroom backup file/);
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await readRecords(page)).toEqual(before);
  });
});
