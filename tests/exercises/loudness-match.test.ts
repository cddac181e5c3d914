import { describe, expect, it, vi } from 'vitest';
import { applyBiquad, biquadCoefficients, emptyBiquadState } from '../../src/dsp/biquad';
import { integratedLoudness } from '../../src/dsp/loudness';
import { renderPinkNoise } from '../../src/dsp/noise';
import { createRng } from '../../src/dsp/random';
import { check } from '../../src/exercises/loudness-match/check';
import { generate, matchingOffsetDb, sourceBands } from '../../src/exercises/loudness-match/generate';
import { meta } from '../../src/exercises/loudness-match/meta';
import { solve } from '../../src/exercises/loudness-match/solve';
import { start } from '../../src/exercises/loudness-match/start';

// Generators analyse a render of each song; this file checks the kind's rules, so every song is one
// synthetic loop (the browser test plays real ones).
vi.mock('../../src/exercises/shared/song-analysis', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/exercises/shared/song-analysis')>();
  const { syntheticAnalysis } = await import('./fixtures');
  const analysis = syntheticAnalysis(original.ANALYSIS_CENTRES, original.ANALYSIS_RATE);
  return { ...original, analyseSongLoop: () => analysis };
});

const LEVELS = meta.levels.map((_, i) => i + 1);
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

describe('loudness-match from the learner’s side', () => {
  it.each(LEVELS)('level %i: untouched 0 and never right, the match 100, halfway about half', (level) => {
    for (let seed = 1; seed <= 80; seed++) {
      const q = generate(seed, level);
      expect(JSON.parse(JSON.stringify(q))).toEqual(q);
      expect(generate(seed, level)).toEqual(q);
      expect(Math.abs(q.referenceDb)).toBeGreaterThanOrEqual(2); // four JNDs of 0.5 dB
      expect(check(q, start(q))).toMatchObject({ score: 0, correct: false });
      expect(check(q, solve(q))).toMatchObject({ score: 100, correct: true });
      const half = check(q, { offsetDb: q.referenceDb / 2 }).score;
      expect(half).toBeGreaterThanOrEqual(45);
      // share closed: 100·(D₀/2)/(D₀ − 0.5), 50 at a large start, 67 at the smallest (2 dB)
      expect(half).toBeLessThanOrEqual(67);
      expect(check(q, { offsetDb: q.referenceDb + Math.sign(q.referenceDb) * 0.9 }).correct).toBe(true);
      expect(check(q, { offsetDb: q.referenceDb * 2 }).score).toBe(0);
      expect(check(q, { offsetDb: Number.NaN }).score).toBe(0);
      expect(check(q, undefined as never).score).toBe(0);
    }
  });

  it('no fixed setting or guess passes: bottom, top, middle, random, and "the level’s start distance up" all average under 60 (random under 40, right under 15 %)', () => {
    const rng = createRng(5);
    for (const level of LEVELS) {
      const away = meta.levels[level - 1]!.params.startOffsetDb;
      let lucky = 0;
      const tricks: Record<string, number[]> = {
        bottom: [],
        top: [],
        middle: [],
        random: [],
        up: [],
        down: [],
      };
      for (let seed = 1; seed <= 120; seed++) {
        const q = generate(seed, level);
        tricks.bottom!.push(check(q, { offsetDb: -12 }).score);
        tricks.top!.push(check(q, { offsetDb: 12 }).score);
        tricks.middle!.push(check(q, { offsetDb: 0 }).score);
        const guess = check(q, { offsetDb: rng.range(-12, 12) });
        tricks.random!.push(guess.score);
        if (guess.correct) lucky++;
        tricks.up!.push(check(q, { offsetDb: away * 1.25 }).score);
        tricks.down!.push(check(q, { offsetDb: -away * 1.25 }).score);
      }
      for (const [name, scores] of Object.entries(tricks))
        expect(mean(scores), `level ${level}, always ${name}`).toBeLessThan(name === 'random' ? 40 : 60);
      expect(mean(tricks.middle!)).toBe(0);
      // A random fader lands within 1 dB (right) about 2 dB in 24 of the time.
      expect(lucky / 120, `level ${level}`).toBeLessThan(0.15);
    }
  });

  it('the matching setting takes back the shelf’s loudness: pink noise through the shelf measures the same LUFS (within 0.3 LU)', () => {
    const sr = 48_000;
    const pink = renderPinkNoise(createRng(3), sr * 8);
    const bands = sourceBands({ source: { type: 'pink' } });
    for (const tone of [
      { type: 'highshelf' as const, frequency: 3000, gainDb: 6 },
      { type: 'highshelf' as const, frequency: 3000, gainDb: -6 },
      { type: 'lowshelf' as const, frequency: 200, gainDb: 6 },
      { type: 'lowshelf' as const, frequency: 200, gainDb: -6 },
    ]) {
      const c = biquadCoefficients(tone.type, tone.frequency, Math.SQRT1_2, tone.gainDb, sr);
      const shaped = applyBiquad(pink, c, emptyBiquadState());
      const measured = integratedLoudness([pink], sr) - integratedLoudness([shaped], sr);
      const predicted = matchingOffsetDb(bands, tone);
      expect(
        Math.abs(predicted - measured),
        `${tone.type} ${tone.gainDb}: ${predicted} vs ${measured}`,
      ).toBeLessThan(0.3);
    }
    expect(matchingOffsetDb(bands, null)).toBe(0);
  });
});
