/**
 * The play half of every exercise kind, by id: what the engine plays for a question. Only the app loads
 * this (Node never does: it imports the engine); the pure half is in registry.ts.
 */
import { play as compMatch } from './comp-match/play';
import { play as compSpot } from './comp-spot/play';
import { play as delayTime } from './delay-time/play';
import { play as eqBoost } from './eq-boost/play';
import { play as eqMatch } from './eq-match/play';
import { play as eqTwoBands } from './eq-two-bands/play';
import { play as faderBalance } from './fader-balance/play';
import { play as filters } from './filters/play';
import { play as fixMix } from './fix-mix/play';
import { play as levelChange } from './level-change/play';
import { play as loudness } from './loudness/play';
import { play as loudnessMatch } from './loudness-match/play';
import { play as mixMatch } from './mix-match/play';
import { play as panPosition } from './pan-position/play';
import { play as prodOrMix } from './prod-or-mix/play';
import type { ExerciseId, ExerciseTypes } from './registry';
import { play as resonance } from './resonance/play';
import { play as reverbTime } from './reverb-time/play';
import { play as reverbType } from './reverb-type/play';
import { play as saturation } from './saturation/play';
import type { KindPlay } from './shared/play-types';
import { play as stereoWidth } from './stereo-width/play';

export {
  createPlayback,
  measureQuestionLoudness,
  type PairLoudness,
  type PlaybackOptions,
} from './shared/play-ab';
export { measureSideLoudness, renderSide } from './shared/play-scene';
export type * from './shared/play-types';

/** Every kind's play half with its exact question and answer types. */
export const plays: {
  readonly [K in ExerciseId]: KindPlay<ExerciseTypes[K]['question'], ExerciseTypes[K]['answer']>;
} = {
  'eq-boost': eqBoost,
  'eq-match': eqMatch,
  'comp-match': compMatch,
  'comp-spot': compSpot,
  'fader-balance': faderBalance,
  'level-change': levelChange,
  'pan-position': panPosition,
  'reverb-time': reverbTime,
  'reverb-type': reverbType,
  'loudness-match': loudnessMatch,
  'delay-time': delayTime,
  'prod-or-mix': prodOrMix,
  'mix-match': mixMatch,
  'fix-mix': fixMix,
  'stereo-width': stereoWidth,
  filters,
  saturation,
  loudness,
  'eq-two-bands': eqTwoBands,
  resonance,
};

/** A kind's play half seen generically (the drill holds questions and answers as plain data). */
export function playFor(kind: ExerciseId): KindPlay<unknown, unknown> {
  return plays[kind] as unknown as KindPlay<unknown, unknown>;
}
