/** Every exercise kind's pure half (meta, generate, solve, check), by id. Playing lives elsewhere. */
import { check as compMatchCheck } from './comp-match/check';
import { generate as compMatchGenerate } from './comp-match/generate';
import type { CompMatchAnswer, CompMatchQuestion } from './comp-match/meta';
import { meta as compMatchMeta } from './comp-match/meta';
import { solve as compMatchSolve } from './comp-match/solve';
import { start as compMatchStart } from './comp-match/start';
import { check as compSpotCheck } from './comp-spot/check';
import { generate as compSpotGenerate, generateAt as compSpotGenerateAt } from './comp-spot/generate';
import type { CompSpotAnswer, CompSpotQuestion } from './comp-spot/meta';
import { meta as compSpotMeta } from './comp-spot/meta';
import { solve as compSpotSolve } from './comp-spot/solve';
import { check as delayTimeCheck } from './delay-time/check';
import { generate as delayTimeGenerate } from './delay-time/generate';
import type { DelayTimeAnswer, DelayTimeQuestion } from './delay-time/meta';
import { meta as delayTimeMeta } from './delay-time/meta';
import { solve as delayTimeSolve } from './delay-time/solve';
import { check as eqBoostCheck } from './eq-boost/check';
import { generate as eqBoostGenerate, generateAt as eqBoostGenerateAt } from './eq-boost/generate';
import type { EqBoostAnswer, EqBoostQuestion } from './eq-boost/meta';
import { meta as eqBoostMeta } from './eq-boost/meta';
import { solve as eqBoostSolve } from './eq-boost/solve';
import { check as eqMatchCheck } from './eq-match/check';
import { generate as eqMatchGenerate } from './eq-match/generate';
import type { EqMatchAnswer, EqMatchQuestion } from './eq-match/meta';
import { meta as eqMatchMeta } from './eq-match/meta';
import { solve as eqMatchSolve } from './eq-match/solve';
import { start as eqMatchStart } from './eq-match/start';
import { check as eqTwoBandsCheck } from './eq-two-bands/check';
import { generate as eqTwoBandsGenerate, generateAt as eqTwoBandsGenerateAt } from './eq-two-bands/generate';
import type { EqTwoBandsAnswer, EqTwoBandsQuestion } from './eq-two-bands/meta';
import { meta as eqTwoBandsMeta } from './eq-two-bands/meta';
import { solve as eqTwoBandsSolve } from './eq-two-bands/solve';
import { check as faderBalanceCheck } from './fader-balance/check';
import { generate as faderBalanceGenerate } from './fader-balance/generate';
import type { FaderBalanceAnswer, FaderBalanceQuestion } from './fader-balance/meta';
import { meta as faderBalanceMeta } from './fader-balance/meta';
import { solve as faderBalanceSolve } from './fader-balance/solve';
import { start as faderBalanceStart } from './fader-balance/start';
import { check as filtersCheck } from './filters/check';
import { generate as filtersGenerate, generateAt as filtersGenerateAt } from './filters/generate';
import type { FiltersAnswer, FiltersQuestion } from './filters/meta';
import { meta as filtersMeta } from './filters/meta';
import { solve as filtersSolve } from './filters/solve';
import { check as fixMixCheck } from './fix-mix/check';
import { generate as fixMixGenerate } from './fix-mix/generate';
import type { FixMixAnswer, FixMixQuestion } from './fix-mix/meta';
import { meta as fixMixMeta } from './fix-mix/meta';
import { solve as fixMixSolve } from './fix-mix/solve';
import { start as fixMixStart } from './fix-mix/start';
import { check as levelChangeCheck } from './level-change/check';
import {
  generate as levelChangeGenerate,
  generateAt as levelChangeGenerateAt,
} from './level-change/generate';
import type { LevelChangeAnswer, LevelChangeQuestion } from './level-change/meta';
import { meta as levelChangeMeta } from './level-change/meta';
import { solve as levelChangeSolve } from './level-change/solve';
import { check as loudnessCheck } from './loudness/check';
import { generate as loudnessGenerate, generateAt as loudnessGenerateAt } from './loudness/generate';
import type { LoudnessAnswer, LoudnessQuestion } from './loudness/meta';
import { meta as loudnessMeta } from './loudness/meta';
import { solve as loudnessSolve } from './loudness/solve';
import { check as loudnessMatchCheck } from './loudness-match/check';
import { generate as loudnessMatchGenerate } from './loudness-match/generate';
import type { LoudnessMatchAnswer, LoudnessMatchQuestion } from './loudness-match/meta';
import { meta as loudnessMatchMeta } from './loudness-match/meta';
import { solve as loudnessMatchSolve } from './loudness-match/solve';
import { start as loudnessMatchStart } from './loudness-match/start';
import { check as mixMatchCheck } from './mix-match/check';
import { generate as mixMatchGenerate } from './mix-match/generate';
import type { MixMatchAnswer, MixMatchQuestion } from './mix-match/meta';
import { meta as mixMatchMeta } from './mix-match/meta';
import { solve as mixMatchSolve } from './mix-match/solve';
import { start as mixMatchStart } from './mix-match/start';
import { check as panPositionCheck } from './pan-position/check';
import {
  generate as panPositionGenerate,
  generateAt as panPositionGenerateAt,
} from './pan-position/generate';
import type { PanPositionAnswer, PanPositionQuestion } from './pan-position/meta';
import { meta as panPositionMeta } from './pan-position/meta';
import { solve as panPositionSolve } from './pan-position/solve';
import { check as prodOrMixCheck } from './prod-or-mix/check';
import { generate as prodOrMixGenerate } from './prod-or-mix/generate';
import type { ProdOrMixAnswer, ProdOrMixQuestion } from './prod-or-mix/meta';
import { meta as prodOrMixMeta } from './prod-or-mix/meta';
import { solve as prodOrMixSolve } from './prod-or-mix/solve';
import { check as resonanceCheck } from './resonance/check';
import { generate as resonanceGenerate } from './resonance/generate';
import type { ResonanceAnswer, ResonanceQuestion } from './resonance/meta';
import { meta as resonanceMeta } from './resonance/meta';
import { solve as resonanceSolve } from './resonance/solve';
import { start as resonanceStart } from './resonance/start';
import { check as reverbTimeCheck } from './reverb-time/check';
import { generate as reverbTimeGenerate } from './reverb-time/generate';
import type { ReverbTimeAnswer, ReverbTimeQuestion } from './reverb-time/meta';
import { meta as reverbTimeMeta } from './reverb-time/meta';
import { solve as reverbTimeSolve } from './reverb-time/solve';
import { check as reverbTypeCheck } from './reverb-type/check';
import { generate as reverbTypeGenerate, generateAt as reverbTypeGenerateAt } from './reverb-type/generate';
import type { ReverbTypeAnswer, ReverbTypeQuestion } from './reverb-type/meta';
import { meta as reverbTypeMeta } from './reverb-type/meta';
import { solve as reverbTypeSolve } from './reverb-type/solve';
import { check as saturationCheck } from './saturation/check';
import { generate as saturationGenerate, generateAt as saturationGenerateAt } from './saturation/generate';
import type { SaturationAnswer, SaturationQuestion } from './saturation/meta';
import { meta as saturationMeta } from './saturation/meta';
import { solve as saturationSolve } from './saturation/solve';
import { check as stereoWidthCheck } from './stereo-width/check';
import {
  generate as stereoWidthGenerate,
  generateAt as stereoWidthGenerateAt,
} from './stereo-width/generate';
import type { StereoWidthAnswer, StereoWidthQuestion } from './stereo-width/meta';
import { meta as stereoWidthMeta } from './stereo-width/meta';
import { solve as stereoWidthSolve } from './stereo-width/solve';
import type { CheckResult, ExerciseKind, QuestionBase } from './types';

/** Question and answer types per kind id. */
export interface ExerciseTypes {
  'eq-boost': { question: EqBoostQuestion; answer: EqBoostAnswer };
  'eq-match': { question: EqMatchQuestion; answer: EqMatchAnswer };
  'comp-match': { question: CompMatchQuestion; answer: CompMatchAnswer };
  'comp-spot': { question: CompSpotQuestion; answer: CompSpotAnswer };
  'fader-balance': { question: FaderBalanceQuestion; answer: FaderBalanceAnswer };
  'level-change': { question: LevelChangeQuestion; answer: LevelChangeAnswer };
  'pan-position': { question: PanPositionQuestion; answer: PanPositionAnswer };
  'reverb-time': { question: ReverbTimeQuestion; answer: ReverbTimeAnswer };
  'reverb-type': { question: ReverbTypeQuestion; answer: ReverbTypeAnswer };
  'loudness-match': { question: LoudnessMatchQuestion; answer: LoudnessMatchAnswer };
  'delay-time': { question: DelayTimeQuestion; answer: DelayTimeAnswer };
  'prod-or-mix': { question: ProdOrMixQuestion; answer: ProdOrMixAnswer };
  'mix-match': { question: MixMatchQuestion; answer: MixMatchAnswer };
  'fix-mix': { question: FixMixQuestion; answer: FixMixAnswer };
  'stereo-width': { question: StereoWidthQuestion; answer: StereoWidthAnswer };
  filters: { question: FiltersQuestion; answer: FiltersAnswer };
  saturation: { question: SaturationQuestion; answer: SaturationAnswer };
  loudness: { question: LoudnessQuestion; answer: LoudnessAnswer };
  'eq-two-bands': { question: EqTwoBandsQuestion; answer: EqTwoBandsAnswer };
  resonance: { question: ResonanceQuestion; answer: ResonanceAnswer };
}

/** The id of an exercise kind. */
export type ExerciseId = keyof ExerciseTypes;

/** Any kind's question (discriminated by `kind`). */
export type ExerciseQuestion = ExerciseTypes[ExerciseId]['question'];

/** Any kind's answer. */
export type ExerciseAnswer = ExerciseTypes[ExerciseId]['answer'];

/** One kind with its exact question and answer types. */
export type TypedExercise<K extends ExerciseId> = ExerciseKind<
  ExerciseTypes[K]['question'],
  ExerciseTypes[K]['answer']
>;

/** A kind seen generically (what menus, drills and the classroom use). */
export type AnyExercise = ExerciseKind<QuestionBase, unknown>;

/** Every kind with its exact types. */
export const typedExercises: { readonly [K in ExerciseId]: TypedExercise<K> } = {
  'eq-boost': {
    meta: eqBoostMeta,
    generate: eqBoostGenerate,
    solve: eqBoostSolve,
    check: eqBoostCheck,
    generateAt: eqBoostGenerateAt,
  },
  'eq-match': {
    meta: eqMatchMeta,
    generate: eqMatchGenerate,
    solve: eqMatchSolve,
    check: eqMatchCheck,
    start: eqMatchStart,
  },
  'comp-match': {
    meta: compMatchMeta,
    generate: compMatchGenerate,
    solve: compMatchSolve,
    check: compMatchCheck,
    start: compMatchStart,
  },
  'comp-spot': {
    meta: compSpotMeta,
    generate: compSpotGenerate,
    solve: compSpotSolve,
    check: compSpotCheck,
    generateAt: compSpotGenerateAt,
  },
  'fader-balance': {
    meta: faderBalanceMeta,
    generate: faderBalanceGenerate,
    solve: faderBalanceSolve,
    check: faderBalanceCheck,
    start: faderBalanceStart,
  },
  'level-change': {
    meta: levelChangeMeta,
    generate: levelChangeGenerate,
    solve: levelChangeSolve,
    check: levelChangeCheck,
    generateAt: levelChangeGenerateAt,
  },
  'pan-position': {
    meta: panPositionMeta,
    generate: panPositionGenerate,
    solve: panPositionSolve,
    check: panPositionCheck,
    generateAt: panPositionGenerateAt,
  },
  'reverb-time': {
    meta: reverbTimeMeta,
    generate: reverbTimeGenerate,
    solve: reverbTimeSolve,
    check: reverbTimeCheck,
  },
  'reverb-type': {
    meta: reverbTypeMeta,
    generate: reverbTypeGenerate,
    solve: reverbTypeSolve,
    check: reverbTypeCheck,
    generateAt: reverbTypeGenerateAt,
  },
  'delay-time': {
    meta: delayTimeMeta,
    generate: delayTimeGenerate,
    solve: delayTimeSolve,
    check: delayTimeCheck,
  },
  'prod-or-mix': {
    meta: prodOrMixMeta,
    generate: prodOrMixGenerate,
    solve: prodOrMixSolve,
    check: prodOrMixCheck,
  },
  'mix-match': {
    meta: mixMatchMeta,
    generate: mixMatchGenerate,
    solve: mixMatchSolve,
    check: mixMatchCheck,
    start: mixMatchStart,
  },
  'fix-mix': {
    meta: fixMixMeta,
    generate: fixMixGenerate,
    solve: fixMixSolve,
    check: fixMixCheck,
    start: fixMixStart,
  },
  'stereo-width': {
    meta: stereoWidthMeta,
    generate: stereoWidthGenerate,
    solve: stereoWidthSolve,
    check: stereoWidthCheck,
    generateAt: stereoWidthGenerateAt,
  },
  filters: {
    meta: filtersMeta,
    generate: filtersGenerate,
    solve: filtersSolve,
    check: filtersCheck,
    generateAt: filtersGenerateAt,
  },
  saturation: {
    meta: saturationMeta,
    generate: saturationGenerate,
    solve: saturationSolve,
    check: saturationCheck,
    generateAt: saturationGenerateAt,
  },
  loudness: {
    meta: loudnessMeta,
    generate: loudnessGenerate,
    solve: loudnessSolve,
    check: loudnessCheck,
    generateAt: loudnessGenerateAt,
  },
  'eq-two-bands': {
    meta: eqTwoBandsMeta,
    generate: eqTwoBandsGenerate,
    solve: eqTwoBandsSolve,
    check: eqTwoBandsCheck,
    generateAt: eqTwoBandsGenerateAt,
  },
  resonance: {
    meta: resonanceMeta,
    generate: resonanceGenerate,
    solve: resonanceSolve,
    check: resonanceCheck,
    start: resonanceStart,
  },
  'loudness-match': {
    meta: loudnessMatchMeta,
    generate: loudnessMatchGenerate,
    solve: loudnessMatchSolve,
    check: loudnessMatchCheck,
    start: loudnessMatchStart,
  },
};

/** Every kind by id: `{ meta, generate, solve, check, generateAt? }`. */
export const exercises: Readonly<Record<ExerciseId, AnyExercise>> = typedExercises;

/** The kind ids, in menu order. */
export const exerciseIds: readonly ExerciseId[] = [
  'eq-boost',
  'eq-match',
  'comp-match',
  'comp-spot',
  'fader-balance',
  'level-change',
  'pan-position',
  'reverb-time',
  'reverb-type',
  'delay-time',
  'prod-or-mix',
  'mix-match',
  'fix-mix',
  'stereo-width',
  'filters',
  'saturation',
  'loudness',
  'eq-two-bands',
  'resonance',
  'loudness-match',
];

/** Whether a string names a kind (own keys only). */
export function isExerciseId(id: string): id is ExerciseId {
  return Object.hasOwn(typedExercises, id);
}

/** Grades any question with its own kind's check (the question's `kind` picks the kind). */
export function checkAnswer(question: ExerciseQuestion, answer: unknown): CheckResult {
  return exercises[question.kind].check(question, answer);
}
