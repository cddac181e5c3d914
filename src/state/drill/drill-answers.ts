/**
 * Answers as the drill holds them while the learner works: where a match kind's controls start, and when a
 * choice kind's answer has every part it needs (so Enter can submit).
 */
import type { EqBoostAnswer, EqBoostQuestion } from '../../exercises/eq-boost/meta';
import { type FixMixAnswer, TRACK_FAULTS } from '../../exercises/fix-mix/meta';
import type { LevelChangeAnswer, LevelChangeQuestion } from '../../exercises/level-change/meta';
import type { LoudnessQuestion } from '../../exercises/loudness/meta';
import type { ProdOrMixAnswer, ProdOrMixQuestion } from '../../exercises/prod-or-mix/meta';
import { type ExerciseId, type ExerciseQuestion, exercises } from '../../exercises/registry';
import type { ReverbTimeAnswer, ReverbTimeQuestion } from '../../exercises/reverb-time/meta';
import type { SongSource } from '../../exercises/types';

/** Kinds where the learner turns controls that B follows live (the answer always exists): those with `start`. */
export const MATCH_KINDS: readonly ExerciseId[] = (Object.keys(exercises) as ExerciseId[]).filter(
  (kind) => exercises[kind].start !== undefined,
);

/** The answer a question starts with: the kind's `start` for match kinds (it scores 0), nothing for choice kinds. */
export function initialAnswer(question: ExerciseQuestion): unknown {
  const start = exercises[question.kind].start;
  return start ? start(question) : null;
}

const has = (o: unknown, key: string): boolean =>
  typeof o === 'object' && o !== null && (o as Record<string, unknown>)[key] !== undefined;

/** fix-mix: at least one problem named, and a track for every problem that asks for one. */
function isDiagnosisComplete(a: FixMixAnswer): boolean {
  const faults = Array.isArray(a.faults) ? a.faults : [];
  return faults.length > 0 && faults.every((c) => !TRACK_FAULTS.includes(c.fault) || c.track !== undefined);
}

/** Whether an answer has every part the question asks for. */
export function isAnswerComplete(question: ExerciseQuestion, answer: unknown): boolean {
  if (answer === null || answer === undefined) return false;
  switch (question.kind) {
    case 'eq-boost': {
      const q = question as EqBoostQuestion;
      return has(answer, 'bandHz') && (!q.askDirection || has(answer as EqBoostAnswer, 'direction'));
    }
    case 'level-change': {
      const q = question as LevelChangeQuestion;
      const a = answer as LevelChangeAnswer;
      return has(a, 'trackIndex') && has(a, 'direction') && (!q.askAmount || has(a, 'amountDb'));
    }
    case 'reverb-time': {
      const q = question as ReverbTimeQuestion;
      return has(answer, 'decayS') && (!q.askPreDelay || has(answer as ReverbTimeAnswer, 'preDelayMs'));
    }
    case 'prod-or-mix': {
      const q = question as ProdOrMixQuestion;
      return has(answer, 'category') && (!q.askChange || has(answer as ProdOrMixAnswer, 'change'));
    }
    case 'pan-position':
      return has(answer, 'positionIndex');
    case 'delay-time':
      return has(answer, 'note');
    case 'comp-spot':
      return has(answer, 'choice');
    case 'fix-mix':
      return isDiagnosisComplete(answer as FixMixAnswer);
    case 'stereo-width':
    case 'filters':
    case 'saturation':
    case 'reverb-type':
      return has(answer, 'choice');
    case 'loudness':
      return has(answer, 'side') && (!(question as LoudnessQuestion).askAmount || has(answer, 'amountDb'));
    case 'eq-two-bands':
      return has(answer, 'boostHz') && has(answer, 'cutHz');
    default:
      return true;
  }
}

/** The generated songs a question plays (to render ahead of time). */
export function songSourcesOf(question: ExerciseQuestion): SongSource[] {
  const q = question as unknown as Record<string, unknown>;
  const out: SongSource[] = [];
  for (const key of ['source', 'stem', 'versionA', 'versionB']) {
    const s = q[key] as SongSource | undefined;
    if (s && s.type === 'song') out.push(s);
  }
  return out;
}
