/** Mix to the reference: graded per track and dimension, scored by the share of the distance closed. */

import { gradeMix, type MixGrade, type TrackMeasure } from '../shared/mix-grade';
import { flatMeasures, mixMeasures } from '../shared/mix-measures';
import { MIX_DIMENSIONS, type MixDimension } from '../shared/mix-spec';
import type { CheckResult } from '../types';
import { importedMeasures } from './imported-measures';
import type { MixMatchAnswer, MixMatchQuestion } from './meta';

/**
 * The dimensions a question grades: on an imported song never compression (no level asks it there, and the
 * summary keeps no samples to grade it on).
 */
export function gradedDimensions(q: MixMatchQuestion): MixDimension[] {
  return q.source.type === 'imported-song' ? q.dimensions.filter((d) => d !== 'dynamics') : q.dimensions;
}

/**
 * Measures for a question: from the song's stems only when tone or dynamics are graded; on an imported song,
 * the part spectra the question carries.
 */
export function measuresFor(q: MixMatchQuestion): TrackMeasure[] {
  if (q.source.type === 'imported-song') return importedMeasures(q);
  if (q.dimensions.includes('tone') || q.dimensions.includes('dynamics'))
    return mixMeasures(
      q.source,
      q.tracks.map((t) => t.id),
    );
  return flatMeasures(q.tracks.length);
}

/** The grade of an answer (the review picture reads its cells). */
export function gradeAnswer(q: MixMatchQuestion, a: MixMatchAnswer): MixGrade {
  const given = Array.isArray(a?.tracks) ? a.tracks : [];
  return gradeMix(
    {
      names: q.tracks.map((t) => t.name),
      reference: q.reference,
      start: q.start,
      dimensions: gradedDimensions(q),
      measures: measuresFor(q),
    },
    q.tracks.map((_, i) => given[i]),
  );
}

/** The share of the whole mix's distance closed; feedback names the three cells furthest off. */
export function check(q: MixMatchQuestion, a: MixMatchAnswer): CheckResult {
  const g = gradeAnswer(q, a);
  const closed =
    g.startTotal > 0 ? Math.round((100 * Math.max(0, g.startTotal - g.total)) / g.startTotal) : 100;
  const feedback =
    g.worst.length === 0
      ? 'Your mix sounds like the reference in everything we compare.'
      : `You closed ${closed} % of the gap between the desk as you found it and the reference. Furthest off: ${g.worst.join(' ')}`;
  return {
    score: g.score,
    feedback,
    correct: g.correct,
    details: {
      closedPercent: closed,
      dimensions: MIX_DIMENSIONS.filter((d) => gradedDimensions(q).includes(d)),
      steps: g.cells.map((c) => c.steps),
      total: g.total,
      startTotal: g.startTotal,
      worst: g.worst,
    },
  };
}
