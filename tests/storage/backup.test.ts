import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordAttempt } from '../../src/storage/attempts';
import { type CheckedBackup, createBackup, readBackup } from '../../src/storage/backup';
import { BACKUP_MAGIC, HEADER_BYTES } from '../../src/storage/backup-format';
import { progressFromAttempts } from '../../src/storage/backup-merge';
import { restoreBackup } from '../../src/storage/backup-restore';
import { getLessonState } from '../../src/storage/lessons';
import { type HeadroomDb, openHeadroomDb } from '../../src/storage/open';
import { saveProfile } from '../../src/storage/profiles';
import { listProgress } from '../../src/storage/progress';
import { importReportRecords } from '../../src/storage/reports';
import { clearEverything } from '../../src/storage/reset';
import { saveSetting } from '../../src/storage/settings';
import { addSong, getSong, listSongs } from '../../src/storage/songs';
import { makeAttempt, makeSong, seedEverything, snapshot, T0 } from './backup-fixtures';

let db: HeadroomDb;
let n = 0;
const NOW = T0 + 30 * 86_400_000;

beforeEach(async () => {
  db = await openHeadroomDb({ name: `headroom-backup-${++n}` });
});
afterEach(() => db.close());

async function backupOf(target: HeadroomDb, now = NOW): Promise<Blob> {
  const made = await createBackup(target, { now });
  if (!made.ok) throw new Error(made.problem.message);
  return made.value.blob;
}
async function checked(file: Blob): Promise<CheckedBackup> {
  const read = await readBackup(file);
  if (!read.ok) throw new Error(read.problem.message);
  return read.value;
}

describe('backup → clear → restore', () => {
  it('gives back identical data in every store, imported audio bit-exact', async () => {
    await seedEverything(db);
    const progress: number[] = [];
    const made = await createBackup(db, { now: NOW, onProgress: (f) => progress.push(f) });
    if (!made.ok) throw new Error(made.problem.message);
    // What the app stores after a backup: the time it was made.
    await saveSetting(db, 'lastBackupAt', NOW);
    const before = await snapshot(db);
    const songBefore = await getSong(db, 'imp-1');

    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(made.value.fileName).toMatch(/^headroom-backup-\d{4}-\d\d-\d\d\.headroom-backup$/);
    expect(made.value.contents.counts).toEqual({
      settings: 4,
      profiles: 2,
      attempts: 24,
      progress: 6,
      lessons: 2,
      assignments: 2,
      reports: 2,
      songs: 1,
      works: 0,
    });
    expect(made.value.contents.profileNames).toEqual(['Me', 'Ana']);
    // Header + JSON + 3 channels × 1000 samples × 4 bytes.
    const file = made.value.blob;
    expect(file.size).toBeGreaterThan(HEADER_BYTES + 3 * 1000 * 4);
    expect(new TextDecoder().decode(await file.slice(0, 16).arrayBuffer())).toBe(BACKUP_MAGIC);

    await clearEverything(db);
    expect((await snapshot(db)).attempts).toEqual([]);

    const restored = await restoreBackup(db, await checked(file), 'replace');
    expect(restored.ok).toBe(true);
    expect(await snapshot(db)).toEqual(before);
    const songAfter = await getSong(db, 'imp-1');
    for (const [t, track] of (songBefore?.tracks ?? []).entries())
      for (const [c, channel] of track.channels.entries())
        expect(
          new Uint32Array(songAfter?.tracks[t]?.channels[c]?.slice().buffer ?? new ArrayBuffer(0)),
        ).toEqual(new Uint32Array(channel.slice().buffer));
    expect(songAfter?.tracks[0]?.channels[0]?.[0]).toBeNaN();
    expect(Object.is(songAfter?.tracks[0]?.channels[0]?.[1], -0)).toBe(true);
    // Infinity inside an attempt's question survives the JSON.
    const inf = (before.attempts as { question: { ratio?: number } }[]).find((a) => a.question.ratio);
    expect(inf?.question.ratio).toBe(Number.POSITIVE_INFINITY);
  });

  it('replace drops what was on the device and keeps the stem cache', async () => {
    await seedEverything(db);
    const file = await backupOf(db);
    await saveSetting(db, 'lastBackupAt', NOW);
    const expected = await snapshot(db);
    await saveProfile(db, { id: 'p-zed', name: 'Zed', color: 'red', createdAt: 1 });
    await recordAttempt(db, makeAttempt('p-zed', 99));
    await db.put('stems', {
      key: 's:1:48000',
      songId: 's',
      sampleRate: 48000,
      length: 1,
      tracks: [],
      bytes: 0,
      createdAt: 1,
      lastUsed: 1,
    });
    const result = await restoreBackup(db, await checked(file), 'replace');
    expect(result.ok && result.value.removed).toBeGreaterThan(0);
    expect(await snapshot(db)).toEqual(expected);
    expect(await db.count('stems')).toBe(1);
  });
});

describe('a backup file made by an older Headroom', () => {
  it('the frozen version 1 file (tests/storage/fixtures) restores with its meaning', async () => {
    // Never regenerate this file: it stands for backups people already keep.
    const bytes = readFileSync(new URL('./fixtures/backup-v1.headroom-backup', import.meta.url));
    const read = await readBackup(new Blob([bytes]));
    if (!read.ok) throw new Error(read.problem.message);
    expect(read.value.contents).toMatchObject({
      dbVersion: 1,
      createdAt: T0 + 7 * 86_400_000,
      profileNames: ['Me', 'Ana'],
      counts: { attempts: 6, songs: 1, reports: 2, lessons: 2, assignments: 2 },
    });
    const done = await restoreBackup(db, read.value, 'replace');
    expect(done.ok).toBe(true);
    const song = await getSong(db, 'imp-1');
    expect(song?.tracks.map((t) => t.channels.length)).toEqual([2, 1]);
    expect(song?.tracks[0]?.channels[0]?.[0]).toBeNaN();
    expect(song?.tracks[0]?.channels[0]?.[3]).toBe(Number.POSITIVE_INFINITY);
    expect((await listProgress(db, 'default')).map((p) => p.exercise).sort()).toEqual([
      'eq-boost',
      'fader-match',
      'pan-spot',
    ]);
    expect((await db.get('settings', 'theme'))?.value).toBe('light');
  });
});

describe('merge', () => {
  it('keeps both sides without duplicates and recomputes progress from the union', async () => {
    await seedEverything(db, { attempts: 10 });
    const file = await backupOf(db);
    // This device moves on: 3 more attempts, a new profile, a lesson step further, one report more.
    const other = await openHeadroomDb({ name: `headroom-backup-other-${n}` });
    await seedEverything(other, { attempts: 10 });
    for (let i = 10; i < 13; i++)
      await recordAttempt(other, makeAttempt(i % 2 === 0 ? 'default' : 'p-ana', i));
    await saveProfile(other, { id: 'p-bo', name: 'Bo', color: 'amber', createdAt: T0 });
    await recordAttempt(other, makeAttempt('p-bo', 50));
    await importReportRecords(other, [
      { id: 'r-9', assignmentId: 'as-1', student: 'Dee', report: {}, importedAt: 1 },
    ]);
    await other.put('lessons', {
      profileId: 'p-ana',
      lessonId: 'what-is-mixing',
      version: 2,
      step: 5,
      scores: { quiz1: 40, ex2: 70 },
      completed: false,
      updatedAt: T0 + 999,
    });
    await addSong(other, makeSong('imp-2', 50, 2, false));

    const first = await restoreBackup(other, await checked(file), 'merge');
    if (!first.ok) throw new Error(first.problem.message);
    expect(first.value.added.attempts).toBe(0);
    expect(first.value.alreadyHere.attempts).toBe(10);
    const attempts = await other.getAll('attempts');
    expect(attempts).toHaveLength(14);
    expect((await other.getAll('profiles')).map((p) => p.name).sort()).toEqual(['Ana', 'Bo', 'Me']);
    expect((await other.getAll('reports')).map((r) => r.id)).toEqual(['r-1', 'r-2', 'r-9']);
    expect((await listSongs(other)).map((s) => s.id)).toEqual(['imp-1', 'imp-2']);
    const lesson = await getLessonState(other, 'p-ana', 'what-is-mixing');
    expect(lesson).toMatchObject({ step: 5, scores: { quiz1: 80, ex1: 60, ex2: 70 }, updatedAt: T0 + 999 });

    // A backup of the device that moved on, merged into the first device: the union, nothing twice.
    const back = await restoreBackup(db, await checked(await backupOf(other)), 'merge');
    if (!back.ok) throw new Error(back.problem.message);
    expect(back.value.added.attempts).toBe(4);
    expect(back.value.added.profiles).toBe(1);
    const union = await db.getAll('attempts');
    expect(union).toHaveLength(14);
    for (const profile of ['default', 'p-ana']) {
      const progress = await listProgress(db, profile);
      for (const p of progress) {
        const own = union.filter((a) => a.profileId === profile && a.exercise === p.exercise);
        expect(p).toEqual(progressFromAttempts(own));
        expect(p.attempts).toBe(own.length);
      }
    }
    // Merging the same file again changes nothing.
    const settled = await snapshot(db);
    const again = await restoreBackup(db, await checked(await backupOf(other)), 'merge');
    expect(again.ok && Object.values(again.value.added).every((c) => c === 0)).toBe(true);
    expect(await snapshot(db)).toEqual(settled);
    other.close();
  });

  it('keeps the device’s settings and profile names when keys collide', async () => {
    await seedEverything(db, { attempts: 2 });
    const file = await backupOf(db);
    await saveSetting(db, 'theme', 'dark');
    await saveProfile(db, { id: 'p-ana', name: 'Ana B.', color: 'violet', createdAt: T0 - 500 });
    await restoreBackup(db, await checked(file), 'merge');
    expect((await db.get('settings', 'theme'))?.value).toBe('dark');
    expect((await db.get('profiles', 'p-ana'))?.name).toBe('Ana B.');
  });
});

describe('a restore that fails part-way', () => {
  it('changes nothing (one transaction)', async () => {
    await seedEverything(db, { attempts: 6 });
    const backup = await checked(await backupOf(db));
    await recordAttempt(db, makeAttempt('default', 77));
    const before = await snapshot(db);
    // A progress record without its key field (readBackup would refuse it): the store throws mid-restore.
    const broken: CheckedBackup = {
      ...backup,
      manifest: {
        ...backup.manifest,
        stores: {
          ...backup.manifest.stores,
          progress: [...backup.manifest.stores.progress, { exercise: 'x' } as never],
        },
      },
    };
    for (const mode of ['replace', 'merge'] as const) {
      const result = await restoreBackup(db, broken, mode);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.problem.kind).toBe('storage');
      expect(!result.ok && result.problem.message).toMatch(/Nothing on this device was changed/);
      expect(await snapshot(db)).toEqual(before);
    }
  });
});
