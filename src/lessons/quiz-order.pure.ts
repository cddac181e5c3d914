/**
 * The order of a quiz's choices for one attempt: shuffled from the attempt's seed (stored with the attempt,
 * so it can be replayed), and a retry draws an order that moves the right choice of every question.
 */
import { createRng, hashString } from '../dsp/random';
import type { QuizQuestion } from './schema';

/** For each question, the authored choice indices in the order shown. */
export type ChoiceOrder = number[][];

/** The order of every question's choices for an attempt with this seed (same seed, same order). */
export function choiceOrder(questions: readonly Pick<QuizQuestion, 'choices'>[], seed: number): ChoiceOrder {
  const rng = createRng(seed);
  return questions.map((q, i) => rng.fork(`question-${i}`).shuffle(q.choices.map((_, c) => c)));
}

/** Where the right choice of each question is shown (−1 when a question has none). */
export function keyPositions(
  questions: readonly Pick<QuizQuestion, 'choices'>[],
  order: ChoiceOrder,
): number[] {
  return questions.map((q, i) => (order[i] ?? []).findIndex((c) => q.choices[c]?.correct === true));
}

/** How many seeds a retry tries before it settles for the one that moves the most keys. */
const RETRY_TRIES = 200;

/**
 * A seed for the next attempt: drawn from `fresh` (any 32-bit number), and chosen so the right choice of
 * every question sits somewhere else than in the attempt with `previousSeed` (the learner has seen the key).
 */
export function retrySeed(
  questions: readonly Pick<QuizQuestion, 'choices'>[],
  previousSeed: number,
  fresh: number,
): number {
  const before = keyPositions(questions, choiceOrder(questions, previousSeed));
  const rng = createRng(hashString(`retry-${previousSeed}-${fresh >>> 0}`));
  let bestSeed = fresh >>> 0;
  let bestMoved = -1;
  for (let t = 0; t < RETRY_TRIES; t++) {
    const seed = t === 0 ? fresh >>> 0 : rng.int(0, 0xffffffff);
    if (seed === previousSeed >>> 0) continue;
    const now = keyPositions(questions, choiceOrder(questions, seed));
    const moved = now.filter((p, i) => p !== before[i]).length;
    if (moved === questions.length) return seed;
    if (moved > bestMoved) {
      bestMoved = moved;
      bestSeed = seed;
    }
  }
  return bestSeed;
}
