import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  applyBackup,
  backupWork,
  checkBackupFile,
  describeCounts,
  describeRestore,
  makeBackup,
  remindToBackUp,
} from '../../../src/state/settings/backup';
import { notices } from '../../../src/state/shared/notices';
import {
  database,
  profiles,
  resetEverything,
  settings,
  updateSetting,
} from '../../../src/state/shared/storage';
import { recordAttempt } from '../../../src/storage/attempts';
import { BACKUP_REMINDER_AFTER_MS, isBackupReminderDue } from '../../../src/storage/backup-reminder';
import { saveProfile } from '../../../src/storage/profiles';
import { makeAttempt, T0 } from '../../storage/backup-fixtures';

const DAY = 86_400_000;

describe('isBackupReminderDue', () => {
  const base = { now: T0 + 10 * DAY, lastBackupAt: null, remindedAt: null };
  it('waits for practice a week old that no backup holds', () => {
    expect(isBackupReminderDue({ ...base, oldestUnsavedAttemptAt: undefined })).toBe(false);
    expect(isBackupReminderDue({ ...base, oldestUnsavedAttemptAt: base.now - 6 * DAY })).toBe(false);
    expect(
      isBackupReminderDue({ ...base, oldestUnsavedAttemptAt: base.now - BACKUP_REMINDER_AFTER_MS }),
    ).toBe(true);
  });
  it('shows at most once a day (a clock set back counts as a new day)', () => {
    const facts = { ...base, oldestUnsavedAttemptAt: T0 };
    expect(isBackupReminderDue({ ...facts, remindedAt: base.now - 23 * 3_600_000 })).toBe(false);
    expect(isBackupReminderDue({ ...facts, remindedAt: base.now - DAY })).toBe(true);
    expect(isBackupReminderDue({ ...facts, remindedAt: base.now + DAY })).toBe(true);
  });
});

describe('the app’s backup flow', () => {
  it('reminds once a day after a week of practice without a backup, and not after a backup', async () => {
    const db = await database();
    const now = T0 + 8 * DAY;
    await recordAttempt(db, makeAttempt('default', 0, { at: T0 }));
    expect(await remindToBackUp(T0 + 3 * DAY)).toBe(false);
    expect(await remindToBackUp(now)).toBe(true);
    const notice = notices.value.find((n) => n.id === 'backup-reminder');
    expect(notice?.text).toMatch(/practised for a week without a backup/);
    expect(notice?.action?.label).toBe('Back up…');
    expect(settings.value.backupRemindedAt).toBe(now);
    expect(await remindToBackUp(now + 3_600_000)).toBe(false);
    expect(await remindToBackUp(now + DAY)).toBe(true);

    const made = await makeBackup(now + 2 * DAY);
    expect(made.ok).toBe(true);
    expect(backupWork.value).toBeNull();
    expect(settings.value.lastBackupAt).toBe(now + 2 * DAY);
    expect(await remindToBackUp(now + 20 * DAY)).toBe(false);
    // New practice after the backup: reminded once it is a week old.
    await recordAttempt(db, makeAttempt('default', 1, { at: now + 3 * DAY }));
    expect(await remindToBackUp(now + 9 * DAY)).toBe(false);
    expect(await remindToBackUp(now + 10 * DAY)).toBe(true);
    expect(notices.value.find((n) => n.id === 'backup-reminder')?.text).toMatch(
      /last week is not in a backup/,
    );
  });

  it('backup → reset → restore brings back profiles and settings in the UI state', async () => {
    const db = await database();
    await saveProfile(db, { id: 'p-ana', name: 'Ana', color: 'violet', createdAt: T0 });
    await updateSetting('theme', 'light');
    await updateSetting('activeProfileId', 'p-ana');
    const made = await makeBackup(T0 + 40 * DAY);
    if (!made.ok) throw new Error(made.problem.message);
    await resetEverything();
    expect(settings.value.theme).toBe('dark');
    expect(profiles.value.map((p) => p.name)).toEqual(['Me']);

    const read = await checkBackupFile(made.value.blob);
    if (!read.ok) throw new Error(read.problem.message);
    expect(read.value.contents.profileNames).toEqual(['Me', 'Ana']);
    const restored = await applyBackup(read.value, 'merge');
    if (!restored.ok) throw new Error(restored.problem.message);
    expect(settings.value).toMatchObject({
      theme: 'light',
      activeProfileId: 'p-ana',
      lastBackupAt: T0 + 40 * DAY,
    });
    expect(profiles.value.map((p) => p.name).sort()).toEqual(['Ana', 'Me']);
    expect(describeRestore(restored.value)).toBe(
      'Restored 1 profile, 2 answers, 2 progress records, 4 settings. 1 item was already here and kept once.',
    );
  });

  it('describes counts in words', () => {
    const zero = {
      settings: 0,
      profiles: 0,
      attempts: 0,
      progress: 0,
      lessons: 0,
      assignments: 0,
      reports: 0,
      songs: 0,
      works: 0,
    };
    expect(describeCounts(zero)).toBe('nothing');
    expect(describeCounts({ ...zero, profiles: 2, attempts: 1024, songs: 1 })).toBe(
      `2 profiles, ${(1024).toLocaleString()} answers, 1 imported song`,
    );
    expect(describeCounts({ ...zero, songs: 1, works: 3 })).toBe('1 imported song, 3 arrangements and mixes');
  });
});
