/**
 * Level matching within 0.5 LU of what is heard (issue 13): for a sample of questions per kind, the trim the
 * app measures at the kind's measureRate against the trim of the full-rate mix the learner hears, both with
 * the pure mix (src/engine/pure-mix.ts, the engine's maths). A kind measuring below the playing rate is
 * emulated by preparing the same question from stems rendered at that rate (what drops above its Nyquist).
 */
import { describe, expect, it } from 'vitest';
import { measurePureMixLoudness } from '../../src/engine/pure-mix';
import { play as compMatch } from '../../src/exercises/comp-match/play';
import { play as compSpot } from '../../src/exercises/comp-spot/play';
import { play as delayTime } from '../../src/exercises/delay-time/play';
import { play as eqBoost } from '../../src/exercises/eq-boost/play';
import { play as faderBalance } from '../../src/exercises/fader-balance/play';
import { play as filters } from '../../src/exercises/filters/play';
import { play as panPosition } from '../../src/exercises/pan-position/play';
import { play as prodOrMix } from '../../src/exercises/prod-or-mix/play';
import { type ExerciseId, exercises } from '../../src/exercises/registry';
import { play as reverbTime } from '../../src/exercises/reverb-time/play';
import { play as saturation } from '../../src/exercises/saturation/play';
import type { KindPlay, PlayEnv, SideSpec } from '../../src/exercises/shared/play-types';
import { play as stereoWidth } from '../../src/exercises/stereo-width/play';
import { generateSong } from '../../src/production/generate-song';
import { renderStemsSync } from '../../src/production/render-stems';

/** The rate the app plays at (a common AudioContext rate). */
const PLAY_RATE = 48000;
const SEEDS = [11, 12];

const PLAYS: Partial<Record<ExerciseId, KindPlay<never, never>>> = {
  'eq-boost': eqBoost as KindPlay<never, never>,
  'comp-match': compMatch as KindPlay<never, never>,
  'comp-spot': compSpot as KindPlay<never, never>,
  'fader-balance': faderBalance as KindPlay<never, never>,
  'pan-position': panPosition as KindPlay<never, never>,
  'reverb-time': reverbTime as KindPlay<never, never>,
  'delay-time': delayTime as KindPlay<never, never>,
  'prod-or-mix': prodOrMix as KindPlay<never, never>,
  'stereo-width': stereoWidth as KindPlay<never, never>,
  filters: filters as KindPlay<never, never>,
  saturation: saturation as KindPlay<never, never>,
};

function env(sampleRate: number): PlayEnv {
  return {
    sampleRate,
    loadSong: async (s) => renderStemsSync(generateSong(s.seed, s.style, s.overrides), { sampleRate }),
  };
}

function trim(a: SideSpec, b: SideSpec, rate: number): number {
  const pure = (s: SideSpec) => ({ tracks: s.tracks, bpm: s.bpm, reverb: s.reverb, delay: s.delay });
  return measurePureMixLoudness(pure(b), rate) - measurePureMixLoudness(pure(a), rate);
}

describe('level matching within 0.5 LU of what is heard', () => {
  for (const [id, play] of Object.entries(PLAYS) as [ExerciseId, KindPlay<never, never>][]) {
    it(`${id}: the trim at measureRate is the full-rate trim ±0.5 LU`, async () => {
      const kind = exercises[id];
      for (const seed of SEEDS) {
        const q = kind.generate(seed, kind.meta.levels.length) as never;
        const heard = await play.prepare(q, env(PLAY_RATE));
        if (!heard.levelMatch.allowed) continue;
        const full = trim(heard.question.a, heard.question.b, PLAY_RATE);
        let measured = full;
        if (heard.measureRate < PLAY_RATE) {
          const low = await play.prepare(q, env(heard.measureRate));
          measured = trim(low.question.a, low.question.b, heard.measureRate);
        }
        expect(Math.abs(measured - full), `${id} seed ${seed}: ${measured} vs ${full}`).toBeLessThanOrEqual(
          0.5,
        );
      }
    }, 120_000);
  }
});
