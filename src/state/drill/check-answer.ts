/**
 * Marks a drill answer with its kind's own check. The whole-mix kinds (mix-match, fix-mix) render and
 * weigh every track, seconds of work on a slow laptop, so their check runs in a Worker; every other kind
 * is checked here (a few milliseconds). Both mark on synthesis, as questions are made (see
 * song-stems.worker.ts), so a score is the same on every device. A worker that cannot start, or fails,
 * falls back to checking here: the result is the same, only slower to arrive.
 */
import { type ExerciseId, type ExerciseQuestion, exercises } from '../../exercises/registry';
import type { CheckResult } from '../../exercises/types';
import { createWorkerCall } from '../shared/worker-call';

/** What the check worker is asked: a kind, its question and the answer (plain JSON). */
export interface CheckRequest {
  id: number;
  kind: ExerciseId;
  question: ExerciseQuestion;
  answer: unknown;
}

/** The check worker's answer. */
export type CheckReply =
  | { id: number; type: 'done'; result: CheckResult }
  | { id: number; type: 'error'; message: string };

/** Kinds whose check renders a whole song's tracks: marked off the main thread. */
export const HEAVY_CHECKS: ReadonlySet<ExerciseId> = new Set<ExerciseId>(['mix-match', 'fix-mix']);

const worker = createWorkerCall<CheckRequest, Extract<CheckReply, { type: 'done' }>, CheckResult>(
  () => new Worker(new URL('./check-answer.worker.ts', import.meta.url), { type: 'module' }),
  (reply) => reply.result,
);

/**
 * How long the check worker may sit idle before it is stopped: a whole-mix check renders every track of a
 * song, and the worker's heap kept that until the page closed (issue 21's memory budget).
 */
export const CHECK_IDLE_MS = 15_000;
let busy = 0;
let idle: ReturnType<typeof setTimeout> | undefined;

function checkHere(kind: ExerciseId, question: ExerciseQuestion, answer: unknown): CheckResult {
  return exercises[kind].check(question as never, answer as never);
}

/** The kind's check of `answer` to `question`: in the check worker for HEAVY_CHECKS, here otherwise. */
export async function checkAnswer(
  kind: ExerciseId,
  question: ExerciseQuestion,
  answer: unknown,
): Promise<CheckResult> {
  if (!HEAVY_CHECKS.has(kind) || typeof Worker === 'undefined') return checkHere(kind, question, answer);
  const pending = worker.call({ kind, question, answer });
  if (!pending) return checkHere(kind, question, answer);
  busy++;
  clearTimeout(idle);
  try {
    return await pending.catch(() => checkHere(kind, question, answer));
  } finally {
    if (--busy === 0) idle = setTimeout(() => worker.terminate(), CHECK_IDLE_MS);
  }
}
