/** The shape of a handed-in report (plain JSON), shared by its codec (report.ts) and its packing (report-pack.ts). */

/** One answer, in the order it was given. */
export interface ReportAttempt {
  seed: number;
  /** Integer 0–100. */
  score: number;
  timeMs: number;
  /** The answer as given (the kind's answer JSON), so the teacher's copy can score it again. Reports
   * made before answers were carried lack it: those cannot be re-checked. */
  answer?: unknown;
}

/** One item's result. */
export interface ReportItem {
  exercise: string;
  level: number;
  /** How many questions the item has. */
  questions: number;
  /** 0–100: mean of the first score per question, unanswered counting 0. */
  score: number;
  attempts: ReportAttempt[];
}

/** How far a student got with a quiz of an assigned lesson: honest about retries after the key was shown. */
export type ReportQuiz = 'first-try' | 'after-retry' | 'not-passed' | 'not-tried' | 'no-quiz';

/** An assigned lesson as the student's device recorded it (self-reported: it cannot be marked again). */
export interface ReportLesson {
  id: string;
  done: boolean;
  quiz: ReportQuiz;
}

/** The student's latest threshold on a kind of the assignment, from their own adaptive drills (self-reported). */
export interface ReportThreshold {
  exercise: string;
  value: number;
  /** The range that holds it with about 80 % confidence. */
  low: number;
  high: number;
  /** When that sitting was (epoch ms). */
  at: number;
}

/** A handed-in report (plain JSON). */
export interface Report {
  version: 1;
  assignmentId: string;
  assignmentTitle: string;
  passMark: number;
  student: string;
  items: ReportItem[];
  /** 0–100 over every question. */
  score: number;
  /** Sum of the time spent on every answer. */
  timeMs: number;
  appVersion: string;
  handedInAt: number;
  /** The assignment's lessons, when it has some (reports from before this was carried lack it). */
  lessons?: ReportLesson[];
  /** Thresholds the student measured on the assignment's kinds, when any (absent in older reports). */
  thresholds?: ReportThreshold[];
  /** The content hash of the imported song the student played, on an assignment that names one. */
  songHash?: string;
  /** The summary digest of that song as the student's device measured it (src/classroom/summary-digest.ts). */
  songDigest?: string;
  /**
   * The version of the song's drill summary that digest was made from (SUMMARY_VERSION of the student's
   * Headroom); reports from before it was carried were all version 1.
   */
  songSummaryVersion?: number;
  /** 16 hex characters of SHA-256 over the canonical JSON of every other field. */
  checksum: string;
}
