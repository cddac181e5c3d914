/**
 * Every choice question is audible (issue 13): real songs rendered by the pure renderer, every kind × level ×
 * SEEDS seeds (plus adaptive values), each question's planted difference measured with its kind's own
 * measure (shared/audibility.ts) and required to pass; the distribution per level is printed.
 */
import { afterAll, describe, expect, it } from 'vitest';
import * as compSpot from '../../src/exercises/comp-spot/generate';
import { meta as compSpotMeta } from '../../src/exercises/comp-spot/meta';
import * as delayTime from '../../src/exercises/delay-time/generate';
import { meta as delayTimeMeta } from '../../src/exercises/delay-time/meta';
import * as eqBoost from '../../src/exercises/eq-boost/generate';
import { meta as eqBoostMeta } from '../../src/exercises/eq-boost/meta';
import * as eqTwoBands from '../../src/exercises/eq-two-bands/generate';
import { meta as eqTwoBandsMeta } from '../../src/exercises/eq-two-bands/meta';
import * as filters from '../../src/exercises/filters/generate';
import { meta as filtersMeta } from '../../src/exercises/filters/meta';
import * as levelChange from '../../src/exercises/level-change/generate';
import { meta as levelChangeMeta } from '../../src/exercises/level-change/meta';
import * as loudness from '../../src/exercises/loudness/generate';
import { meta as loudnessMeta } from '../../src/exercises/loudness/meta';
import * as panPosition from '../../src/exercises/pan-position/generate';
import { meta as panPositionMeta } from '../../src/exercises/pan-position/meta';
import { audibility as prodOrMixAudibility } from '../../src/exercises/prod-or-mix/audibility';
import * as prodOrMix from '../../src/exercises/prod-or-mix/generate';
import { meta as prodOrMixMeta } from '../../src/exercises/prod-or-mix/meta';
import * as reverbTime from '../../src/exercises/reverb-time/generate';
import { meta as reverbTimeMeta } from '../../src/exercises/reverb-time/meta';
import * as reverbType from '../../src/exercises/reverb-type/generate';
import { meta as reverbTypeMeta } from '../../src/exercises/reverb-type/meta';
import * as saturation from '../../src/exercises/saturation/generate';
import { meta as saturationMeta } from '../../src/exercises/saturation/meta';
import { type Audibility, drawStats, isAudible, resetDrawStats } from '../../src/exercises/shared/audibility';
import { analyseSongLoop, trackProfile } from '../../src/exercises/shared/song-analysis';
import { EXCERPT_FIRST_BAR } from '../../src/exercises/shared/sources';
import * as stereoWidth from '../../src/exercises/stereo-width/generate';
import { meta as stereoWidthMeta } from '../../src/exercises/stereo-width/meta';
import { generateSong } from '../../src/production/generate-song';
import { installSampleBank } from '../../src/production/sampler/sample-bank';
import { testSampleBank } from '../production/sampler/bank-fixture';

// Questions are made on synthesis on every device (the same seed, the same question everywhere: an
// assignment, a teacher's re-check); the learner hears them with the sampled instruments, and so does this
// sweep's measure.
const BANK = await testSampleBank();
installSampleBank(BANK);

/** Makes a question as the app does (on synthesis), then leaves the samples installed for the measure. */
function asMade<T>(make: () => T): T {
  installSampleBank(null);
  try {
    return make();
  } finally {
    installSampleBank(BANK);
  }
}

/** Seeds per level (each a fresh song rendered at 24 kHz, ~0.1–0.3 s, more with re-draws). */
const SEEDS = Array.from({ length: 3 }, (_, i) => 1000 + i * 7919);

interface KindUnderTest {
  levels: number;
  generate(seed: number, level: number): unknown;
  audibility(q: unknown): Audibility;
  generateAt?(seed: number, value: number): unknown;
  adaptiveValues?: number[];
}

const KINDS: Record<string, KindUnderTest> = {
  'eq-boost': {
    levels: eqBoostMeta.levels.length,
    generate: eqBoost.generate,
    audibility: eqBoost.audibility as (q: unknown) => Audibility,
    generateAt: eqBoost.generateAt,
    adaptiveValues: [0.5, 3],
  },
  'level-change': {
    levels: levelChangeMeta.levels.length,
    generate: levelChange.generate,
    audibility: levelChange.audibility as (q: unknown) => Audibility,
    generateAt: levelChange.generateAt,
    adaptiveValues: [0.5, 2],
  },
  'pan-position': {
    levels: panPositionMeta.levels.length,
    generate: panPosition.generate,
    audibility: panPosition.audibility as (q: unknown) => Audibility,
    generateAt: panPosition.generateAt,
    adaptiveValues: [2, 8],
  },
  'comp-spot': {
    levels: compSpotMeta.levels.length,
    generate: compSpot.generate,
    audibility: compSpot.audibility as (q: unknown) => Audibility,
  },
  'reverb-time': {
    levels: reverbTimeMeta.levels.length,
    generate: reverbTime.generate,
    audibility: reverbTime.audibility as (q: unknown) => Audibility,
  },
  'delay-time': {
    levels: delayTimeMeta.levels.length,
    generate: delayTime.generate,
    audibility: delayTime.audibility as (q: unknown) => Audibility,
  },
  'eq-two-bands': {
    levels: eqTwoBandsMeta.levels.length,
    generate: eqTwoBands.generate,
    audibility: eqTwoBands.audibility as (q: unknown) => Audibility,
    generateAt: eqTwoBands.generateAt,
    adaptiveValues: [1, 4],
  },
  loudness: {
    levels: loudnessMeta.levels.length,
    generate: loudness.generate,
    audibility: loudness.audibility as (q: unknown) => Audibility,
    generateAt: loudness.generateAt,
    adaptiveValues: [0.2, 1],
  },
  'prod-or-mix': {
    levels: prodOrMixMeta.levels.length,
    generate: prodOrMix.generate,
    audibility: prodOrMixAudibility as (q: unknown) => Audibility,
  },
  'stereo-width': {
    levels: stereoWidthMeta.levels.length,
    generate: stereoWidth.generate,
    audibility: stereoWidth.audibility as (q: unknown) => Audibility,
    generateAt: stereoWidth.generateAt,
    adaptiveValues: [5, 30],
  },
  filters: {
    levels: filtersMeta.levels.length,
    generate: filters.generate,
    audibility: filters.audibility as (q: unknown) => Audibility,
    generateAt: filters.generateAt,
    adaptiveValues: [0.05, 0.3],
  },
  saturation: {
    levels: saturationMeta.levels.length,
    generate: saturation.generate,
    audibility: saturation.audibility as (q: unknown) => Audibility,
    generateAt: saturation.generateAt,
    adaptiveValues: [1, 8],
  },
  'reverb-type': {
    levels: reverbTypeMeta.levels.length,
    generate: reverbType.generate,
    audibility: reverbType.audibility as (q: unknown) => Audibility,
    generateAt: reverbType.generateAt,
    adaptiveValues: [1.1, 4],
  },
};

const report: string[] = [];

function quantiles(values: number[]): string {
  const s = [...values].sort((a, b) => a - b);
  const at = (p: number) => (s[Math.min(s.length - 1, Math.floor(p * (s.length - 1)))] as number).toFixed(2);
  return `min ${at(0)} · median ${at(0.5)} · max ${at(1)}`;
}

describe('every generated question is audible', () => {
  for (const [id, kind] of Object.entries(KINDS)) {
    it(`${id}: every level and adaptive value`, () => {
      resetDrawStats();
      const cases: [string, (seed: number) => unknown][] = [];
      for (let level = 1; level <= kind.levels; level++) {
        cases.push([`level ${level}`, (seed) => kind.generate(seed, level)]);
      }
      for (const v of kind.adaptiveValues ?? []) {
        cases.push([`adaptive ${v}`, (seed) => kind.generateAt?.(seed, v)]);
      }
      const failures: string[] = [];
      for (const [name, make] of cases) {
        const planted: number[] = [];
        const ratios: number[] = [];
        for (const seed of SEEDS) {
          const q = asMade(() => make(seed));
          const a = kind.audibility(q);
          planted.push(a.planted);
          ratios.push(a.required > 0 ? a.planted / a.required : 1);
          if (!isAudible(a)) failures.push(`${name} seed ${seed}: ${JSON.stringify(a)}`);
        }
        report.push(`${id} ${name}: planted ${quantiles(planted)}; planted/required ${quantiles(ratios)}`);
      }
      const s = { ...drawStats };
      report.push(
        `${id}: ${s.questions} questions, first draw inaudible ${s.firstDrawInaudible} (${Math.round((100 * s.firstDrawInaudible) / Math.max(1, s.questions))} %), ${s.redraws} re-draws, gave up ${s.gaveUp}`,
      );
      expect(failures).toEqual([]);
      expect(s.gaveUp).toBe(0);
    }, 120_000);
  }

  afterAll(() => {
    console.log(
      `Planted differences (band changes in dB; room and echo shares 0–1; comp-spot measured dB):\n${report.join('\n')}`,
    );
  });
});

describe('the loop is the body of the song', () => {
  it('is a full-band chorus: drums, bass and chords play in every half-bar, and the song goes on after it', () => {
    for (const seed of SEEDS) {
      const source = (levelChange.generate(seed, 1) as { source: Parameters<typeof analyseSongLoop>[0] })
        .source;
      const song = generateSong(source.seed, source.style, source.overrides);
      const section = song.sections.find((s) => s.startBar === EXCERPT_FIRST_BAR);
      expect(section?.name).toBe('chorus');
      expect(song.arrangement.bars).toBeGreaterThan(EXCERPT_FIRST_BAR + (section?.bars ?? 0));
      const analysis = analyseSongLoop(source);
      for (const id of ['kick', 'snare', 'bass', 'chords'] as const) {
        expect(trackProfile(analysis, id).activity, `${source.style} ${id}`).toBe(1);
      }
    }
  }, 30_000);
});
