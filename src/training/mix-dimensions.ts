/**
 * Which part of mixing holds a learner's whole mixes back: from the graded mixes they stored, the share of
 * the remaining just-noticeable steps that each dimension (level, pan, EQ, compression, space) accounts for.
 */
import type { AttemptRecord } from './progress-records';

/** The kinds whose details carry a mix grade (`dimensions` and track-major `steps`). */
export const MIX_KINDS: readonly string[] = ['mix-match', 'fix-mix'];

/** How many of the latest graded mixes are read. */
export const RECENT_MIXES = 10;

/** One dimension's share of what is left to fix. */
export interface DimensionShare {
  dimension: string;
  /** 0 … 1 of the remaining steps, summed over the mixes read. */
  share: number;
  /** Mean remaining steps per mix in this dimension. */
  meanSteps: number;
}

/** What holds the mixes back, biggest share first; null without graded mixes (or nothing left to fix). */
export interface MixDimensionSummary {
  mixes: number;
  shares: DimensionShare[];
  /** The dimension with the biggest share. */
  worst: string;
}

function gradeOf(details: unknown): { dimensions: string[]; steps: number[] } | null {
  if (typeof details !== 'object' || details === null) return null;
  const d = details as { dimensions?: unknown; steps?: unknown };
  if (!Array.isArray(d.dimensions) || !Array.isArray(d.steps) || d.dimensions.length === 0) return null;
  if (!d.dimensions.every((x) => typeof x === 'string')) return null;
  if (!d.steps.every((x) => typeof x === 'number' && Number.isFinite(x) && x >= 0)) return null;
  if (d.steps.length % d.dimensions.length !== 0) return null;
  return { dimensions: d.dimensions as string[], steps: d.steps as number[] };
}

/** Summarises the latest RECENT_MIXES graded mixes (attempts in any order). */
export function mixDimensions(attempts: readonly AttemptRecord[]): MixDimensionSummary | null {
  const graded = attempts
    .filter((a) => MIX_KINDS.includes(a.exercise))
    .map((a) => ({ at: a.at, grade: gradeOf(a.details) }))
    .filter((a): a is { at: number; grade: NonNullable<ReturnType<typeof gradeOf>> } => a.grade !== null)
    .sort((x, y) => y.at - x.at)
    .slice(0, RECENT_MIXES);
  if (graded.length === 0) return null;
  const totals = new Map<string, number>();
  for (const { grade } of graded) {
    const n = grade.dimensions.length;
    grade.steps.forEach((s, i) => {
      const dim = grade.dimensions[i % n] as string;
      totals.set(dim, (totals.get(dim) ?? 0) + s);
    });
  }
  const all = [...totals.values()].reduce((s, x) => s + x, 0);
  if (all <= 0) return null;
  const shares = [...totals.entries()]
    .map(([dimension, steps]) => ({ dimension, share: steps / all, meanSteps: steps / graded.length }))
    .sort((a, b) => b.share - a.share);
  return { mixes: graded.length, shares, worst: (shares[0] as DimensionShare).dimension };
}
