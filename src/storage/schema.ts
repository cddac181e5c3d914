import type { DBSchema } from 'idb';

/** The IndexedDB database name. */
export const DB_NAME = 'headroom';
/** The current schema version; every bump adds a rung to the upgrade ladder in open.ts. */
export const DB_VERSION = 3;

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
  /** The numbers behind the score (the check's details, e.g. a mix's per-track steps); absent on older attempts. */
  details?: unknown;
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

/** One rendered or imported track: mono or stereo samples. */
export interface StoredTrack {
  id: string;
  name: string;
  /** Empty in stored records: the samples live in the record's `audio` Blob (fast to read and write). */
  channels: Float32Array[];
  /** How many channels the track's samples in `audio` have. */
  channelCount?: number;
}

/** Cached stems of a generated song (a cache: may be evicted, least recently used first). */
export interface StemCacheEntry {
  /** `${songId}:${renderVersion}:${sampleRate}` */
  key: string;
  songId: string;
  sampleRate: number;
  length: number;
  tracks: StoredTrack[];
  /** Every track's samples, packed one after another (see audio-blob.ts). */
  audio?: Blob;
  bytes: number;
  createdAt: number;
  lastUsed: number;
  /**
   * Who it was played for ('assignment:<id>', 'workout:<profile>:<day>'): never evicted while one of them is
   * open (an optional field, absent on older entries: no schema change).
   */
  heldFor?: string[];
}

/** A song the learner or teacher imported from their own audio files (kept, never evicted). */
export interface ImportedSong {
  id: string;
  name: string;
  sampleRate: number;
  length: number;
  tracks: StoredTrack[];
  /** Every track's samples, packed one after another (see audio-blob.ts). */
  audio?: Blob;
  bytes: number;
  createdAt: number;
}

/** Where a profile is in a lesson. */
export interface LessonState {
  profileId: string;
  lessonId: string;
  /** The lesson version the state belongs to. */
  version: number;
  /** Index of the step to resume at. */
  step: number;
  /** Best score per interactive block id (exercise or quiz). */
  scores: Record<string, number>;
  completed: boolean;
  completedAt?: number;
  updatedAt: number;
  /** Each mixer block's settings as the learner left them, by block id (plain data). */
  mixers?: Record<string, unknown>;
}

/** An assignment this device made (teacher) or received (student). */
export interface StoredAssignment {
  id: string;
  role: 'teacher' | 'student';
  /** The assignment as decoded by src/classroom (plain JSON). */
  assignment: unknown;
  /** The profile working it (student side). */
  profileId?: string;
  savedAt: number;
  handedInAt?: number;
}

/** A student report imported by a teacher. */
export interface StoredReport {
  /** The report's checksum-derived id (duplicates collide here). */
  id: string;
  assignmentId: string;
  student: string;
  report: unknown;
  importedAt: number;
  /** Written by older builds and never read: flags are recomputed from the report every time it is shown. */
  flagged?: string;
  /** The teacher's "Accept anyway" on a flagged report (who, when); it then counts in the statistics. */
  accepted?: { by: string; at: number };
}

/** Something a learner made and keeps (version 2): an arrangement (Produce) or a song's mixer settings (Mix). */
export interface SavedWork {
  /** 'arr-…' for an arrangement; 'mix:<profile>:<song choice>' for a mix (one per song and profile). */
  id: string;
  kind: 'arrangement' | 'mix';
  profileId: string;
  /** A name the learner gave it; absent = called by its song's title. */
  name?: string;
  /** The song's title when last saved (what lists show when there is no name). */
  title: string;
  /** The work as plain data (an arrangement spec, or a mix's strips and master), checked when read. */
  data: unknown;
  createdAt: number;
  updatedAt: number;
}

/** One record of the school's learning record store setup (version 3): its address and login, a learner's identity, the sync status. */
export interface LrsRecord {
  /** 'config', 'status', or 'identity:<profileId>'. */
  key: string;
  value: unknown;
}

/** One xAPI statement waiting to be sent (version 3); keyed by the statement's own stable id. */
export interface QueuedStatement {
  id: string;
  /** The statement as plain JSON. */
  statement: unknown;
  /** The profile it is about. */
  profileId: string;
  queuedAt: number;
  /** Failed sends so far, and the earliest time of the next (epoch ms). */
  tries: number;
  nextTryAt: number;
  /** Why the last send failed, in plain words. */
  lastError?: string;
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
  stems: { key: string; value: StemCacheEntry; indexes: { byLastUsed: number } };
  songs: { key: string; value: ImportedSong; indexes: { byCreatedAt: number } };
  lessons: { key: [string, string]; value: LessonState; indexes: { byProfile: string } };
  assignments: { key: string; value: StoredAssignment; indexes: { bySavedAt: number } };
  reports: { key: string; value: StoredReport; indexes: { byAssignment: string } };
  works: { key: string; value: SavedWork; indexes: { byProfile: string } };
  lrs: { key: string; value: LrsRecord };
  xapiQueue: { key: string; value: QueuedStatement; indexes: { byQueuedAt: number } };
}

/** The names of every object store. */
export const STORE_NAMES = [
  'settings',
  'profiles',
  'attempts',
  'progress',
  'stems',
  'songs',
  'lessons',
  'assignments',
  'reports',
  'works',
  'lrs',
  'xapiQueue',
] as const;
