/** What every lesson block component receives: its block, the lesson it is in, and (graded) its score. */
import type { LessonSummary } from '../../../lessons/schema';

/** Props of an ungraded block (listen, mixer, diagram). */
export interface BlockProps<B> {
  block: B;
  lesson: LessonSummary;
}

/** Props of a graded block (quiz, exercise): the best score so far and a way to report a new one. */
export interface GradedBlockProps<B> extends BlockProps<B> {
  /** Best score 0–100 so far for this profile, or undefined before the first try. */
  best: number | undefined;
  /** Reports a finished try's score 0–100; the lesson keeps the best and completes at the pass marks. */
  onScore: (score: number) => void;
}
