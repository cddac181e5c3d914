/**
 * Whether a "hear every choice" audition can be heard: the kind's own audibility check (each kind's
 * generate.ts `audibility`, the one every scored question passes) on the question as if that choice were
 * planted. Pure.
 */
import { audibility as compSpot } from '../comp-spot/generate';
import { audibility as delayTime } from '../delay-time/generate';
import { audibility as eqBoost } from '../eq-boost/generate';
import { audibility as eqTwoBands } from '../eq-two-bands/generate';
import { audibility as filters } from '../filters/generate';
import { audibility as levelChange } from '../level-change/generate';
import { audibility as loudness } from '../loudness/generate';
import { audibility as panPosition } from '../pan-position/generate';
import { audibility as reverbTime } from '../reverb-time/generate';
import { audibility as reverbType } from '../reverb-type/generate';
import { audibility as saturation } from '../saturation/generate';
import { audibility as stereoWidth } from '../stereo-width/generate';
import type { QuestionBase } from '../types';
import { type Audibility, isAudible } from './audibility';

/** Each practice kind's audibility check. */
const CHECKS: Readonly<Record<string, (question: never) => Audibility>> = {
  'eq-boost': eqBoost,
  'reverb-time': reverbTime,
  'delay-time': delayTime,
  'pan-position': panPosition,
  'reverb-type': reverbType,
  'stereo-width': stereoWidth,
  filters,
  saturation,
  'comp-spot': compSpot,
  'level-change': levelChange,
  'eq-two-bands': eqTwoBands,
  loudness,
};

/** Whether the planted question passes its kind's audibility check (kinds without one: true). */
export function audibleToPlay(planted: QuestionBase): boolean {
  const check = CHECKS[planted.kind];
  return check ? isAudible(check(planted as never)) : true;
}
