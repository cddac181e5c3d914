import type { WorkoutPlan } from '../training/workout';
import { toStorageError } from './errors';
import type { HeadroomDb } from './open';

/** A running workout as stored: its day (local, numbered like UTC days), plan, item on and scores so far. */
export interface SavedWorkout {
  day: number;
  plan: WorkoutPlan;
  index: number;
  scores: (number | null)[];
}

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
  /**
   * The hearing check on this device (src/training/hearing.ts): when, whether left and right were right, and
   * the edge bands (Hz) the learner could not hear; null before the first check.
   */
  hearingCheck: { at: number; leftRightOk: boolean; unheardHz: number[] } | null;
  /** Days (local day numbers) with a finished daily workout, per profile id, newest last. */
  workoutDays: Record<string, number[]>;
  /** Today's workout while it runs, per profile: the plan, the item on and the scores so far (a reload resumes it). */
  workoutInProgress: Record<string, SavedWorkout>;
  /** Memory mode per matching kind id (src/exercises/shared/memory-mode.ts): true when the learner turned it on. */
  memoryMode: Record<string, boolean>;
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
  hearingCheck: null,
  workoutDays: {},
  workoutInProgress: {},
  memoryMode: {},
};

const isTime = (v: unknown): boolean => v === null || (typeof v === 'number' && Number.isFinite(v) && v >= 0);
const isBoolean = (v: unknown): boolean => typeof v === 'boolean';
const isNumberList = (v: unknown): boolean =>
  Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isFinite(x));
const isHearingCheck = (v: unknown): boolean => {
  if (v === null) return true;
  if (typeof v !== 'object') return false;
  const c = v as { at?: unknown; leftRightOk?: unknown; unheardHz?: unknown };
  return isTime(c.at) && c.at !== null && isBoolean(c.leftRightOk) && isNumberList(c.unheardHz);
};
const isDaysByProfile = (v: unknown): boolean =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every(isNumberList);

const isSavedWorkout = (v: unknown): boolean => {
  if (typeof v !== 'object' || v === null) return false;
  const w = v as Partial<Record<keyof SavedWorkout, unknown>>;
  const plan = w.plan as { items?: unknown; minutes?: unknown } | undefined;
  return (
    Number.isInteger(w.day) &&
    Number.isInteger(w.index) &&
    (w.index as number) >= 0 &&
    Array.isArray(w.scores) &&
    w.scores.every((x) => x === null || (typeof x === 'number' && Number.isFinite(x))) &&
    typeof plan === 'object' &&
    plan !== null &&
    Array.isArray(plan.items) &&
    plan.items.every(
      (i) => typeof i === 'object' && i !== null && typeof (i as { type?: unknown }).type === 'string',
    )
  );
};
const isWorkoutsByProfile = (v: unknown): boolean =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every(isSavedWorkout);

/** What each stored setting must look like; a value that does not (a hand-edited backup) reads as the default. */
const VALID: { [K in keyof Settings]: (v: unknown) => boolean } = {
  theme: (v) => v === 'dark' || v === 'light' || v === 'system',
  activeProfileId: (v) => v === null || (typeof v === 'string' && v !== ''),
  levelMatch: isBoolean,
  levelGuideSeen: isBoolean,
  persistAsked: isBoolean,
  lastBackupAt: isTime,
  backupRemindedAt: isTime,
  hearingCheck: isHearingCheck,
  workoutDays: isDaysByProfile,
  workoutInProgress: isWorkoutsByProfile,
  memoryMode: (v) =>
    typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every(isBoolean),
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
