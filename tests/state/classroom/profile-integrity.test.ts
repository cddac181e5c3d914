/**
 * Answers always belong to a real profile: start-up repairs a missing active profile (after a restore),
 * and a profile deleted in another tab gets no more answers (the write transaction checks it).
 */
import 'fake-indexeddb/auto';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { listAttempts, MissingProfileError, recordAttempt } from '../../../src/storage/attempts';
import { createBackup, readBackup } from '../../../src/storage/backup';
import { restoreBackup } from '../../../src/storage/backup-restore';
import { openHeadroomDb } from '../../../src/storage/open';
import { deleteProfile, ensureActiveProfile, listProfiles, saveProfile } from '../../../src/storage/profiles';
import { loadSettings, saveSetting } from '../../../src/storage/settings';
import { makeAttempt, T0 } from '../../storage/backup-fixtures';

beforeAll(() => {
  vi.stubGlobal('navigator', { storage: { persist: async () => true } });
});

/** A fresh page load: new module instances over the same (fake) IndexedDB. */
async function startUp() {
  vi.resetModules();
  const storage = await import('../../../src/state/shared/storage');
  const notices = await import('../../../src/state/shared/notices');
  const profiles = await import('../../../src/state/classroom/profiles');
  await storage.database();
  return { storage, notices, profiles };
}

/** Deletes the whole test database between cases. */
async function wipe(): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const req = indexedDB.deleteDatabase('headroom');
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
    req.onblocked = () => resolve();
  });
}

const anAnswer = (score: number) => ({
  exercise: 'eq-boost',
  skill: 'eq',
  level: 1,
  seed: 7,
  question: {},
  answer: {},
  score,
  timeMs: 900,
  at: T0,
});

describe('the write transaction', () => {
  beforeEach(wipe);
  it('refuses an attempt for a missing profile and writes nothing (no attempt, no progress)', async () => {
    const db = await openHeadroomDb();
    await ensureActiveProfile(db);
    const err = await recordAttempt(db, makeAttempt('p-nobody', 1)).catch((e) => e);
    expect(err).toBeInstanceOf(MissingProfileError);
    expect(err.profileId).toBe('p-nobody');
    expect(await db.count('attempts')).toBe(0);
    expect(await db.count('progress')).toBe(0);
    // The same attempt for a real profile lands.
    await recordAttempt(db, makeAttempt('default', 1));
    expect(await db.count('attempts')).toBe(1);
    db.close();
  });
});

describe('ensureActiveProfile', () => {
  beforeEach(wipe);
  it('a first visit makes the default profile without calling it a repair', async () => {
    const db = await openHeadroomDb();
    const check = await ensureActiveProfile(db, { now: 5 });
    expect(check.active.id).toBe('default');
    expect(check.repaired).toBeNull();
    expect((await loadSettings(db)).activeProfileId).toBeNull();
    db.close();
  });
  it('a stored id naming no profile moves to the oldest profile and stores that', async () => {
    const db = await openHeadroomDb();
    await saveProfile(db, { id: 'p-b', name: 'Bo', color: 'teal', createdAt: 20 });
    await saveProfile(db, { id: 'p-a', name: 'Ana', color: 'rose', createdAt: 10 });
    await saveSetting(db, 'activeProfileId', 'p-gone');
    const check = await ensureActiveProfile(db);
    expect(check.active.id).toBe('p-a');
    expect(check.repaired).toEqual({ missingId: 'p-gone', created: false });
    expect((await loadSettings(db)).activeProfileId).toBe('p-a');
    expect((await ensureActiveProfile(db)).repaired).toBeNull();
    db.close();
  });
  it('with no profile left it makes one and says it was created', async () => {
    const db = await openHeadroomDb();
    await saveSetting(db, 'activeProfileId', 'p-gone');
    const check = await ensureActiveProfile(db);
    expect(check.profiles.map((p) => p.id)).toEqual(['default']);
    expect(check.repaired).toEqual({ missingId: 'p-gone', created: true });
    db.close();
  });
});

describe('start-up after restoring a backup whose active profile is not in it', () => {
  beforeEach(wipe);
  it('makes a real profile active, stores it, says so, and the next answer lands there', async () => {
    const db = await openHeadroomDb();
    await ensureActiveProfile(db);
    await saveProfile(db, { id: 'p-ana', name: 'Ana', color: 'rose', createdAt: Date.now() + 1000 });
    await recordAttempt(db, makeAttempt('p-ana', 1));
    // The backup names a profile it does not carry (hand-edited, or made mid-deletion).
    await saveSetting(db, 'activeProfileId', 'p-ghost');
    const made = await createBackup(db, { now: T0 + 1000 });
    if (!made.ok) throw new Error(made.problem.message);
    const checked = await readBackup(made.value.blob);
    if (!checked.ok) throw new Error(checked.problem.message);
    const restored = await restoreBackup(db, checked.value, 'replace');
    expect(restored.ok).toBe(true);
    expect((await loadSettings(db)).activeProfileId).toBe('p-ghost');
    db.close();

    const { storage, notices } = await startUp();
    const real = storage.profiles.value.map((p) => p.id);
    expect(real).toEqual(['default', 'p-ana']);
    expect(storage.activeProfileId.value).toBe('default');
    expect(storage.settings.value.activeProfileId).toBe('default');
    const notice = notices.notices.value.find((n) => n.id === 'profile-repaired');
    expect(notice?.text).toMatch(/no longer exists/);
    expect(notice?.text).toMatch(/saved for “Me”/);
    expect(await storage.saveAttempt(anAnswer(80))).toBe(true);
    const again = await storage.database();
    expect((await listAttempts(again, 'default')).map((a) => a.score)).toEqual([80]);
    expect(await again.count('attempts', IDBKeyRange.lowerBound(0))).toBe(2);
    again.close();
  });
});

describe('a profile deleted in another tab', () => {
  beforeEach(wipe);

  it('the next answer is not saved into it; the problem says why and a retry saves it to a real profile', async () => {
    const { storage, notices, profiles } = await startUp();
    const sam = await profiles.createProfile('Sam');
    if (!sam.ok) throw new Error(sam.error);
    expect(storage.activeProfileId.value).toBe(sam.profile.id);
    expect(await storage.saveAttempt(anAnswer(10))).toBe(true);

    // "Another tab": its own connection deletes Sam, without telling this tab.
    const other = await openHeadroomDb();
    await deleteProfile(other, sam.profile.id);
    await saveSetting(other, 'activeProfileId', 'default');

    expect(await storage.saveAttempt(anAnswer(20))).toBe(false);
    expect(storage.storageProblem.value?.message).toMatch(/profile “Sam” no longer exists/);
    expect(storage.storageProblem.value?.message).toMatch(/now saves for “Me”/);
    expect(storage.activeProfileId.value).toBe('default');
    expect(storage.profiles.value.map((p) => p.id)).toEqual(['default']);
    expect(notices.notices.value.find((n) => n.id === 'profile-repaired')?.text).toMatch(
      /“Sam” was deleted \(in another tab\)/,
    );
    expect(await listAttempts(other, sam.profile.id)).toEqual([]);
    expect(await other.count('attempts')).toBe(0);
    // Trying again saves it where the tab now practises.
    expect(await storage.saveAttempt(anAnswer(20))).toBe(true);
    expect((await listAttempts(other, 'default')).map((a) => a.score)).toEqual([20]);
    other.close();
  });

  it('hears it over BroadcastChannel and moves to a real profile before the next answer', async () => {
    const { storage, notices, profiles } = await startUp();
    const sam = await profiles.createProfile('Sam');
    if (!sam.ok) throw new Error(sam.error);
    const other = await openHeadroomDb();
    await deleteProfile(other, sam.profile.id);
    // The other tab's profiles.ts says so on the shared channel.
    const tab = new BroadcastChannel('headroom-profiles');
    tab.postMessage({ type: 'profiles-changed' });
    tab.close();
    for (let i = 0; i < 200 && storage.activeProfileId.value === sam.profile.id; i++)
      await new Promise((r) => setTimeout(r, 5));
    expect(storage.activeProfileId.value).toBe('default');
    expect(notices.notices.value.find((n) => n.id === 'profile-repaired')?.text).toMatch(/“Sam” was deleted/);
    expect(await storage.saveAttempt(anAnswer(30))).toBe(true);
    expect(await listAttempts(other, sam.profile.id)).toEqual([]);
    expect((await listProfiles(other)).map((p) => p.id)).toEqual(['default']);
    other.close();
  });
});

describe('profile names', () => {
  beforeEach(wipe);
  it('drop invisible and direction-override characters; a name of only those is no name', async () => {
    const { profiles } = await startUp();
    const made = await profiles.createProfile('Sam\u202Egnp.exe\u200B');
    if (!made.ok) throw new Error(made.error);
    expect(made.profile.name).toBe('Samgnp.exe');
    expect(await profiles.createProfile('\u200B\u202E \u2066')).toEqual({ ok: false, error: 'Type a name.' });
    // The same name with a hidden character is the same name.
    expect(await profiles.createProfile('Sam\u200Dgnp.exe')).toEqual({
      ok: false,
      error: 'There is already a profile called “Samgnp.exe”.',
    });
    const renamed = await profiles.renameProfile(made.profile.id, '\u202DAna\u202C');
    expect(renamed.ok && renamed.profile.name).toBe('Ana');
  });
});
