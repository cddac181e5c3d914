/**
 * The streaming check and the batched restore of large backups (issue 19): progress that only moves
 * forward and ends at 1, batches that really are batches, all or nothing on failure, and the note an
 * interrupted restore leaves for the next start. Timing of a 200,000-answer backup is in `npm run bench`.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RESTORE_NOTE_KEY, reportInterruptedRestore } from '../../src/state/settings/restore-interrupted';
import { notices } from '../../src/state/shared/notices';
import { readBackup } from '../../src/storage/backup';
import { RESTORE_MARK_KEY, restoreBackup } from '../../src/storage/backup-restore';
import { type HeadroomDb, openHeadroomDb } from '../../src/storage/open';
import { bigAttempt, makeBigBackup } from '../bench/big-backup';
import { seedEverything, snapshot } from './backup-fixtures';

const ANSWERS = 6_000;
const BATCH = 250;
let db: HeadroomDb;
let n = 0;
const { file, manifest } = makeBigBackup(ANSWERS);

beforeEach(async () => {
  db = await openHeadroomDb({ name: `headroom-stream-${++n}` });
});
afterEach(() => db.close());

function expectForwardToOne(progress: number[]) {
  expect(progress.length).toBeGreaterThan(0);
  for (let i = 1; i < progress.length; i++)
    expect(progress[i] as number).toBeGreaterThan(progress[i - 1] as number);
  expect(progress.every((f) => f > 0 && f <= 1)).toBe(true);
  expect(progress.at(-1)).toBe(1);
}

async function checked() {
  const read = await readBackup(file);
  if (!read.ok) throw new Error(read.problem.message);
  return read.value;
}

describe('checking a large backup', () => {
  it('reports progress forward only, through the manifest checks, to 1', async () => {
    const progress: number[] = [];
    const read = await readBackup(file, { onProgress: (f) => progress.push(f) });
    expect(read.ok).toBe(true);
    expectForwardToOne(progress);
    // Reports while the records are checked (one per 2,000), not only at the start and the end.
    expect(progress.filter((f) => f > 0.5 && f < 0.99).length).toBeGreaterThanOrEqual(2);
    expect(read.ok && read.value.contents.counts.attempts).toBe(ANSWERS);
  });

  it('refuses a damaged record with its number, and progress never claims the end', async () => {
    const bad = structuredClone(manifest);
    (bad.stores.attempts[5000] as unknown as Record<string, unknown>).score = 101;
    const { crc32, encodeHeader, manifestToJson } = await import('../../src/storage/backup-format');
    const json = new TextEncoder().encode(manifestToJson(bad));
    const audio = await file.slice(file.size - manifest.audioBytes).arrayBuffer();
    const broken = new Blob([encodeHeader(json.length, crc32(json)), json, audio]);
    const progress: number[] = [];
    const read = await readBackup(broken, { onProgress: (f) => progress.push(f) });
    expect(!read.ok && read.problem.message).toMatch(/Attempt 5001: score is not a whole number/);
    expect(Math.max(...progress)).toBeLessThan(1);
  });
});

describe('a batched restore', () => {
  it('replaces: every record lands, progress moves once a batch and ends at 1', async () => {
    const progress: number[] = [];
    const done = await restoreBackup(db, await checked(), 'replace', {
      batch: BATCH,
      onProgress: (f) => progress.push(f),
    });
    if (!done.ok) throw new Error(done.problem.message);
    expectForwardToOne(progress);
    // One report per batch of answers at least: 6,000 / 250 = 24.
    expect(progress.length).toBeGreaterThanOrEqual(ANSWERS / BATCH);
    expect(done.value.added.attempts).toBe(ANSWERS);
    expect(await db.count('attempts')).toBe(ANSWERS);
    expect(await db.get('attempts', 4321)).toEqual(bigAttempt(4320));
    expect(await db.count('progress')).toBe(manifest.stores.progress.length);
    const song = await db.get('songs', 'imported-big');
    expect((song as unknown as { audio: Blob }).audio.size).toBe(manifest.audioBytes);
  });

  it('merges into a device with answers: ids kept where free, new ids after every id in use', async () => {
    // This device already has answers 1…5 of another profile under ids the backup also uses.
    for (let i = 0; i < 5; i++) await db.add('attempts', { ...bigAttempt(i), profileId: 'here', id: i + 1 });
    const progress: number[] = [];
    const done = await restoreBackup(db, await checked(), 'merge', {
      batch: BATCH,
      onProgress: (f) => progress.push(f),
    });
    if (!done.ok) throw new Error(done.problem.message);
    expectForwardToOne(progress);
    expect(done.value.added.attempts).toBe(ANSWERS);
    expect(await db.count('attempts')).toBe(ANSWERS + 5);
    // Answers 6… kept their ids; the five whose ids were taken were numbered after the highest.
    expect(await db.get('attempts', 6)).toEqual(bigAttempt(5));
    const renumbered = await db.getAll('attempts', IDBKeyRange.lowerBound(ANSWERS + 1));
    expect(renumbered.map((a) => a.seed)).toEqual([0, 1, 2, 3, 4].map((i) => bigAttempt(i).seed));
    // Merging again adds nothing.
    const again = await restoreBackup(db, await checked(), 'merge', { batch: BATCH });
    expect(again.ok && again.value.added.attempts).toBe(0);
    expect(again.ok && again.value.alreadyHere.attempts).toBe(ANSWERS);
  });

  it('changes nothing when it fails after many batches, in both modes', async () => {
    await seedEverything(db, { attempts: 4 });
    const before = await snapshot(db);
    const backup = await checked();
    // The last answer is one the store refuses (NaN is no key): after 23 batches went out.
    const broken = {
      ...backup,
      manifest: {
        ...backup.manifest,
        stores: {
          ...backup.manifest.stores,
          attempts: [...backup.manifest.stores.attempts, { ...bigAttempt(ANSWERS), id: Number.NaN } as never],
        },
      },
    };
    for (const mode of ['replace', 'merge'] as const) {
      const progress: number[] = [];
      const result = await restoreBackup(db, broken, mode, {
        batch: BATCH,
        mark: 'm-1',
        onProgress: (f) => progress.push(f),
      });
      expect(result.ok).toBe(false);
      expect(!result.ok && result.problem.message).toMatch(/Nothing on this device was changed/);
      expect(progress.length).toBeGreaterThan(5);
      expect(progress.at(-1)).toBeLessThan(1);
      expect(await snapshot(db)).toEqual(before);
      expect(await db.get('settings', RESTORE_MARK_KEY)).toBeUndefined();
    }
  });
});

describe('a restore the page went away from', () => {
  const note = new Map<string, string>();
  beforeEach(() => {
    note.clear();
    notices.value = [];
    vi.stubGlobal('localStorage', {
      getItem: (k: string) => note.get(k) ?? null,
      setItem: (k: string, v: string) => note.set(k, v),
      removeItem: (k: string) => note.delete(k),
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('leaves the old data intact, and the next start says nothing changed', async () => {
    await seedEverything(db, { attempts: 4 });
    const before = await snapshot(db);
    note.set(RESTORE_NOTE_KEY, 'm-2');
    // The page goes away after the third batch: the transaction is aborted, as a reload aborts it.
    let batches = 0;
    const gone = await restoreBackup(db, await checked(), 'replace', {
      batch: BATCH,
      mark: 'm-2',
      onProgress: () => {
        if (++batches === 3) throw new Error('page went away');
      },
    });
    expect(gone.ok).toBe(false);
    expect(await snapshot(db)).toEqual(before);
    expect(await reportInterruptedRestore(db)).toBe('nothing-changed');
    expect(notices.value.map((x) => x.text).join(' ')).toMatch(/Nothing on this device was changed/);
    expect(note.has(RESTORE_NOTE_KEY)).toBe(false);
    // Said once: the next start is quiet.
    expect(await reportInterruptedRestore(db)).toBe('none');
  });

  it('says the restore landed when the page went just after it committed', async () => {
    note.set(RESTORE_NOTE_KEY, 'm-3');
    const done = await restoreBackup(db, await checked(), 'merge', { mark: 'm-3' });
    expect(done.ok).toBe(true);
    expect(await reportInterruptedRestore(db)).toBe('finished');
    expect(notices.value.map((x) => x.text).join(' ')).toMatch(/the backup was restored/);
  });
});
