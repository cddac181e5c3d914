/** Real answers for tests: for a question (kind, level, seed), an answer the kind's own check scores as asked. */
import { exercises, isExerciseId } from '../../src/exercises/registry';
import type { QuestionBase } from '../../src/exercises/types';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function collect(value: unknown, numbers: Set<number>, strings: Set<string>): void {
  if (typeof value === 'number') numbers.add(value);
  else if (typeof value === 'string') strings.add(value);
  else if (Array.isArray(value)) for (const v of value) collect(v, numbers, strings);
  else if (value && typeof value === 'object')
    for (const v of Object.values(value)) collect(v, numbers, strings);
}

/** Answers near the ideal one: each field of solve(q) swapped for values the question itself mentions. */
function candidates(exercise: string, level: number, seed: number): unknown[] {
  if (!isExerciseId(exercise)) return [];
  const q = question(exercise, level, seed);
  const ideal = exercises[exercise].solve(q) as Record<string, Json>;
  const numbers = new Set<number>([0, 1, 2, 3, 4, 5, 6]);
  const strings = new Set<string>(['up', 'down', 'boost', 'cut']);
  collect(q, numbers, strings);
  const options = (v: Json): Json[] =>
    typeof v === 'number' ? [...numbers] : typeof v === 'string' ? [...strings] : [v];
  const keys = Object.keys(ideal);
  const out: unknown[] = [ideal];
  for (const k of keys) for (const v of options(ideal[k]!)) out.push({ ...ideal, [k]: v });
  for (const [i, k1] of keys.entries())
    for (const k2 of keys.slice(i + 1))
      for (const v1 of options(ideal[k1]!))
        for (const v2 of options(ideal[k2]!)) out.push({ ...ideal, [k1]: v1, [k2]: v2 });
  return out;
}

const questions = new Map<string, QuestionBase>();

/** The question for (exercise, level, seed), generated once (some kinds take long to generate). */
function question(exercise: string, level: number, seed: number): QuestionBase {
  if (!isExerciseId(exercise)) throw new Error(`no kind ${exercise}`);
  const key = `${exercise}|${level}|${seed}`;
  let q = questions.get(key);
  if (!q) {
    q = exercises[exercise].generate(seed, level);
    questions.set(key, q);
  }
  return q;
}

/** The score the kind gives an answer to question (exercise, level, seed). */
export function scoreOf(exercise: string, level: number, seed: number, answer: unknown): number {
  if (!isExerciseId(exercise)) throw new Error(`no kind ${exercise}`);
  return exercises[exercise].check(question(exercise, level, seed), answer).score;
}

/** An answer scoring exactly `target`, or undefined when none of the nearby answers does. */
export function findAnswerScoring(exercise: string, level: number, seed: number, target: number): unknown {
  for (const a of candidates(exercise, level, seed)) {
    try {
      if (scoreOf(exercise, level, seed, a) === target) return a;
    } catch {
      // an answer this kind cannot mark: try the next
    }
  }
  return undefined;
}

/** An answer scoring exactly `target`; throws when none of the nearby answers does. */
export function answerScoring(exercise: string, level: number, seed: number, target: number): unknown {
  const a = findAnswerScoring(exercise, level, seed, target);
  if (a === undefined)
    throw new Error(`no answer scoring ${target} for ${exercise} level ${level} seed ${seed}`);
  return a;
}

/** Every score the nearby answers reach (for choosing test numbers). */
export function reachableScores(exercise: string, level: number, seed: number): number[] {
  const set = new Set<number>();
  for (const a of candidates(exercise, level, seed)) {
    try {
      set.add(scoreOf(exercise, level, seed, a));
    } catch {
      // skip
    }
  }
  return [...set].sort((x, y) => x - y);
}
