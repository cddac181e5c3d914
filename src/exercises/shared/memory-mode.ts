/**
 * Memory mode (Corey's memory matching, TrainYourEars' "Correct" mode) for the kinds where the learner sets
 * controls: the reference (A) can be heard as often as the learner likes at first, then it is hidden and B is
 * matched from memory. Scored exactly as usual; the attempt's details say it was made from memory, so progress
 * keeps it on a line of its own. Pure.
 */
import type { CheckResult } from '../types';

/** The matching kinds (each exports `start`, and A is the reference B should sound like). */
export const MEMORY_KINDS: ReadonlySet<string> = new Set([
  'eq-match',
  'comp-match',
  'fader-balance',
  'mix-match',
  'fix-mix',
  'resonance',
  'loudness-match',
]);

/** The key memory-mode attempts carry in their details (`true`). */
export const MEMORY_DETAIL = 'memoryMode';

/** Whether a kind offers memory mode. */
export function offersMemoryMode(kind: string): boolean {
  return MEMORY_KINDS.has(kind);
}

/**
 * Whether the reference hides itself once it has played through the loop once (the upper half of a kind's
 * levels: level > ⌈levels / 2⌉). On the lower levels it stays until the learner hides it or turns a control.
 */
export function hidesAfterOnePass(level: number, levelCount: number): boolean {
  return level > Math.ceil(levelCount / 2);
}

/** The same result (score, feedback, right or not untouched), its details marked as made from memory. */
export function withMemoryMode(result: CheckResult): CheckResult {
  return { ...result, details: { ...(result.details ?? {}), [MEMORY_DETAIL]: true } };
}

/** Whether a stored attempt's details say it was made in memory mode. */
export function isMemoryAttempt(details: unknown): boolean {
  return (
    typeof details === 'object' &&
    details !== null &&
    (details as Record<string, unknown>)[MEMORY_DETAIL] === true
  );
}
