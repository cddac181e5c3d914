import { toStorageError } from './errors';
import type { HeadroomDb } from './open';

/** Every setting Headroom stores, with its type. */
export interface Settings {
  theme: 'dark' | 'light' | 'system';
  activeProfileId: string | null;
  /** Loudness-match A/B comparisons (on by default so "louder" never gives the answer away). */
  levelMatch: boolean;
  /** The learner has read the output-level guidance. */
  levelGuideSeen: boolean;
  /** navigator.storage.persist() has been asked for once. */
  persistAsked: boolean;
  /** When the last backup file was made (epoch ms), or null before the first. */
  lastBackupAt: number | null;
  /** When the backup reminder was last shown (epoch ms), so it shows at most once a day. */
  backupRemindedAt: number | null;
}

/** The value of every setting before the learner changes it. */
export const DEFAULT_SETTINGS: Settings = {
  theme: 'dark',
  activeProfileId: null,
  levelMatch: true,
  levelGuideSeen: false,
  persistAsked: false,
  lastBackupAt: null,
  backupRemindedAt: null,
};

const isTime = (v: unknown): boolean => v === null || (typeof v === 'number' && Number.isFinite(v) && v >= 0);
const isBoolean = (v: unknown): boolean => typeof v === 'boolean';

/** What each stored setting must look like; a value that does not (a hand-edited backup) reads as the default. */
const VALID: { [K in keyof Settings]: (v: unknown) => boolean } = {
  theme: (v) => v === 'dark' || v === 'light' || v === 'system',
  activeProfileId: (v) => v === null || (typeof v === 'string' && v !== ''),
  levelMatch: isBoolean,
  levelGuideSeen: isBoolean,
  persistAsked: isBoolean,
  lastBackupAt: isTime,
  backupRemindedAt: isTime,
};

/** Reads every setting, falling back to the defaults for any never stored or stored in a shape it cannot have. */
export async function loadSettings(db: HeadroomDb): Promise<Settings> {
  try {
    const records = await db.getAll('settings');
    const out: Settings = { ...DEFAULT_SETTINGS };
    for (const r of records) {
      if (!Object.hasOwn(VALID, r.key)) continue;
      if (VALID[r.key as keyof Settings](r.value))
        (out as unknown as Record<string, unknown>)[r.key] = r.value;
    }
    return out;
  } catch (error) {
    throw toStorageError(error);
  }
}

/** Stores one setting. */
export async function saveSetting<K extends keyof Settings>(
  db: HeadroomDb,
  key: K,
  value: Settings[K],
): Promise<void> {
  try {
    await db.put('settings', { key, value });
  } catch (error) {
    throw toStorageError(error);
  }
}
