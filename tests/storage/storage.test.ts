import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAttempts, recordAttempt } from '../../src/storage/attempts';
import { StorageError, toStorageError } from '../../src/storage/errors';
import { type HeadroomDb, openHeadroomDb } from '../../src/storage/open';
import { ensureDefaultProfile, listProfiles } from '../../src/storage/profiles';
import { dayNumber, listProgress, nextProgress } from '../../src/storage/progress';
import { clearEverything } from '../../src/storage/reset';
import { type Attempt, DB_VERSION } from '../../src/storage/schema';
import { DEFAULT_SETTINGS, loadSettings, saveSetting } from '../../src/storage/settings';

let db: HeadroomDb;
let name: string;
let n = 0;

const attempt = (over: Partial<Attempt> = {}): Attempt => ({
  profileId: 'default',
  exercise: 'eq-boost',
  skill: 'eq',
  level: 1,
  seed: 7,
  question: { targetHz: 1000 },
  answer: { bandHz: 1000 },
  score: 100,
  timeMs: 4200,
  at: Date.UTC(2026, 10, 24, 10),
  ...over,
});

beforeEach(async () => {
  name = `headroom-test-${++n}`;
  db = await openHeadroomDb({ name });
});
afterEach(() => db.close());

describe('openHeadroomDb', () => {
  it('creates every store of the current version on a first visit', () => {
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual([
      'assignments',
      'attempts',
      'lessons',
      'lrs',
      'profiles',
      'progress',
      'reports',
      'settings',
      'songs',
      'stems',
      'works',
      'xapiQueue',
    ]);
  });
  it('reports a database from a newer version as a clear "version" error', async () => {
    db.close();
    const req = indexedDB.open(`${name}-newer`, DB_VERSION + 5);
    await new Promise((r) => {
      req.onsuccess = () => {
        req.result.close();
        r(null);
      };
    });
    const err = await openHeadroomDb({ name: `${name}-newer` }).catch((e) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect(err.kind).toBe('version');
    db = await openHeadroomDb({ name });
  });
  it('lets a newer version in another tab upgrade: closes itself and says so', async () => {
    let told = 0;
    const mine = await openHeadroomDb({ name: `${name}-tabs`, onVersionChange: () => told++ });
    const { openDB } = await import('idb');
    let blocked = 0;
    const newer = await openDB(`${name}-tabs`, DB_VERSION + 1, { blocked: () => blocked++ });
    expect(told).toBe(1);
    expect(blocked).toBe(0);
    expect(newer.version).toBe(DB_VERSION + 1);
    newer.close();
    mine.close();
  });
});

describe('profiles', () => {
  it('has a default profile from the first visit, created once', async () => {
    const first = await ensureDefaultProfile(db, 1000);
    const second = await ensureDefaultProfile(db, 2000);
    expect(first).toEqual([{ id: 'default', name: 'Me', color: 'teal', createdAt: 1000 }]);
    expect(second).toEqual(first);
    expect(await listProfiles(db)).toHaveLength(1);
  });
});

describe('settings', () => {
  it('falls back to defaults and keeps what is saved', async () => {
    expect(await loadSettings(db)).toEqual(DEFAULT_SETTINGS);
    await saveSetting(db, 'theme', 'light');
    await saveSetting(db, 'levelMatch', false);
    expect(await loadSettings(db)).toEqual({ ...DEFAULT_SETTINGS, theme: 'light', levelMatch: false });
  });
  it('reads a value of the wrong shape (a hand-edited backup) as the default', async () => {
    const odd: [string, unknown][] = [
      ['lastBackupAt', Number.NaN],
      ['backupRemindedAt', '2026-12-01'],
      ['theme', 'purple'],
      ['levelMatch', 'yes'],
      ['activeProfileId', 42],
      ['__proto__', { theme: 'light' }],
    ];
    for (const [key, value] of odd) await db.put('settings', { key, value });
    expect(await loadSettings(db)).toEqual(DEFAULT_SETTINGS);
    await saveSetting(db, 'lastBackupAt', 1_700_000_000_000);
    expect((await loadSettings(db)).lastBackupAt).toBe(1_700_000_000_000);
  });
});

describe('attempts and progress', () => {
  // An attempt lands only in a profile that exists (checked in its transaction).
  beforeEach(async () => {
    await ensureDefaultProfile(db);
  });
  it('stores the attempt and its progress together', async () => {
    await recordAttempt(db, attempt({ score: 80 }));
    await recordAttempt(db, attempt({ score: 40, at: Date.UTC(2026, 10, 25, 9) }));
    await recordAttempt(db, attempt({ score: 90, at: Date.UTC(2026, 10, 25, 10) }));
    const stored = await listAttempts(db, 'default');
    expect(stored.map((a) => a.score)).toEqual([80, 40, 90]);
    const [p] = await listProgress(db, 'default');
    expect(p).toMatchObject({ attempts: 3, totalScore: 210, bestScore: 90, streak: 1 });
    expect(p?.days).toEqual([dayNumber(Date.UTC(2026, 10, 24)), dayNumber(Date.UTC(2026, 10, 25))]);
  });
  it('refuses an invalid attempt and writes nothing', async () => {
    const err = await recordAttempt(db, attempt({ score: 140 })).catch((e) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect(err.kind).toBe('invalid');
    expect(err.message).toMatch(/score 140/);
    expect(await listAttempts(db, 'default')).toEqual([]);
    expect(await listProgress(db, 'default')).toEqual([]);
  });
  it('rolls back the attempt when the progress write fails', async () => {
    // A question that cannot be cloned fails inside the transaction: neither store may keep anything.
    const err = await recordAttempt(db, attempt({ question: { f: () => 1 } })).catch((e) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect(await listAttempts(db, 'default')).toEqual([]);
    expect(await listProgress(db, 'default')).toEqual([]);
  });
  it('nextProgress resets the streak on a failing score', () => {
    const a = nextProgress(undefined, attempt({ score: 100 }));
    const b = nextProgress(a, attempt({ score: 69 }));
    expect([a.streak, b.streak]).toEqual([1, 0]);
  });
});

describe('errors', () => {
  it('maps a quota error to a message that says storage is full', () => {
    const e = toStorageError({ name: 'QuotaExceededError', message: 'x' });
    expect(e.kind).toBe('quota');
    expect(e.message).toMatch(/Storage is full/);
  });
});

describe('clearEverything', () => {
  it('empties every store', async () => {
    await ensureDefaultProfile(db);
    await recordAttempt(db, attempt());
    await saveSetting(db, 'theme', 'light');
    await clearEverything(db);
    expect(await listProfiles(db)).toEqual([]);
    expect(await listAttempts(db, 'default')).toEqual([]);
    expect(await loadSettings(db)).toEqual(DEFAULT_SETTINGS);
  });
});
