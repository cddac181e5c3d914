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
  /** 16 hex characters of SHA-256 over the canonical JSON of every other field. */
  checksum: string;
}
