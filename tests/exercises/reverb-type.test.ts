import { describe, expect, it, vi } from 'vitest';
import { createRng } from '../../src/dsp/random';
import { decayT30, energyOf } from '../../src/dsp/reverb-measures';
import { spaceImpulseResponse } from '../../src/dsp/reverb-space';
import { check } from '../../src/exercises/reverb-type/check';
import {
  ARRIVAL_STEP_MS,
  CLARITY_STEP_DB,
  generate,
  generateAt,
  spaceArrivalMs,
} from '../../src/exercises/reverb-type/generate';
import { meta, type SpaceSpec } from '../../src/exercises/reverb-type/meta';
import { solve } from '../../src/exercises/reverb-type/solve';

// Generators re-draw inaudible questions from an analysed render of each song; this file checks the kind's
// rules, so every song is one synthetic loop (tests/exercises/audibility.test.ts renders real songs).
vi.mock('../../src/exercises/shared/song-analysis', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/exercises/shared/song-analysis')>();
  const { syntheticAnalysis } = await import('./fixtures');
  const analysis = syntheticAnalysis(original.ANALYSIS_CENTRES, original.ANALYSIS_RATE);
  return { ...original, analyseSongLoop: () => analysis };
});

function t30(space: SpaceSpec): number {
  const ir = spaceImpulseResponse(createRng(space.seed), {
    sampleRate: 8000,
    decayS: space.decayS,
    preDelayMs: space.preDelayMs,
    damping: 0,
    stereoWidth: 1,
    type: space.type,
    sizeM: space.sizeM,
  });
  return decayT30(energyOf(ir), 8000, Math.round((space.preDelayMs / 1000) * 8000));
}

describe('reverb-type', () => {
  it('every level: plain JSON, deterministic, the right answer 100, every other choice 0', () => {
    for (let level = 1; level <= meta.levels.length; level++)
      for (let seed = 1; seed <= 12; seed++) {
        const q = generate(seed, level);
        expect(JSON.parse(JSON.stringify(q))).toEqual(q);
        expect(generate(seed, level)).toEqual(q);
        expect(q.choices).toContain(q.correct);
        expect(check(q, solve(q))).toMatchObject({ score: 100, correct: true });
        for (const c of q.choices.filter((c) => c !== q.correct))
          expect(check(q, { choice: c })).toMatchObject({ score: 0, correct: false });
        expect(check(q, { choice: 'cave' }).score).toBe(0);
        expect(check(q, undefined as never).score).toBe(0);
      }
  });

  it('"which space?": B in the named type, A dry; every choice at the level’s decay; the types differ by ≥ 1 dB of clarity', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const q = generate(seed, 2);
      expect(q.subtype).toBe('type');
      expect(q.choices).toEqual(['room', 'plate', 'hall']);
      expect(q.spaceA).toBeNull();
      expect(q.spaceB.type).toBe(q.correct);
      expect(q.spaceB.decayS).toBe(1.5);
      expect(q.measured.value).toBeGreaterThanOrEqual(CLARITY_STEP_DB);
      expect(generate(seed, 1).choices).toEqual(['room', 'hall']);
    }
  });

  it('"which is larger?": the same type and decay on both sides, the larger the level’s ratio times the smaller, answering later', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const q = generate(seed, 3);
      expect(q.subtype).toBe('size');
      const a = q.spaceA as SpaceSpec;
      const b = q.spaceB;
      expect(a.type).toBe(b.type);
      expect(a.decayS).toBe(b.decayS);
      expect(a.seed).toBe(b.seed);
      const [large, small] = q.correct === 'A' ? [a, b] : [b, a];
      expect(large.sizeM / small.sizeM).toBeCloseTo(4, 1);
      expect(spaceArrivalMs(large) - spaceArrivalMs(small)).toBeGreaterThanOrEqual(ARRIVAL_STEP_MS);
      expect(q.measured.value).toBeGreaterThanOrEqual(ARRIVAL_STEP_MS);
    }
  });

  it('matched decay: the spaces of a question measure the same T30 (within 10 %)', () => {
    for (const level of [2, 3, 4])
      for (let seed = 1; seed <= 4; seed++) {
        const q = generate(seed, level);
        for (const s of [q.spaceA, q.spaceB].filter((s): s is SpaceSpec => s !== null))
          expect(Math.abs(t30(s) / s.decayS - 1), `${s.type} ${s.sizeM} m`).toBeLessThan(0.1);
      }
  });

  it('adaptive: the size ratio clamped to 1.1 … 8, on "which is larger?", both sides equally likely', () => {
    expect(generateAt(1, 100).sizeRatio).toBe(8);
    expect(generateAt(1, 0).sizeRatio).toBe(1.1);
    let a = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const q = generateAt(seed, 2);
      expect(q).toMatchObject({ subtype: 'size', adaptiveValue: 2, level: 3, sizeRatio: 2 });
      if (q.correct === 'A') a++;
    }
    expect(a).toBeGreaterThan(18);
    expect(a).toBeLessThan(42);
  });
});
