/**
 * Test-taking tricks on the choice kinds, from the learner's side: always the first, last or middle choice,
 * or a random guess, must not pass (mean score under 60 on every level; lessons pass at 70 or more), and
 * neighbour credit on ordered choices must not make a fixed pick pay.
 */
import { describe, expect, it, vi } from 'vitest';
import { createRng, type Rng } from '../../src/dsp/random';
import type { CompSpotQuestion } from '../../src/exercises/comp-spot/meta';
import type { DelayTimeQuestion } from '../../src/exercises/delay-time/meta';
import type { EqBoostQuestion } from '../../src/exercises/eq-boost/meta';
import type { EqTwoBandsQuestion } from '../../src/exercises/eq-two-bands/meta';
import type { FiltersQuestion } from '../../src/exercises/filters/meta';
import type { LevelChangeQuestion } from '../../src/exercises/level-change/meta';
import type { LoudnessQuestion } from '../../src/exercises/loudness/meta';
import { CHANGES, type ProdOrMixQuestion } from '../../src/exercises/prod-or-mix/meta';
import { exercises } from '../../src/exercises/registry';
import type { ReverbTimeQuestion } from '../../src/exercises/reverb-time/meta';
import type { ReverbTypeQuestion } from '../../src/exercises/reverb-type/meta';
import type { SaturationQuestion } from '../../src/exercises/saturation/meta';
import type { StereoWidthQuestion } from '../../src/exercises/stereo-width/meta';
import type { QuestionBase } from '../../src/exercises/types';

// Generators re-draw inaudible questions from an analysed render of each song; this file checks the kind's
// rules, so every song is one synthetic loop (tests/exercises/audibility.test.ts renders real songs).
vi.mock('../../src/exercises/shared/song-analysis', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/exercises/shared/song-analysis')>();
  const { syntheticAnalysis } = await import('./fixtures');
  const analysis = syntheticAnalysis(original.ANALYSIS_CENTRES, original.ANALYSIS_RATE);
  return { ...original, analyseSongLoop: () => analysis };
});

type Pick = 'first' | 'last' | 'middle' | 'random';
const PICKS: readonly Pick[] = ['first', 'last', 'middle', 'random'];

function choose<T>(list: readonly T[], how: Pick, rng: Rng): T {
  if (how === 'first') return list[0] as T;
  if (how === 'last') return list[list.length - 1] as T;
  if (how === 'middle') return list[Math.floor((list.length - 1) / 2)] as T;
  return rng.pick(list);
}

/** How each choice kind's answer is made from a picking strategy. */
const answerers: Record<string, (q: QuestionBase, how: Pick, rng: Rng) => unknown> = {
  'eq-boost': (q, how, rng) => {
    const e = q as EqBoostQuestion;
    return { bandHz: choose(e.bandsHz, how, rng), direction: choose(['boost', 'cut'] as const, how, rng) };
  },
  'comp-spot': (q, how, rng) => ({ choice: choose((q as CompSpotQuestion).choices, how, rng) }),
  'delay-time': (q, how, rng) => ({ note: choose((q as DelayTimeQuestion).noteChoices, how, rng) }),
  'stereo-width': (q, how, rng) => ({ choice: choose((q as StereoWidthQuestion).choices, how, rng) }),
  filters: (q, how, rng) => ({ choice: choose((q as FiltersQuestion).choices, how, rng) }),
  saturation: (q, how, rng) => ({ choice: choose((q as SaturationQuestion).choices, how, rng) }),
  'reverb-type': (q, how, rng) => ({ choice: choose((q as ReverbTypeQuestion).choices, how, rng) }),
  'reverb-time': (q, how, rng) => {
    const r = q as ReverbTimeQuestion;
    return {
      decayS: choose(r.decayChoicesS, how, rng),
      preDelayMs: r.askPreDelay ? choose(r.preDelayChoicesMs, how, rng) : undefined,
    };
  },
  'level-change': (q, how, rng) => {
    const l = q as LevelChangeQuestion;
    return {
      trackIndex: choose(
        l.tracks.map((_, i) => i),
        how,
        rng,
      ),
      direction: choose(['up', 'down'] as const, how, rng),
      amountDb: choose(l.amountsDb, how, rng),
    };
  },
  'eq-two-bands': (q, how, rng) => ({
    boostHz: choose((q as EqTwoBandsQuestion).bandsHz, how, rng),
    cutHz: choose((q as EqTwoBandsQuestion).bandsHz, how, rng),
  }),
  loudness: (q, how, rng) => ({
    side: choose(['A', 'B'] as const, how, rng),
    amountDb: (q as LoudnessQuestion).askAmount
      ? choose((q as LoudnessQuestion).amountsDb, how, rng)
      : undefined,
  }),
  'prod-or-mix': (q, how, rng) => {
    const category = choose(['production', 'mixing'] as const, how, rng);
    const p = q as ProdOrMixQuestion;
    return { category, change: p.askChange ? choose(CHANGES[category], how, rng) : undefined };
  },
};

describe.each(Object.keys(answerers))('%s: no fixed pick or guess passes', (id) => {
  const kind = exercises[id as keyof typeof exercises];
  it.each(PICKS)('always %s: mean under 60 on every level', (how) => {
    const rng = createRng(7);
    for (let level = 1; level <= kind.meta.levels.length; level++) {
      let total = 0;
      const n = 120;
      for (let seed = 1; seed <= n; seed++) {
        const q = kind.generate(seed, level);
        total += kind.check(q, answerers[id]!(q, how, rng)).score;
      }
      expect(total / n, `level ${level}`).toBeLessThan(60);
    }
  });
});
