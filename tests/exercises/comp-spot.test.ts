import { describe, expect, it, vi } from 'vitest';
import { check } from '../../src/exercises/comp-spot/check';
import { generate, generateAt } from '../../src/exercises/comp-spot/generate';
import { measuredPeakReductionDb, sourceSamples } from '../../src/exercises/comp-spot/measured-reduction';
import { meta } from '../../src/exercises/comp-spot/meta';
import { resolveCompressor, thresholdBelowPeakFor } from '../../src/exercises/shared/relative-compressor';
import { analyseSongLoop } from '../../src/exercises/shared/song-analysis';
import type { SongSource } from '../../src/exercises/types';

// Generators re-draw inaudible questions from an analysed render of each song; this file checks the kind's
// rules, so every song is one synthetic loop (tests/exercises/audibility.test.ts renders real songs).
vi.mock('../../src/exercises/shared/song-analysis', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/exercises/shared/song-analysis')>();
  const { syntheticAnalysis } = await import('./fixtures');
  const analysis = syntheticAnalysis(original.ANALYSIS_CENTRES, original.ANALYSIS_RATE);
  return { ...original, analyseSongLoop: () => analysis };
});

const SEEDS = Array.from({ length: 80 }, (_, i) => i + 1);

describe('comp-spot drills', () => {
  it('covers the four drills across the levels', () => {
    const subtypes = new Set(meta.levels.flatMap((_, i) => SEEDS.map((s) => generate(s, i + 1).subtype)));
    expect([...subtypes].sort()).toEqual(['amount', 'attack', 'release', 'which']);
  });

  it('which: the compressed side is the right answer, both sides occur', () => {
    const qs = SEEDS.map((s) => generate(s, 1));
    for (const q of qs) {
      expect(q.choices).toEqual(['A', 'B']);
      expect(q.correct).toBe(q.compressedSide);
    }
    expect(new Set(qs.map((q) => q.correct)).size).toBe(2);
  });

  it('amount: about 3, 6 or 10 dB, the threshold set so the measured peak reduction is that amount at 4:1', () => {
    const analysis = analyseSongLoop(generate(1, 3).source as SongSource);
    for (const q of SEEDS.map((s) => generate(s, 3))) {
      expect(q.choices).toEqual(['3', '6', '10']);
      const amount = Number(q.correct);
      expect(q.compressor.ratio).toBe(4);
      // Every choice carries its own measured threshold; the right one is the question's.
      expect(q.thresholdsBelowPeakDb).toHaveLength(3);
      expect(q.thresholdsBelowPeakDb?.[q.choices.indexOf(q.correct)]).toBe(q.compressor.thresholdBelowPeakDb);
      const measured = measuredPeakReductionDb(sourceSamples(analysis, q.source.track), q.compressor);
      expect(Math.abs(measured - amount)).toBeLessThan(0.15 * amount);
      // Deeper amounts need deeper thresholds.
      const t = q.thresholdsBelowPeakDb as number[];
      expect(t[0]).toBeLessThan(t[1] as number);
      expect(t[1]).toBeLessThan(t[2] as number);
    }
    expect(thresholdBelowPeakFor(6, 4)).toBe(8);
    expect(resolveCompressor(generate(1, 3).compressor, -3).thresholdDb).toBe(
      -3 - generate(1, 3).compressor.thresholdBelowPeakDb,
    );
  });

  it('attack and release: the compressor carries the fast or slow time the answer names', () => {
    for (const q of SEEDS.map((s) => generate(s, 4))) {
      expect(q.compressor.attackMs).toBe(q.correct === 'fast' ? 0.5 : 40);
    }
    for (const q of SEEDS.map((s) => generate(s, 5))) {
      expect(q.compressor.releaseMs).toBe(q.correct === 'fast' ? 40 : 800);
    }
  });
});

describe('comp-spot scoring: right 100, wrong 0; a neighbouring amount 33', () => {
  it('scores the amount by distance: the next amount 33, two away 0', () => {
    const q = { ...generate(3, 3), choices: ['3', '6', '10'], correct: '3' };
    expect(check(q, { choice: '3' })).toMatchObject({ score: 100, correct: true });
    const near = check(q, { choice: '6' });
    expect(near).toMatchObject({ score: 33, correct: false });
    expect(near.feedback).toContain('about 3 dB');
    expect(near.feedback).toContain('close');
    expect(check(q, { choice: '10' })).toMatchObject({ score: 0, correct: false });
    expect(check(q, { choice: 'loud' })).toMatchObject({ score: 0, correct: false });
  });

  it('keeps two-way questions right or wrong', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const q = generate(seed, 1 + (seed % 5));
      if (q.choices.length !== 2) continue;
      const wrong = q.choices.find((c) => c !== q.correct)!;
      expect(check(q, { choice: wrong }).score).toBe(0);
    }
  });
});

describe('comp-spot adaptive: which version is compressed, by how much', () => {
  it('plants the measured gain reduction it is asked for, on the base level, with A or B compressed', () => {
    const sides = new Set<string>();
    for (const [seed, value] of [
      [1, 8],
      [2, 3],
      [3, 1],
    ] as const) {
      const q = generateAt(seed, value);
      expect(q).toMatchObject({ kind: 'comp-spot', level: 2, subtype: 'which', adaptiveValue: value });
      sides.add(q.correct);
      const samples = sourceSamples(analyseSongLoop(q.source as SongSource), q.source.track);
      // Measured at the drill's own attack and release: the label is what the learner hears (±15 %).
      expect(measuredPeakReductionDb(samples, q.compressor)).toBeGreaterThan(0.7 * value);
      expect(measuredPeakReductionDb(samples, q.compressor)).toBeLessThan(1.3 * value);
    }
    expect(generateAt(4, 99).adaptiveValue).toBe(12);
    expect(generateAt(4, Number.NaN).adaptiveValue).toBe(0.5);
  }, 60_000);
});
