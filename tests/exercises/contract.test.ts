import { describe, expect, it, vi } from 'vitest';
import { createRng } from '../../src/dsp/random';
import type { ExerciseQuestion } from '../../src/exercises/registry';
import { exerciseIds, exercises, isExerciseId, typedExercises } from '../../src/exercises/registry';
import { randomAnswer } from './fixtures';

// The contract loops generate 200 questions per level; comp-match scores them on one synthetic stem instead of
// re-synthesising 800 songs (tests/exercises/comp-match.test.ts covers the real renderer).
vi.mock('../../src/exercises/comp-match/stem-cache', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/exercises/comp-match/stem-cache')>();
  const { hitTrain: train } = await import('./fixtures');
  const stem = { channels: [train(4000, 0.5)], sampleRate: 4000 };
  return { ...original, stemSamplesForCheck: () => stem };
});
// mix-match likewise grades every track on one synthetic stem (tests/exercises/mix-match.test.ts renders songs).
vi.mock('../../src/exercises/shared/mix-measures', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/exercises/shared/mix-measures')>();
  const { syntheticMixMeasures } = await import('./fixtures');
  return { ...original, mixMeasures: await syntheticMixMeasures() };
});

// Generators re-draw inaudible questions from an analysed render of the song; here every song is one synthetic
// loop where every part plays throughout, evenly spread (tests/exercises/audibility.test.ts renders real songs).
vi.mock('../../src/exercises/shared/song-analysis', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/exercises/shared/song-analysis')>();
  const { syntheticAnalysis } = await import('./fixtures');
  const analysis = syntheticAnalysis(original.ANALYSIS_CENTRES, original.ANALYSIS_RATE);
  return { ...original, analyseSongLoop: () => analysis };
});

const SEEDS = Array.from({ length: 200 }, (_, i) => i + 1);

describe('registry', () => {
  it('lists the ten kinds of issue 5, each under its own id', () => {
    expect([...exerciseIds].sort()).toEqual(
      [
        'comp-match',
        'comp-spot',
        'delay-time',
        'eq-boost',
        'eq-match',
        'fader-balance',
        'level-change',
        'pan-position',
        'prod-or-mix',
        'mix-match',
        'fix-mix',
        'reverb-time',
        'stereo-width',
        'filters',
        'saturation',
        'reverb-type',
        'loudness-match',
        'loudness',
        'eq-two-bands',
        'resonance',
      ].sort(),
    );
    expect(Object.keys(exercises).sort()).toEqual([...exerciseIds].sort());
    for (const id of exerciseIds) {
      expect(exercises[id].meta.id).toBe(id);
      expect(typedExercises[id]).toBe(exercises[id]);
    }
  });

  it('gives every kind where the learner sets controls a start', () => {
    expect(exerciseIds.filter((id) => exercises[id].start !== undefined)).toEqual([
      'eq-match',
      'comp-match',
      'fader-balance',
      'mix-match',
      'fix-mix',
      'resonance',
      'loudness-match',
    ]);
  });

  it('knows its own ids only', () => {
    expect(isExerciseId('eq-boost')).toBe(true);
    expect(isExerciseId('constructor')).toBe(false);
    expect(isExerciseId('__proto__')).toBe(false);
  });

  it('gives every kind a title, skill, description, scoring sentence and named levels', () => {
    const skills = [
      'eq',
      'compression',
      'distortion',
      'faders',
      'pan',
      'stereo',
      'space',
      'production',
      'mixing',
    ];
    for (const id of exerciseIds) {
      const { meta } = exercises[id];
      expect(meta.title.length).toBeGreaterThan(3);
      expect(skills).toContain(meta.skill);
      expect(meta.description.length).toBeGreaterThan(20);
      expect(meta.scoring.length).toBeGreaterThan(10);
      // The first words a beginner reads carry no engineering shorthand; the exact rule is one click away.
      expect(meta.scoring).not.toMatch(/RMS|staircase|psychometric/i);
      expect(meta.scoringRule?.length ?? 0).toBeGreaterThan(20);
      expect(meta.levels.length).toBeGreaterThanOrEqual(3);
      for (const level of meta.levels) {
        expect(level.name.length).toBeGreaterThan(0);
        expect(level.description.length).toBeGreaterThan(0);
      }
      // Adaptive exactly when there is a main variable and a generateAt; otherwise a reason.
      expect(meta.adaptive).toBe(meta.mainVariable !== undefined);
      expect(meta.adaptive).toBe(exercises[id].generateAt !== undefined);
      if (!meta.adaptive) expect(meta.adaptiveNote?.length).toBeGreaterThan(10);
      if (meta.mainVariable) {
        const mv = meta.mainVariable;
        expect(mv.min).toBeLessThan(mv.max);
        expect(mv.start).toBeGreaterThanOrEqual(mv.min);
        expect(mv.start).toBeLessThanOrEqual(mv.max);
        expect(mv.baseLevel).toBeGreaterThanOrEqual(1);
        expect(mv.baseLevel).toBeLessThanOrEqual(meta.levels.length);
        expect(mv.min).toBeGreaterThan(0);
        expect(mv.chance).toBeGreaterThan(0);
        expect(mv.chance).toBeLessThanOrEqual(0.5);
      }
    }
  });

  it('makes eq-boost, level-change, pan-position and comp-spot adaptive, and says why eq-match and comp-match are not', () => {
    expect(exercises['eq-boost'].meta.mainVariable).toMatchObject({ unit: 'dB', easier: 'larger' });
    expect(exercises['level-change'].meta.mainVariable).toMatchObject({ unit: 'dB', easier: 'larger' });
    expect(exercises['pan-position'].meta.mainVariable).toMatchObject({
      unit: '% of the width',
      easier: 'larger',
    });
    // The guess rate of each adaptive kind's base level: one of ten bands; one of six tracks and up or down;
    // one of seven positions.
    expect(exercises['eq-boost'].meta.mainVariable?.chance).toBe(1 / 10);
    expect(exercises['level-change'].meta.mainVariable?.chance).toBe(1 / 12);
    expect(exercises['pan-position'].meta.mainVariable?.chance).toBe(1 / 7);
    // comp-spot's "which version is compressed?" steps the measured gain reduction; one of two sides by luck.
    expect(exercises['comp-spot'].meta.mainVariable).toMatchObject({
      unit: 'dB',
      easier: 'larger',
      chance: 0.5,
    });
    expect(exercises['eq-match'].meta.adaptive).toBe(false);
    expect(exercises['comp-match'].meta.adaptive).toBe(false);
  });
});

describe.each(exerciseIds)('%s', (id) => {
  const kind = exercises[id];
  const levels = kind.meta.levels.map((_, i) => i + 1);

  it.each(levels)(
    'level %i: deterministic, JSON-safe, and the solution scores 100 for seeds 1–200',
    (level) => {
      for (const seed of SEEDS) {
        const q = kind.generate(seed, level);
        expect(kind.generate(seed, level)).toStrictEqual(q);
        expect(JSON.parse(JSON.stringify(q))).toStrictEqual(q);
        expect(q).toMatchObject({ kind: id, seed, level });
        const result = kind.check(q, kind.solve(q));
        if (result.score !== 100)
          throw new Error(`${id} level ${level} seed ${seed}: ${result.score} ${result.feedback}`);
        expect(result.correct).toBe(true);
        expect(result.feedback).not.toMatch(/RMS/);
        // Kinds where the learner sets controls: the controls as first shown earn nothing.
        if (kind.start) {
          const untouched = kind.check(q, kind.start(q));
          if (untouched.score !== 0 || untouched.correct)
            throw new Error(`${id} level ${level} seed ${seed}: untouched scores ${untouched.score}`);
        }
        expect(result.feedback.length).toBeGreaterThan(5);
      }
    },
  );

  it('differs between seeds (the seed matters)', () => {
    for (const level of levels) {
      const distinct = new Set(
        SEEDS.slice(0, 20).map((seed) => JSON.stringify({ ...kind.generate(seed, level), seed: 0 })),
      );
      expect(distinct.size).toBeGreaterThan(1);
    }
  });

  it('clamps levels out of range', () => {
    expect(kind.generate(7, 0).level).toBe(1);
    expect(kind.generate(7, -3).level).toBe(1);
    expect(kind.generate(7, 99).level).toBe(levels.length);
    expect(kind.generate(7, Number.NaN).level).toBe(1);
    expect(kind.generate(7, 2.4)).toStrictEqual(kind.generate(7, 2));
  });

  it('scores random answers with integers 0–100 and a sentence', () => {
    const rng = createRng(4242);
    for (const level of levels) {
      for (const seed of SEEDS.slice(0, 15)) {
        const q = kind.generate(seed, level) as ExerciseQuestion;
        for (let k = 0; k < 6; k++) {
          const r = kind.check(q, randomAnswer(id, q, rng));
          expect(Number.isInteger(r.score)).toBe(true);
          expect(r.score).toBeGreaterThanOrEqual(0);
          expect(r.score).toBeLessThanOrEqual(100);
          expect(typeof r.feedback).toBe('string');
          expect(r.feedback).not.toMatch(/undefined|NaN/);
          expect(JSON.parse(JSON.stringify(r))).toStrictEqual(r);
        }
      }
    }
  });

  if (kind.generateAt) {
    const generateAt = kind.generateAt;
    const mv = kind.meta.mainVariable!;
    it('generateAt: deterministic, JSON-safe, on the base level, solution scores 100', () => {
      for (const seed of SEEDS.slice(0, 50)) {
        const value = mv.min + ((mv.max - mv.min) * seed) / 50;
        const q = generateAt(seed, value);
        expect(generateAt(seed, value)).toStrictEqual(q);
        expect(JSON.parse(JSON.stringify(q))).toStrictEqual(q);
        expect(q).toMatchObject({ kind: id, seed, level: mv.baseLevel });
        expect(q.adaptiveValue).toBeGreaterThanOrEqual(mv.min);
        expect(q.adaptiveValue).toBeLessThanOrEqual(mv.max);
        expect(kind.check(q, kind.solve(q)).score).toBe(100);
      }
    });

    it('generateAt clamps values into the main variable range', () => {
      expect(generateAt(3, mv.max * 10).adaptiveValue).toBe(mv.max);
      expect(generateAt(3, -1000).adaptiveValue).toBe(mv.min);
      expect(generateAt(3, Number.NaN).adaptiveValue).toBe(mv.min);
    });
  }
});
