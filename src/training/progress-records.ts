/**
 * What the progress analytics read: the fields of stored attempts and progress they need (storage's
 * Attempt and Progress fit these shapes), the kinds they know about, and how times become days.
 */
import type { MainVariable } from '../exercises/types';

/** One answered question, as stored (src/storage/schema.ts `Attempt` is assignable to this). */
export interface AttemptRecord {
  /** Exercise kind id, e.g. 'eq-boost'. */
  exercise: string;
  /** The skill the kind trains, e.g. 'eq'. */
  skill: string;
  /** Level number (adaptive attempts carry their base level). */
  level: number;
  /** Integer 0..100. */
  score: number;
  /** Epoch milliseconds. */
  at: number;
  /** The question as generated (plain JSON; adaptive ones carry `adaptiveValue`). */
  question: unknown;
  /** The learner's answer (plain JSON). */
  answer: unknown;
  /** Set when the attempt belongs to an assignment. */
  assignmentId?: string;
  /** The check's details, when stored (mixes: `dimensions` and per-track `steps`). */
  details?: unknown;
  /** Milliseconds from the question appearing to the answer, when stored. */
  timeMs?: number;
}

/** Running totals per kind, as stored (src/storage/schema.ts `Progress` is assignable to this). */
export interface ProgressRecord {
  exercise: string;
  skill: string;
  attempts: number;
  totalScore: number;
  bestScore: number;
  lastAt: number;
}

/** What the analytics know about one exercise kind (built from the registry's meta). */
export interface KindInfo {
  id: string;
  title: string;
  skill: string;
  /** Level names, easiest first (level n is levelNames[n − 1]). */
  levelNames: readonly string[];
  /** One sentence per level on what it asks (same order), when known. */
  levelDescriptions?: readonly string[];
  /** The adaptive variable of adaptive kinds. */
  mainVariable?: MainVariable;
}

/** Maps an epoch-millisecond time to a day number; consecutive calendar days differ by exactly 1. */
export type DayOf = (at: number) => number;

/** Milliseconds in a day. */
export const MS_PER_DAY = 86_400_000;

/** The UTC day number of a time (days since 1970-01-01 UTC); the default DayOf. */
export function utcDay(at: number): number {
  return Math.floor(at / MS_PER_DAY);
}

/** The adaptive value a stored question carries, or null for a fixed-level question. */
export function adaptiveValueOf(question: unknown): number | null {
  if (typeof question !== 'object' || question === null) return null;
  const v = (question as { adaptiveValue?: unknown }).adaptiveValue;
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** The arithmetic mean, or null for no numbers. */
export function meanOf(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((s, v) => s + v, 0) / values.length;
}
