import type { DBSchema } from 'idb';

/** The IndexedDB database name. */
export const DB_NAME = 'headroom';
/** The current schema version; every bump adds a rung to the upgrade ladder in open.ts. */
export const DB_VERSION = 1;

/** A learner on this device. */
export interface Profile {
  id: string;
  name: string;
  /** A colour token for the profile's badge. */
  color: string;
  createdAt: number;
}

/** One answered question of an exercise. */
export interface Attempt {
  /** Auto-incremented key; absent before the attempt is stored. */
  id?: number;
  profileId: string;
  /** Exercise kind id, e.g. 'eq-boost'. */
  exercise: string;
  /** The skill the exercise trains, e.g. 'eq'. */
  skill: string;
  level: number;
  seed: number;
  question: unknown;
  answer: unknown;
  /** Integer 0..100. */
  score: number;
  /** Milliseconds from the question appearing to the answer. */
  timeMs: number;
  /** Epoch milliseconds. */
  at: number;
  /** Set when the attempt belongs to an assignment. */
  assignmentId?: string;
}

/** Running totals per profile and exercise kind, updated with each attempt in one transaction. */
export interface Progress {
  profileId: string;
  exercise: string;
  skill: string;
  attempts: number;
  totalScore: number;
  bestScore: number;
  /** Consecutive attempts scoring at least the pass score. */
  streak: number;
  lastAt: number;
  /** Day numbers (UTC days since epoch) on which this exercise was practised, newest last, capped. */
  days: number[];
}

/** One stored setting: a key and a JSON value. */
export interface SettingRecord {
  key: string;
  value: unknown;
}

/** Headroom's whole IndexedDB schema. */
export interface HeadroomDB extends DBSchema {
  settings: { key: string; value: SettingRecord };
  profiles: { key: string; value: Profile; indexes: { byCreatedAt: number } };
  attempts: {
    key: number;
    value: Attempt;
    indexes: { byProfile: string; byProfileExercise: [string, string]; byAt: number };
  };
  progress: { key: [string, string]; value: Progress; indexes: { byProfile: string } };
}

/** The names of every object store. */
export const STORE_NAMES = ['settings', 'profiles', 'attempts', 'progress'] as const;
