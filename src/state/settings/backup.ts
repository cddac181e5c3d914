/** Backup and restore for the UI: progress, the restore itself, and the weekly reminder to back up. */
import { signal } from '@preact/signals';
import {
  type BackupFile,
  type BackupResult,
  type CheckedBackup as CheckedHere,
  createBackup,
  readBackup,
} from '../../storage/backup';
import { backupProblem } from '../../storage/backup-format';
import type { BACKUP_STORES, BackupContents } from '../../storage/backup-records';
import { isBackupReminderDue, oldestAttemptSince } from '../../storage/backup-reminder';
import { type RestoreMode, type RestoreSummary, restoreBackup } from '../../storage/backup-restore';
import { refreshImportedSongs } from '../library/imported-songs';
import { whileHoldingLeave } from '../shared/leave-guard';
import { dismissNotice, showNotice } from '../shared/notices';
import { navigate } from '../shared/router';
import {
  adoptStoredState,
  announceProfilesChanged,
  database,
  settings,
  updateSetting,
} from '../shared/storage';
import { askBackupWorker, type CheckedInWorker } from './backup-worker-call';
import { whileMarkedRestoring } from './restore-interrupted';

export type { BackupFile } from '../../storage/backup';
export { BACKUP_EXTENSION } from '../../storage/backup-format';
export type { RestoreMode, RestoreSummary } from '../../storage/backup-restore';

/** A backup file that was read and fully checked: what it holds, and where its checked records wait. */
export interface CheckedBackup {
  contents: BackupContents;
  /** The file itself. */
  source: Blob;
  /** In the backup worker (named by the ticket of its check), or on this thread when no worker runs. */
  held: { ticket: number } | { here: CheckedHere };
}

/** What backup work is running and how far it is (0…1); null when idle. */
export const backupWork = signal<{ task: 'backup' | 'check' | 'restore'; fraction: number } | null>(null);

async function withWork<T>(
  task: 'backup' | 'check' | 'restore',
  run: (progress: (f: number) => void) => Promise<T>,
) {
  backupWork.value = { task, fraction: 0 };
  try {
    return await run((fraction) => {
      backupWork.value = { task, fraction };
    });
  } finally {
    backupWork.value = null;
  }
}

async function openDb() {
  try {
    return await database();
  } catch {
    return null;
  }
}

/** Makes a backup of everything on this device and records when; the caller saves `blob` as a file. */
export async function makeBackup(now = Date.now()): Promise<BackupResult<BackupFile>> {
  const db = await openDb();
  if (!db) return { ok: false, problem: backupProblem('unsupported', 'Storage is not available here.') };
  const result = await withWork('backup', (onProgress) => createBackup(db, { now, onProgress }));
  if (result.ok) await updateSetting('lastBackupAt', now);
  return result;
}

function checkedHere(file: Blob, onProgress: (f: number) => void) {
  return readBackup(file, { onProgress }).then(
    (read): BackupResult<CheckedBackup> =>
      read.ok
        ? { ok: true, value: { contents: read.value.contents, source: file, held: { here: read.value } } }
        : read,
  );
}

/**
 * Reads and checks a chosen backup file (nothing is written), in the backup worker so the page stays
 * responsive; on this thread only where no worker runs.
 */
export function checkBackupFile(file: Blob): Promise<BackupResult<CheckedBackup>> {
  return withWork('check', async (onProgress) => {
    let shown = 0;
    const forward = (f: number) => {
      shown = Math.max(shown, f);
      onProgress(shown);
    };
    const asked = askBackupWorker<CheckedInWorker>({ type: 'check', file }, forward);
    if (asked) {
      try {
        const read = await asked;
        if (!read.ok) return read;
        return {
          ok: true,
          value: { contents: read.value.contents, source: file, held: { ticket: read.value.ticket } },
        };
      } catch {
        // The worker stopped: check here instead.
      }
    }
    return checkedHere(file, forward);
  });
}

/** Lets go of a checked backup that will not be restored (its records take memory in the worker). */
export function forgetCheckedBackup(backup: CheckedBackup): void {
  if ('ticket' in backup.held) void askBackupWorker({ type: 'forget' })?.catch(() => undefined);
}

const STOPPED = 'The restore stopped before it finished.';

/**
 * Restores a checked backup in one transaction (all or nothing), written from the backup worker in
 * batches with real progress; then shows the restored profiles, settings and songs. While it runs,
 * leaving the page asks first; a reload mid-restore changes nothing, and the next start says so.
 */
export async function applyBackup(
  backup: CheckedBackup,
  mode: RestoreMode,
): Promise<BackupResult<RestoreSummary>> {
  const db = await openDb();
  if (!db) return { ok: false, problem: backupProblem('storage', 'Storage is not available here.') };
  const held = backup.held;
  const result = await whileHoldingLeave('a backup is being restored', () =>
    whileMarkedRestoring((mark) =>
      withWork('restore', async (onProgress): Promise<BackupResult<RestoreSummary>> => {
        if ('here' in held) return restoreBackup(db, held.here, mode, { onProgress, mark });
        const asked = askBackupWorker<RestoreSummary>(
          { type: 'restore', ticket: held.ticket, mode, dbName: db.name, mark },
          onProgress,
        );
        if (!asked) return { ok: false, problem: backupProblem('storage', 'Choose the backup file again.') };
        return asked.catch(() => ({ ok: false, problem: backupProblem('storage', STOPPED) }));
      }),
    ),
  );
  if (!result.ok) return result;
  // A real active profile after any restore (the backup's may name none): chosen, stored and said.
  await adoptStoredState(db);
  announceProfilesChanged();
  await refreshImportedSongs();
  return result;
}

/** A kind of backed-up record. */
export type BackupKind = (typeof BACKUP_STORES)[number];

/** The kinds in the order previews and summaries list them (people first, settings last). */
export const BACKUP_KIND_ORDER: readonly BackupKind[] = [
  'profiles',
  'attempts',
  'progress',
  'lessons',
  'assignments',
  'reports',
  'songs',
  'works',
  'settings',
];

const KIND_WORDS: Record<(typeof BACKUP_STORES)[number], [one: string, many: string]> = {
  settings: ['setting', 'settings'],
  works: ['arrangement or mix', 'arrangements and mixes'],
  profiles: ['profile', 'profiles'],
  attempts: ['answer', 'answers'],
  progress: ['progress record', 'progress records'],
  lessons: ['lesson started', 'lessons started'],
  assignments: ['assignment', 'assignments'],
  reports: ['student report', 'student reports'],
  songs: ['imported song', 'imported songs'],
};

/** "1,024 answers", "1 profile": a count of one kind of record in words. */
export function countPhrase(kind: (typeof BACKUP_STORES)[number], n: number): string {
  return `${n.toLocaleString()} ${KIND_WORDS[kind][n === 1 ? 0 : 1]}`;
}

/** "profiles", "imported songs": a kind of record in words. */
export function kindWords(kind: (typeof BACKUP_STORES)[number]): string {
  return KIND_WORDS[kind][1];
}

/** "3 profiles, 1,024 answers" for counts per store (zero counts left out; "nothing" when all are). */
export function describeCounts(counts: Record<(typeof BACKUP_STORES)[number], number>): string {
  const parts = BACKUP_KIND_ORDER.filter((s) => counts[s] > 0).map((s) => countPhrase(s, counts[s]));
  return parts.length > 0 ? parts.join(', ') : 'nothing';
}

/** One sentence saying what a restore did. */
export function describeRestore(summary: RestoreSummary): string {
  const added = describeCounts(summary.added);
  if (summary.mode === 'replace') return `Restored ${added}. What was here before was replaced.`;
  const here = Object.values(summary.alreadyHere).reduce((n, c) => n + c, 0);
  return `Restored ${added}.${here > 0 ? ` ${here.toLocaleString()} ${here === 1 ? 'item was' : 'items were'} already here and kept once.` : ''}`;
}

/**
 * Shows a gentle reminder when practice from a week ago or more is in no backup; at most once a day.
 * Works offline (everything it reads is on this device). Returns whether it reminded.
 */
export async function remindToBackUp(now = Date.now()): Promise<boolean> {
  const db = await openDb();
  if (!db) return false;
  try {
    const { lastBackupAt, backupRemindedAt } = settings.value;
    const oldest = await oldestAttemptSince(db, lastBackupAt);
    if (
      !isBackupReminderDue({
        now,
        lastBackupAt,
        remindedAt: backupRemindedAt,
        oldestUnsavedAttemptAt: oldest,
      })
    )
      return false;
    await updateSetting('backupRemindedAt', now);
    showNotice({
      id: 'backup-reminder',
      tone: 'info',
      text:
        lastBackupAt === null
          ? 'You have practised for a week without a backup. A backup file keeps your progress safe if this browser’s data is cleared.'
          : 'Your practice of the last week is not in a backup yet. A backup file keeps it safe if this browser’s data is cleared.',
      sticky: true,
      action: {
        label: 'Back up…',
        run: () => {
          dismissNotice('backup-reminder');
          navigate('/settings#backup');
        },
      },
    });
    return true;
  } catch {
    return false;
  }
}
