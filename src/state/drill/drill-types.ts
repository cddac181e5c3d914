/** The shapes a drill session is made of: its options, items, answers, summary and phases. */
import type { ExerciseId, ExerciseQuestion } from '../../exercises/registry';
import type { ImportedSongSummary } from '../../exercises/shared/imported-song';
import type { CheckResult } from '../../exercises/types';
import type { AdaptiveMark } from '../../training/adaptive-thresholds';
import { ADAPTIVE_TRIALS, type ThresholdRange } from '../../training/estimator';
import type { AnsweredQuestion } from '../classroom/classroom';

/** One fixed question: what an assignment hands the drill. */
export interface DrillItem {
  exercise: ExerciseId;
  level: number;
  seed: number;
}

/** How to start a drill: a kind (and level, or adaptive), or a fixed list of items. */
export interface DrillOptions {
  /** Fixed questions, in order (assignments). Overrides kind/level/adaptive/count. */
  items?: DrillItem[];
  kind?: ExerciseId;
  /** 1-based level (ignored when adaptive). */
  level?: number;
  /** Measure the kind's threshold on its main variable (src/training/estimator.ts). */
  adaptive?: boolean;
  /**
   * Adaptive drills: the estimate to start from. Absent: the latest stored sitting's estimate of this kind
   * (loaded in the background); null: none.
   */
  prior?: ThresholdRange | null;
  /** Questions in the drill (default 10; adaptive 20). */
  count?: number;
  /** Stored on every attempt. */
  assignmentId?: string;
  /** Heading for the drill view (default the kind's title). */
  title?: string;
  /** Seed for choosing question seeds (default: the clock). */
  seed?: number;
  /** Stores an answer instead of saveAttempt (the classroom's recorder); true when it landed. */
  record?: (item: DrillItem, index: number, result: AnsweredQuestion) => Promise<boolean>;
  /** Where closing the drill goes (an assignment's page); default: stay on the Train page. */
  returnTo?: string;
  /**
   * Drawn questions must pass this (a workout's focus band); a question that does not is drawn again, up to
   * 40 times. Bands the hearing check left out are always drawn again (eq-boost).
   */
  accept?: (question: ExerciseQuestion) => boolean;
  /**
   * Play an imported song instead of Headroom's own (its drill summary): every question is generated from it
   * (src/exercises/shared/imported-kinds.ts); only kinds that take imported songs.
   */
  song?: ImportedSongSummary;
}

/** One answered question. */
export interface DrillAnswer {
  index: number;
  item: DrillItem;
  question: ExerciseQuestion;
  answer: unknown;
  result: CheckResult;
  timeMs: number;
  /** When it was answered (epoch ms): a later retry stores this time, not the retry's. */
  at: number;
  saved: boolean;
  /** Adaptive drills: the main-variable value the question was asked at. */
  value?: number;
  /** Adaptive drills: the sitting and the estimate after this answer, stored with the question. */
  mark?: AdaptiveMark;
}

/** The end of a drill. */
export interface DrillSummary {
  scores: number[];
  mean: number;
  correct: number;
  totalTimeMs: number;
  /** Adaptive drills: the threshold estimate's value (null outside adaptive drills). */
  threshold: number | null;
  /** Adaptive drills: the estimate with its ~80 % range (null outside adaptive drills). */
  estimate: ThresholdRange | null;
  /** The threshold (or the estimate so far) in words; null outside adaptive drills. */
  thresholdWords: string | null;
}

/** Where a drill is. */
export type DrillPhase = 'question' | 'checking' | 'answered' | 'done';

/** Whether an answer is stored: "Saved" shows only once its transaction has completed. */
export type SaveState = 'saving' | 'saved' | 'failed';

/** Default question count of a drill. */
export const DEFAULT_COUNT = 10;
/** Default question count of an adaptive drill. */
export const DEFAULT_ADAPTIVE_COUNT = ADAPTIVE_TRIALS;
