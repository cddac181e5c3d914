/** How an assignment is scored from stored attempts: the first answer to each question counts. */
import type { Assignment, AssignmentItem } from './assignment';

/** One answered question as the classroom sees it (a subset of a stored Attempt). */
export interface AssignmentAttempt {
  exercise: string;
  level: number;
  seed: number;
  /** Integer 0–100. */
  score: number;
  timeMs: number;
  /** Epoch milliseconds. */
  at: number;
  /** The answer as given (kind-specific JSON), carried into the report so the teacher can re-score it. */
  answer?: unknown;
}

/** One question the drill runner should play. */
export interface AssignmentQuestion {
  /** Index of the item in the assignment. */
  item: number;
  exercise: string;
  level: number;
  seed: number;
}

/** Where a student is with one item. */
export interface ItemGrade {
  questions: number;
  answered: number;
  /** 0–100: mean of the first score on every question, unanswered questions counting 0. */
  score: number;
  complete: boolean;
  passed: boolean;
  /** The item's attempts, oldest first (retries included; only the first per question counts). */
  attempts: AssignmentAttempt[];
  timeMs: number;
}

/** Where a student is with a whole assignment. */
export interface AssignmentGrade {
  items: ItemGrade[];
  questions: number;
  answered: number;
  /** 0–100: mean over every question (so an item weighs as many questions as it has). */
  score: number;
  complete: boolean;
  passed: boolean;
  timeMs: number;
}

/** The questions of one item, in order. */
export function itemQuestions(item: AssignmentItem, index = 0): AssignmentQuestion[] {
  return item.seeds.map((seed) => ({ item: index, exercise: item.exercise, level: item.level, seed }));
}

const belongs = (item: AssignmentItem, a: AssignmentAttempt) =>
  a.exercise === item.exercise && a.level === item.level && item.seeds.includes(a.seed);

/** Scores every item and the whole from attempts (any order; attempts of other work are ignored). */
export function gradeAssignment(
  assignment: Assignment,
  attempts: readonly AssignmentAttempt[],
): AssignmentGrade {
  const sorted = [...attempts].sort((x, y) => x.at - y.at);
  let sum = 0;
  const items = assignment.items.map((item): ItemGrade => {
    const mine = sorted.filter((a) => belongs(item, a));
    const first = new Map<number, number>();
    for (const a of mine) if (!first.has(a.seed)) first.set(a.seed, a.score);
    const itemSum = [...first.values()].reduce((s, v) => s + v, 0);
    sum += itemSum;
    const score = Math.round(itemSum / item.seeds.length);
    return {
      questions: item.seeds.length,
      answered: first.size,
      score,
      complete: first.size === item.seeds.length,
      passed: score >= assignment.passMark,
      attempts: mine,
      timeMs: mine.reduce((s, a) => s + a.timeMs, 0),
    };
  });
  const questions = items.reduce((n, i) => n + i.questions, 0);
  const score = questions === 0 ? 0 : Math.round(sum / questions);
  return {
    items,
    questions,
    answered: items.reduce((n, i) => n + i.answered, 0),
    score,
    complete: items.every((i) => i.complete),
    passed: score >= assignment.passMark,
    timeMs: items.reduce((n, i) => n + i.timeMs, 0),
  };
}

/** The questions not answered yet, in assignment order: what "Start" (or "Continue") should run. */
export function remainingQuestions(
  assignment: Assignment,
  attempts: readonly AssignmentAttempt[],
): AssignmentQuestion[] {
  return assignment.items.flatMap((item, index) => {
    const done = new Set(attempts.filter((a) => belongs(item, a)).map((a) => a.seed));
    return itemQuestions(item, index).filter((q) => !done.has(q.seed));
  });
}
