/**
 * A graded mix as the review table reads it, rebuilt from a check's details (the steps of every cell, the
 * dimensions graded, the sentences for the worst cells), so the review and the gradebook show the grade the
 * check computed instead of grading again.
 */
import type { MixCell } from './mix-grade';
import { MIX_DIMENSIONS, type MixDimension } from './mix-spec';

/** What the review table shows of a grade. */
export interface MixGradeView {
  cells: readonly Pick<MixCell, 'track' | 'dimension' | 'steps'>[];
  worst: readonly string[];
}

const isDimension = (d: unknown): d is MixDimension =>
  typeof d === 'string' && (MIX_DIMENSIONS as readonly string[]).includes(d);

/**
 * The table of a mix-match or fix-mix check's details for `trackCount` tracks (cells track by track, each
 * track's dimensions in MIX_DIMENSIONS order); null when the details are missing or not of that shape.
 */
export function mixGradeFromDetails(details: unknown, trackCount: number): MixGradeView | null {
  if (typeof details !== 'object' || details === null) return null;
  const { dimensions, steps, worst } = details as Record<string, unknown>;
  if (!Array.isArray(dimensions) || !dimensions.every(isDimension) || !Array.isArray(steps)) return null;
  const dims = MIX_DIMENSIONS.filter((d) => dimensions.includes(d));
  if (dims.length === 0 || steps.length !== dims.length * trackCount) return null;
  if (!steps.every((s) => typeof s === 'number' && Number.isFinite(s) && s >= 0)) return null;
  const cells = (steps as number[]).map((s, k) => ({
    track: Math.floor(k / dims.length),
    dimension: dims[k % dims.length] as MixDimension,
    steps: s,
  }));
  const sentences = Array.isArray(worst) ? worst.filter((w): w is string => typeof w === 'string') : [];
  return { cells, worst: sentences };
}
