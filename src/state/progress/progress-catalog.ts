/**
 * What the progress page knows about each exercise kind, read from the kinds' meta files only (not the
 * registry), so the Progress page does not load every kind's generator and scorer.
 */
import { meta as compMatch } from '../../exercises/comp-match/meta';
import { meta as compSpot } from '../../exercises/comp-spot/meta';
import { meta as delayTime } from '../../exercises/delay-time/meta';
import { meta as eqBoost } from '../../exercises/eq-boost/meta';
import { meta as eqMatch } from '../../exercises/eq-match/meta';
import { meta as eqTwoBands } from '../../exercises/eq-two-bands/meta';
import { meta as faderBalance } from '../../exercises/fader-balance/meta';
import { meta as filters } from '../../exercises/filters/meta';
import { meta as fixMix } from '../../exercises/fix-mix/meta';
import { meta as levelChange } from '../../exercises/level-change/meta';
import { meta as loudness } from '../../exercises/loudness/meta';
import { meta as loudnessMatch } from '../../exercises/loudness-match/meta';
import { meta as mixMatch } from '../../exercises/mix-match/meta';
import { meta as panPosition } from '../../exercises/pan-position/meta';
import { meta as prodOrMix } from '../../exercises/prod-or-mix/meta';
import { meta as resonance } from '../../exercises/resonance/meta';
import { meta as reverbTime } from '../../exercises/reverb-time/meta';
import { meta as reverbType } from '../../exercises/reverb-type/meta';
import { meta as saturation } from '../../exercises/saturation/meta';
import { meta as stereoWidth } from '../../exercises/stereo-width/meta';
import type { ExerciseMeta } from '../../exercises/types';
import type { KindInfo } from '../../training/progress-records';

// Menu order, as in the registry's exerciseIds (a test keeps the two in step).
const METAS: readonly ExerciseMeta[] = [
  eqBoost,
  eqMatch,
  compMatch,
  compSpot,
  faderBalance,
  levelChange,
  panPosition,
  reverbTime,
  reverbType,
  delayTime,
  prodOrMix,
  mixMatch,
  fixMix,
  stereoWidth,
  filters,
  saturation,
  loudness,
  eqTwoBands,
  resonance,
  loudnessMatch,
];

/** Every exercise kind as the progress analytics see it, in menu order. */
export const progressKinds: readonly KindInfo[] = METAS.map((m) => {
  const kind: KindInfo = {
    id: m.id,
    title: m.title,
    skill: m.skill,
    levelNames: m.levels.map((l) => l.name),
  };
  if (m.mainVariable) kind.mainVariable = m.mainVariable;
  return kind;
});
