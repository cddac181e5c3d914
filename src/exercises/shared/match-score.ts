/**
 * How the matching kinds (eq-match, comp-match, fader-balance) score: by the share of the audible distance
 * the learner closed between where the controls started and the reference. The controls as first found
 * score 0, the reference 100, halfway about 50; anything closer than the kind's just-noticeable amount
 * counts as fully closed.
 */
import type { CheckResult } from '../types';
import { clampScore, roundDetail } from './scoring';

/** A question's start must be at least this many just-noticeable amounts from the reference. */
export const MIN_START_JNDS = 4;

/** An answer within this many just-noticeable amounts of the reference counts as right. */
export const CORRECT_JNDS = 2;

/**
 * Score = share of the distance closed: 100 × (start − now) / (start − jnd), clamped to 0 … 100 and rounded.
 * A distance at or below `jnd` is 100; no closer than the start (or further) is 0; NaN is 0.
 */
export function closedShareScore(distance: number, startDistance: number, jnd: number): number {
  if (Number.isNaN(distance)) return 0;
  if (distance <= jnd) return 100;
  if (!(startDistance > jnd)) return 0;
  return clampScore((100 * (startDistance - distance)) / (startDistance - jnd));
}

/** Whether a start distance leaves the learner something audible to fix (MIN_START_JNDS or more). */
export function isFarEnough(startDistance: number, jnd: number): boolean {
  return startDistance >= MIN_START_JNDS * jnd;
}

/** What the learner matched, in words: "EQ curve", "compressor's gain changes", "balance". */
export interface MatchWords {
  /** Subject of the sentence: "Your EQ", "Your compressor", "Your balance". */
  subject: string;
}

/** Whole decibels for a learner (one decimal under 3 dB, where a decimal still matters). */
function aboutDb(db: number): string {
  return db < 3 ? `${db.toFixed(1)} dB` : `${Math.round(db)} dB`;
}

/**
 * A matching kind's result in plain words: how close the learner is now, what share of the gap they closed
 * from where they started, and the hint for the control furthest off. `correct` means within CORRECT_JNDS
 * just-noticeable amounts of the reference.
 */
export function matchResult<K extends string>(
  distance: number,
  startDistance: number,
  jnd: number,
  words: MatchWords,
  worst: K | null,
  hint: string | null,
  extra: Record<string, number | string | null> = {},
): CheckResult {
  const score = closedShareScore(distance, startDistance, jnd);
  const closed = Math.round(
    Math.max(0, Math.min(1, (startDistance - distance) / Math.max(1e-9, startDistance))) * 100,
  );
  let feedback: string;
  if (distance <= jnd) feedback = `Spot on: ${words.subject.toLowerCase()} sounds the same as the reference.`;
  else if (closed <= 0)
    feedback = `${words.subject} is no closer to the reference than where it started (about ${aboutDb(distance)} off).${hint ? ` ${hint}` : ''}`;
  else
    feedback = `${words.subject} is within about ${aboutDb(distance)} of the reference: you closed ${closed} % of the gap from where it started (${aboutDb(startDistance)}).${hint ? ` ${hint}` : ''}`;
  return {
    score,
    feedback,
    correct: distance <= CORRECT_JNDS * jnd,
    details: {
      distanceDb: roundDetail(distance),
      startDistanceDb: roundDetail(startDistance),
      closedPercent: closed,
      furthestOff: worst,
      ...extra,
    },
  };
}
