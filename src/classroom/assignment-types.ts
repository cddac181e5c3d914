/** The shape of an assignment (plain JSON), shared by its codec (assignment.ts) and its packing (assignment-pack.ts). */

/** One item: `seeds.length` questions of one exercise kind at one level. */
export interface AssignmentItem {
  exercise: string;
  /** 1-based level of the kind. */
  level: number;
  /** One seed per question, unsigned 32-bit integers. */
  seeds: number[];
}

/**
 * The imported song an assignment's drills play, named by the content hash of its stem files (no audio
 * travels in the link): a student who lacks it imports the same files, which the teacher shares.
 */
export interface AssignmentSong {
  /** SHA-256 hex (src/classroom/imported-song-hash.ts). */
  hash: string;
  /** The song's name, shown as text. */
  name: string;
  /** Its tracks' names, so the student knows which files to import (shown as text). */
  tracks: string[];
  /**
   * The teacher's summary digest (src/classroom/summary-digest.ts): a student whose device measures the files
   * differently gets other questions, and the re-check says so. Absent on assignments made before it.
   */
  digest?: string;
}

/** An assignment as a teacher makes it and a student receives it (plain JSON). */
export interface Assignment {
  version: 1;
  /** 4–64 characters of [A-Za-z0-9_-]. */
  id: string;
  /** Shown as text, never as HTML. */
  title: string;
  /** Shown as text (line breaks kept), never as HTML. */
  instructions: string;
  items: AssignmentItem[];
  /** Integer 0–100: a score at or above it passes. */
  passMark: number;
  /** Due date as YYYY-MM-DD (the end of that day, local time, on the student's device). */
  due?: string;
  /** Epoch milliseconds. */
  createdAt: number;
  /** Lesson ids to do first. */
  lessons?: string[];
  /** Every item plays this imported song instead of Headroom's own (only kinds that take imported songs). */
  song?: AssignmentSong;
}
