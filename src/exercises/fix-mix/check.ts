/** Fix this mix, graded: the diagnosis (step one) and the repair on the desk (step two) in one score. */
import { gradeMix, type MixGrade, type TrackMeasure } from '../shared/mix-grade';
import { flatMeasures, mixMeasures, weightsFromBands } from '../shared/mix-measures';
import { MIX_DIMENSIONS } from '../shared/mix-spec';
import { clampScore } from '../shared/scoring';
import { ANALYSIS_CENTRES } from '../shared/song-analysis';
import type { CheckResult, SongSource } from '../types';
import { type DiagnosisGrade, gradeDiagnosis, sanitiseClaims } from './diagnosis';
import { DIAGNOSIS_POINTS, type FixMixAnswer, type FixMixQuestion, UNTOUCHABLE_STEP_COST } from './meta';

/** The song whose stems the grader measures: A's, unless A leaves out desk tracks (then B's, which has them). */
function measureSource(q: FixMixQuestion & { source: SongSource }): SongSource {
  const muted = q.source.overrides?.mutedTracks ?? [];
  return q.production && q.tracks.some((t) => muted.includes(t.id)) ? q.production.source : q.source;
}

/**
 * Measures for a question: rendered only when tone or dynamics are graded (faders and pan need no audio). On an
 * imported song (never graded on dynamics) tone is weighted by each part's loop spectrum, which it carries.
 */
function measuresFor(q: FixMixQuestion): TrackMeasure[] {
  const flat = flatMeasures(q.tracks.length);
  if (q.source.type === 'imported-song') {
    if (q.dimensions.includes('dynamics'))
      throw new Error('fix-mix grades no compression on an imported song.');
    return flat.map((m, i) => ({
      ...m,
      spectrumWeights: weightsFromBands(ANALYSIS_CENTRES, q.bandsDb?.[i] ?? ANALYSIS_CENTRES.map(() => 0)),
    }));
  }
  if (q.dimensions.includes('tone') || q.dimensions.includes('dynamics'))
    return mixMeasures(
      measureSource(q as FixMixQuestion & { source: SongSource }),
      q.tracks.map((t) => t.id),
    );
  return flat;
}

/** Both steps graded (the review reads them). */
export interface FixMixGrade {
  diagnosis: DiagnosisGrade;
  repair: MixGrade;
  /** 0 … 1: the share of the faulty desk's distance closed (1 when only production faults were planted). */
  repairShare: number;
  score: number;
  correct: boolean;
}

/** Grades an answer: the rule is meta.scoringRule. */
export function gradeAnswer(q: FixMixQuestion, a: FixMixAnswer): FixMixGrade {
  const answer = (typeof a === 'object' && a !== null ? a : {}) as Partial<FixMixAnswer>;
  const diagnosis = gradeDiagnosis(q.faults, sanitiseClaims(answer.faults, q.choices));
  const given = Array.isArray(answer.tracks) ? answer.tracks : [];
  const repair = gradeMix(
    {
      names: q.tracks.map((t) => t.name),
      reference: q.reference,
      start: q.start,
      dimensions: q.dimensions,
      measures: measuresFor(q),
    },
    q.tracks.map((_, i) => given[i]),
  );
  const fixable = repair.startTotal > 0;
  const repairShare = fixable
    ? Math.min(1, Math.max(0, (repair.startTotal - repair.total) / repair.startTotal))
    : Math.max(0, 1 - UNTOUCHABLE_STEP_COST * repair.total);
  const raw = fixable
    ? DIAGNOSIS_POINTS * diagnosis.share + (100 - DIAGNOSIS_POINTS) * repairShare
    : 100 * diagnosis.share * repairShare;
  return {
    diagnosis,
    repair,
    repairShare,
    score: clampScore(raw),
    correct: diagnosis.exact && repair.correct,
  };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** One score for both steps; the feedback says what was named, how much was repaired, and what is still off. */
export function check(q: FixMixQuestion, a: FixMixAnswer): CheckResult {
  const g = gradeAnswer(q, a);
  const d = g.diagnosis;
  const named = d.perFault.filter((p) => p === 'found').length;
  const step1 = `You named ${named} of ${plural(q.faults.length, 'problem', 'problems')}${
    d.perFault.includes('wrong-track') ? ' (one on the wrong track)' : ''
  }${d.falseAlarms > 0 ? ` and raised ${plural(d.falseAlarms, 'false alarm', 'false alarms')}` : ''}.`;
  const fixable = g.repair.startTotal > 0;
  const closed = Math.round(100 * g.repairShare);
  const step2 = fixable
    ? ` Your repair closed ${closed} % of the gap to the good mix.`
    : g.repair.total > 0
      ? ' The problem was in the parts, yet you changed the desk.'
      : ' The problem was in the parts: right to leave the desk alone.';
  const missed = q.faults.filter((_, i) => d.perFault[i] !== 'found').map((f) => f.description);
  const tail = g.repair.worst.length > 0 ? ` Still off: ${g.repair.worst.join(' ')}` : '';
  const feedback = g.correct
    ? 'You found every problem and your mix sounds like the good one.'
    : `${step1}${step2}${missed.length > 0 ? ` Missed: ${missed[0]}` : ''}${tail}`;
  return {
    score: g.score,
    feedback,
    correct: g.correct,
    details: {
      diagnosisPercent: Math.round(100 * d.share),
      repairPercent: closed,
      found: d.found,
      falseAlarms: d.falseAlarms,
      planted: q.faults.map((f) => (f.track ? `${f.fault}:${f.track}` : f.fault)),
      plantedTracks: q.faults.map((f) =>
        f.track ? (q.tracks.find((t) => t.id === f.track)?.name ?? '') : '',
      ),
      perFault: d.perFault,
      dimensions: MIX_DIMENSIONS.filter((dim) => q.dimensions.includes(dim)),
      steps: g.repair.cells.map((c) => c.steps),
      total: g.repair.total,
      startTotal: g.repair.startTotal,
      worst: g.repair.worst,
    },
  };
}
