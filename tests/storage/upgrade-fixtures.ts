/**
 * Frozen database versions for upgrade tests. Each entry is a past version EXACTLY as it shipped: its
 * store layout written out by hand (never by calling open.ts, which moves on) and realistic records in
 * that version's record shapes. `check` reads them back through today's storage modules and states what
 * they must still mean. Adding a schema version: see src/storage/README.md.
 */
import { expect } from 'vitest';
import { listAssignmentRecords } from '../../src/storage/assignments';
import { listAttempts } from '../../src/storage/attempts';
import { getLessonState } from '../../src/storage/lessons';
import { listQueue, loadIdentity, loadLrsConfig } from '../../src/storage/lrs';
import type { HeadroomDb } from '../../src/storage/open';
import { listProfiles } from '../../src/storage/profiles';
import { listProgress } from '../../src/storage/progress';
import { listReportRecords } from '../../src/storage/reports';
import { loadSettings } from '../../src/storage/settings';
import { getSong, listSongs } from '../../src/storage/songs';
import { getCachedStems } from '../../src/storage/stems';
import { listWorks } from '../../src/storage/works';

/** Records with Blob fields replaced by their bytes, so two reads of the same data deep-equal. */
export async function withBlobBytes(records: readonly unknown[]): Promise<unknown[]> {
  return Promise.all(
    records.map(async (r) => {
      const record = r as Record<string, unknown>;
      const audio = record.audio;
      return audio instanceof Blob ? { ...record, audio: new Uint8Array(await audio.arrayBuffer()) } : record;
    }),
  );
}

/** Every record of a store as stored (Blobs as bytes), in key order. */
export async function rawRecords(db: HeadroomDb, store: string): Promise<unknown[]> {
  return withBlobBytes(await db.getAll(store as never));
}

/** One past version: how to build it, fill it, and what its data must mean after upgrading. */
export interface FrozenVersion {
  version: number;
  /** Creates every store and index of this version on an empty database (inside onupgradeneeded). */
  create(db: IDBDatabase): void;
  /** Records per store, in this version's shapes. */
  records(): Record<string, unknown[]>;
  /** Reads the data back with today's modules after the upgrade. */
  check(db: HeadroomDb): Promise<void>;
}

const DAY = 86_400_000;
const T = Date.UTC(2026, 0, 5, 18);
const ramp = (n: number, step: number) => Float32Array.from({ length: n }, (_, i) => (i - n / 2) * step);

const v1: FrozenVersion = {
  version: 1,
  create(db) {
    db.createObjectStore('settings', { keyPath: 'key' });
    db.createObjectStore('profiles', { keyPath: 'id' }).createIndex('byCreatedAt', 'createdAt');
    const attempts = db.createObjectStore('attempts', { keyPath: 'id', autoIncrement: true });
    attempts.createIndex('byProfile', 'profileId');
    attempts.createIndex('byProfileExercise', ['profileId', 'exercise']);
    attempts.createIndex('byAt', 'at');
    db.createObjectStore('progress', { keyPath: ['profileId', 'exercise'] }).createIndex(
      'byProfile',
      'profileId',
    );
    db.createObjectStore('stems', { keyPath: 'key' }).createIndex('byLastUsed', 'lastUsed');
    db.createObjectStore('songs', { keyPath: 'id' }).createIndex('byCreatedAt', 'createdAt');
    db.createObjectStore('lessons', { keyPath: ['profileId', 'lessonId'] }).createIndex(
      'byProfile',
      'profileId',
    );
    db.createObjectStore('assignments', { keyPath: 'id' }).createIndex('bySavedAt', 'savedAt');
    db.createObjectStore('reports', { keyPath: 'id' }).createIndex('byAssignment', 'assignmentId');
  },
  records() {
    const attempt = (id: number, profileId: string, exercise: string, score: number, at: number) => ({
      id,
      profileId,
      exercise,
      skill: exercise.startsWith('eq') ? 'eq' : 'level',
      level: 2,
      seed: id * 11,
      question: { targetHz: 2000, gainDb: 6 },
      answer: { bandHz: score > 50 ? 2000 : 500 },
      score,
      timeMs: 3000 + id,
      at,
    });
    const songAudio = new Blob([ramp(32, 0.01), ramp(32, -0.01), ramp(32, 0.02)]);
    return {
      settings: [
        { key: 'theme', value: 'light' },
        { key: 'activeProfileId', value: 'p-kim' },
        { key: 'levelMatch', value: false },
        { key: 'persistAsked', value: true },
      ],
      profiles: [
        { id: 'default', name: 'Me', color: 'teal', createdAt: T - 10 * DAY },
        { id: 'p-kim', name: 'Kim', color: 'violet', createdAt: T - 9 * DAY },
      ],
      attempts: [
        attempt(1, 'p-kim', 'eq-boost', 40, T - 2 * DAY),
        attempt(2, 'p-kim', 'eq-boost', 90, T - DAY),
        { ...attempt(3, 'p-kim', 'fader-match', 75, T), assignmentId: 'as-7' },
        attempt(4, 'default', 'eq-boost', 100, T),
      ],
      progress: [
        {
          profileId: 'p-kim',
          exercise: 'eq-boost',
          skill: 'eq',
          attempts: 2,
          totalScore: 130,
          bestScore: 90,
          streak: 1,
          lastAt: T - DAY,
          days: [Math.floor((T - 2 * DAY) / DAY), Math.floor((T - DAY) / DAY)],
        },
      ],
      lessons: [
        {
          profileId: 'p-kim',
          lessonId: 'what-is-mixing',
          version: 1,
          step: 4,
          scores: { quiz: 80 },
          completed: true,
          completedAt: T - DAY,
          updatedAt: T - DAY,
        },
      ],
      assignments: [
        {
          id: 'teacher:as-7',
          role: 'teacher',
          assignment: { id: 'as-7', title: 'Levels' },
          savedAt: T - 3 * DAY,
        },
        {
          id: 'student:p-kim:as-7',
          role: 'student',
          assignment: { id: 'as-7', title: 'Levels' },
          profileId: 'p-kim',
          savedAt: T - 2 * DAY,
          handedInAt: T,
        },
      ],
      reports: [{ id: 'r-abc', assignmentId: 'as-7', student: 'Kim', report: { total: 75 }, importedAt: T }],
      songs: [
        // The Blob layout (samples of every channel in one Blob) ...
        {
          id: 'imp-blob',
          name: 'Demo (blob)',
          sampleRate: 44100,
          length: 32,
          tracks: [
            { id: 'a', name: 'Mix', channels: [], channelCount: 2 },
            { id: 'b', name: 'Bass', channels: [], channelCount: 1 },
          ],
          audio: songAudio,
          bytes: 384,
          createdAt: T - 5 * DAY,
        },
        // ... and samples kept as Float32Arrays in the tracks.
        {
          id: 'imp-arrays',
          name: 'Demo (arrays)',
          sampleRate: 48000,
          length: 8,
          tracks: [{ id: 'a', name: 'Mix', channels: [ramp(8, 0.1)] }],
          bytes: 32,
          createdAt: T - 4 * DAY,
        },
      ],
      stems: [
        {
          key: 'song-1:3:24000',
          songId: 'song-1',
          sampleRate: 24000,
          length: 4,
          tracks: [
            {
              id: 'kick',
              name: 'Kick',
              channels: [],
              channelCount: 1,
              instrument: 'kick',
              defaultFaderDb: -6,
            },
          ],
          audio: new Blob([ramp(4, 0.25)]),
          bytes: 16,
          createdAt: T,
          lastUsed: T,
        },
      ],
    };
  },
  async check(db) {
    // Every record, field for field. When a later rung rewrites a store's records, replace that store's
    // line with what its records must look like now; the checks below state what they must still mean.
    const records = this.records();
    for (const store of Object.keys(records)) {
      const keyPath = db.transaction(store as never).store.keyPath as string | string[];
      const keyOf = (r: unknown) =>
        typeof keyPath === 'string'
          ? (r as Record<string, IDBValidKey>)[keyPath]
          : keyPath.map((k) => (r as Record<string, IDBValidKey>)[k]);
      const expected = [...(records[store] ?? [])].sort((a, b) => indexedDB.cmp(keyOf(a), keyOf(b)));
      expect(await rawRecords(db, store), store).toEqual(await withBlobBytes(expected));
    }
    expect(await loadSettings(db)).toMatchObject({
      theme: 'light',
      activeProfileId: 'p-kim',
      levelMatch: false,
      persistAsked: true,
    });
    expect((await listProfiles(db)).map((p) => [p.id, p.name])).toEqual([
      ['default', 'Me'],
      ['p-kim', 'Kim'],
    ]);
    const kim = await listAttempts(db, 'p-kim');
    expect(kim.map((a) => [a.id, a.exercise, a.score])).toEqual([
      [1, 'eq-boost', 40],
      [2, 'eq-boost', 90],
      [3, 'fader-match', 75],
    ]);
    expect(kim[2]?.assignmentId).toBe('as-7');
    expect(kim[0]?.question).toEqual({ targetHz: 2000, gainDb: 6 });
    expect(await listAttempts(db, 'default')).toHaveLength(1);
    expect(await listProgress(db, 'p-kim')).toEqual([
      expect.objectContaining({ attempts: 2, bestScore: 90, streak: 1 }),
    ]);
    expect(await getLessonState(db, 'p-kim', 'what-is-mixing')).toMatchObject({ step: 4, completed: true });
    expect((await listAssignmentRecords(db, { role: 'student', profileId: 'p-kim' }))[0]?.handedInAt).toBe(T);
    expect((await listReportRecords(db, 'as-7')).map((r) => r.student)).toEqual(['Kim']);
    expect((await listSongs(db)).map((s) => [s.id, s.tracks.map((t) => t.channelCount)])).toEqual([
      ['imp-blob', [2, 1]],
      ['imp-arrays', [1]],
    ]);
    const blobSong = await getSong(db, 'imp-blob');
    expect(blobSong?.tracks[1]?.channels[0]).toEqual(ramp(32, 0.02));
    expect((await getSong(db, 'imp-arrays'))?.tracks[0]?.channels[0]).toEqual(ramp(8, 0.1));
    const stems = await getCachedStems(db, 'song-1:3:24000', T + 1);
    expect(stems?.tracks[0]).toMatchObject({
      instrument: 'kick',
      defaultFaderDb: -6,
      channels: [ramp(4, 0.25)],
    });
    // Auto-numbering continues after the stored attempts.
    const { id: _id, ...fresh } = kim[0] as NonNullable<(typeof kim)[0]>;
    const tx = db.transaction('attempts', 'readwrite');
    const next = await tx.store.add(fresh);
    tx.abort();
    await tx.done.catch(() => undefined);
    expect(next).toBe(5);
  },
};

/** Version 2 adds `works` (arrangements and mixes learners make), keyed by id, indexed by profile. */
const v2: FrozenVersion = {
  version: 2,
  create(db) {
    v1.create(db); // version 1's layout, unchanged (frozen above) …
    db.createObjectStore('works', { keyPath: 'id' }).createIndex('byProfile', 'profileId'); // … plus this.
  },
  records() {
    return {
      ...v1.records(),
      works: [
        {
          id: 'arr-k1',
          kind: 'arrangement',
          profileId: 'p-kim',
          title: 'Electronic: “Wild Signals”',
          data: { style: 'electronic', seed: 42, bars: 16, bpm: 126, mutedTracks: ['keys'] },
          createdAt: T - DAY,
          updatedAt: T,
        },
        {
          id: 'mix:p-kim:pop',
          kind: 'mix',
          profileId: 'p-kim',
          name: 'Quiet bass',
          title: '“Bright Harbour”',
          data: {
            choiceId: 'pop',
            trackIds: ['bass'],
            strips: [{ faderDb: -9.3, pan: 0, mute: false }],
            masterFaderDb: Number.NEGATIVE_INFINITY,
          },
          createdAt: T - 2 * DAY,
          updatedAt: T - DAY,
        },
        {
          id: 'arr-d1',
          kind: 'arrangement',
          profileId: 'default',
          title: 'Pop: “Song”',
          data: { style: 'pop', seed: 1, bars: 8 },
          createdAt: T,
          updatedAt: T,
        },
      ],
    };
  },
  async check(db) {
    await v1.check.call(this, db); // every store field for field (this.records() includes works)
    expect((await listWorks(db, 'p-kim')).map((w) => [w.id, w.kind, w.name])).toEqual([
      ['arr-k1', 'arrangement', undefined],
      ['mix:p-kim:pop', 'mix', 'Quiet bass'],
    ]);
    const mix = (await listWorks(db, 'p-kim'))[1];
    expect((mix?.data as { masterFaderDb?: number } | undefined)?.masterFaderDb).toBe(
      Number.NEGATIVE_INFINITY,
    );
    expect((await listWorks(db, 'default')).map((w) => w.id)).toEqual(['arr-d1']);
  },
};

/** Version 3 adds `lrs` (the school's record store setup) and `xapiQueue` (statements waiting to be sent). */
const v3: FrozenVersion = {
  version: 3,
  create(db) {
    v2.create(db); // version 2's layout, unchanged …
    db.createObjectStore('lrs', { keyPath: 'key' }); // … plus these two.
    db.createObjectStore('xapiQueue', { keyPath: 'id' }).createIndex('byQueuedAt', 'queuedAt');
  },
  records() {
    return {
      ...v2.records(),
      lrs: [
        {
          key: 'config',
          value: {
            endpoint: 'https://lrs.school.example/xapi/',
            username: 'key-1',
            password: 'secret-1',
            savedAt: T,
          },
        },
        { key: 'identity:p-kim', value: { name: 'Kim', email: 'kim@school.example' } },
        { key: 'status', value: { lastSyncAt: T, lastError: null, sent: 3 } },
      ],
      xapiQueue: [
        {
          id: '0f1e2d3c-4b5a-8978-8695-a4b3c2d1e0f9',
          statement: {
            actor: { mbox: 'mailto:kim@school.example' },
            verb: { id: 'http://adlnet.gov/expapi/verbs/answered' },
          },
          profileId: 'p-kim',
          queuedAt: T,
          tries: 2,
          nextTryAt: T + 4000,
          lastError: 'No connection.',
        },
      ],
    };
  },
  async check(db) {
    await v2.check.call(this, db); // every store field for field (this.records() includes lrs and xapiQueue)
    expect(await loadLrsConfig(db)).toMatchObject({
      endpoint: 'https://lrs.school.example/xapi/',
      username: 'key-1',
    });
    expect(await loadIdentity(db, 'p-kim')).toEqual({ name: 'Kim', email: 'kim@school.example' });
    expect((await listQueue(db)).map((q) => [q.tries, q.lastError])).toEqual([[2, 'No connection.']]);
  },
};

/** Every version that ever shipped, oldest first. */
export const FROZEN_VERSIONS: FrozenVersion[] = [v1, v2, v3];
