import { describe, expect, it, vi } from 'vitest';
import { OCTAVE_CENTRES, THIRD_OCTAVE_CENTRES } from '../../src/dsp/bands';
import { bandIndex, check, octavesBetween } from '../../src/exercises/eq-boost/check';
import { generate, generateAt } from '../../src/exercises/eq-boost/generate';
import type { EqBoostQuestion } from '../../src/exercises/eq-boost/meta';
import { meta } from '../../src/exercises/eq-boost/meta';

// Generators re-draw inaudible questions from an analysed render of each song; this file checks the kind's
// rules, so every song is one synthetic loop (tests/exercises/audibility.test.ts renders real songs).
vi.mock('../../src/exercises/shared/song-analysis', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/exercises/shared/song-analysis')>();
  const { syntheticAnalysis } = await import('./fixtures');
  const analysis = syntheticAnalysis(original.ANALYSIS_CENTRES, original.ANALYSIS_RATE);
  return { ...original, analyseSongLoop: () => analysis };
});

const SEEDS = Array.from({ length: 100 }, (_, i) => i + 1);

function octaveQuestion(overrides: Partial<EqBoostQuestion> = {}): EqBoostQuestion {
  return {
    kind: 'eq-boost',
    seed: 1,
    level: 3,
    bandsHz: [...OCTAVE_CENTRES],
    resolution: 'octave',
    targetHz: 1000,
    direction: 'boost',
    askDirection: false,
    gainDb: 9,
    q: 1.4,
    source: { type: 'pink' },
    ...overrides,
  };
}

function thirdQuestion(overrides: Partial<EqBoostQuestion> = {}): EqBoostQuestion {
  return octaveQuestion({
    resolution: 'third',
    bandsHz: THIRD_OCTAVE_CENTRES.slice(1, 29),
    level: 6,
    ...overrides,
  });
}

describe('eq-boost levels', () => {
  it('level 1: three octave bands three octaves apart, +12 dB, wide Q, pink noise, boosts only', () => {
    for (const seed of SEEDS) {
      const q = generate(seed, 1);
      expect(q.bandsHz).toHaveLength(3);
      const idx = q.bandsHz.map((f) => OCTAVE_CENTRES.indexOf(f));
      expect(idx[1]! - idx[0]!).toBe(3);
      expect(idx[2]! - idx[1]!).toBe(3);
      expect(q.bandsHz).toContain(q.targetHz);
      expect(q).toMatchObject({
        gainDb: 12,
        q: 0.7,
        direction: 'boost',
        askDirection: false,
        source: { type: 'pink' },
      });
    }
  });

  it('level 3: all ten octave bands 31.5 Hz–16 kHz on pink noise', () => {
    const q = generate(5, 3);
    expect(q.bandsHz).toEqual([31.5, 63, 125, 250, 500, 1000, 2000, 4000, 8000, 16000]);
    expect(q.source).toEqual({ type: 'pink' });
  });

  it('level 4: boosts and cuts, direction asked, gain sign follows the direction', () => {
    const qs = SEEDS.map((s) => generate(s, 4));
    expect(qs.some((q) => q.direction === 'cut')).toBe(true);
    expect(qs.some((q) => q.direction === 'boost')).toBe(true);
    for (const q of qs) {
      expect(q.askDirection).toBe(true);
      expect(Math.sign(q.gainDb)).toBe(q.direction === 'cut' ? -1 : 1);
    }
  });

  it('level 6: ISO 266 third-octave centres 31.5 Hz–16 kHz, ±3–6 dB, on music', () => {
    for (const seed of SEEDS) {
      const q = generate(seed, 6);
      expect(q.resolution).toBe('third');
      expect(q.bandsHz).toHaveLength(28);
      expect(q.bandsHz[0]).toBe(31.5);
      expect(q.bandsHz[27]).toBe(16000);
      expect(q.bandsHz).toContain(1250);
      expect(Math.abs(q.gainDb)).toBeGreaterThanOrEqual(3);
      expect(Math.abs(q.gainDb)).toBeLessThanOrEqual(6);
      expect(q.source.type).toBe('song');
    }
    expect(meta.levels).toHaveLength(6);
  });

  it('spreads the targets over the bands', () => {
    const targets = new Set(SEEDS.map((s) => generate(s, 3).targetHz));
    expect(targets.size).toBe(10);
  });
});

describe('eq-boost scoring: 100 − 50 × octaves off − 25 for a wrong direction, floor 0', () => {
  it('counts octave steps on an octave list', () => {
    expect(check(octaveQuestion(), { bandHz: 1000 }).score).toBe(100);
    expect(check(octaveQuestion(), { bandHz: 500 }).score).toBe(50);
    expect(check(octaveQuestion(), { bandHz: 2000 }).score).toBe(50);
    expect(check(octaveQuestion(), { bandHz: 4000 }).score).toBe(0);
    expect(check(octaveQuestion(), { bandHz: 16000 }).score).toBe(0);
  });

  it('counts a third-octave step as a third of an octave (rounded)', () => {
    const q = thirdQuestion({ targetHz: 1000 });
    expect(check(q, { bandHz: 1250 }).score).toBe(83); // 100 − 50/3
    expect(check(q, { bandHz: 800 }).score).toBe(83);
    expect(check(q, { bandHz: 630 }).score).toBe(67); // 100 − 100/3
    expect(check(q, { bandHz: 500 }).score).toBe(50); // a whole octave
    expect(check(q, { bandHz: 400 }).score).toBe(33);
    expect(check(q, { bandHz: 250 }).score).toBe(0);
    expect(octavesBetween(1250, 1000, 'third')).toBeCloseTo(1 / 3, 12);
  });

  it('takes 25 off for a wrong direction when it is asked, and ignores it otherwise', () => {
    const asked = octaveQuestion({ askDirection: true, direction: 'cut', gainDb: -9 });
    expect(check(asked, { bandHz: 1000, direction: 'cut' }).score).toBe(100);
    expect(check(asked, { bandHz: 1000, direction: 'boost' }).score).toBe(75);
    expect(check(asked, { bandHz: 1000 }).score).toBe(75);
    expect(check(asked, { bandHz: 500, direction: 'boost' }).score).toBe(25);
    expect(check(asked, { bandHz: 250, direction: 'boost' }).score).toBe(0);
    expect(check(thirdQuestion({ askDirection: true }), { bandHz: 1250, direction: 'cut' }).score).toBe(58);
    expect(check(octaveQuestion(), { bandHz: 1000, direction: 'cut' }).score).toBe(100);
  });

  it('reads any frequency as its nearest band, and scores no band as 0', () => {
    expect(bandIndex(1100, 'octave')).toBe(5);
    expect(bandIndex(1100, 'third')).toBe(THIRD_OCTAVE_CENTRES.indexOf(1000));
    expect(bandIndex(1150, 'third')).toBe(THIRD_OCTAVE_CENTRES.indexOf(1250));
    expect(check(octaveQuestion(), { bandHz: 1100 }).score).toBe(100);
    expect(check(octaveQuestion(), { bandHz: 0 }).score).toBe(0);
    expect(check(octaveQuestion(), { bandHz: Number.NaN }).score).toBe(0);
  });

  it('says where the band was and which way the learner missed', () => {
    const r = check(octaveQuestion({ targetHz: 2000 }), { bandHz: 500 });
    expect(r.feedback).toContain('2 kHz');
    expect(r.feedback).toContain('2 octaves too low');
    expect(r.correct).toBe(false);
    expect(r.details).toMatchObject({ targetHz: 2000, answerHz: 500, octavesOff: 2 });
    const d = check(octaveQuestion({ askDirection: true, direction: 'cut', gainDb: -9 }), {
      bandHz: 1000,
      direction: 'boost',
    });
    expect(d.feedback).toContain('It was a cut, not a boost.');
    expect(d.correct).toBe(false);
  });
});

describe('eq-boost adaptive', () => {
  it('puts the staircase value into the boost on the base level', () => {
    const q = generateAt(9, 4.5);
    expect(q).toMatchObject({
      level: meta.mainVariable!.baseLevel,
      gainDb: 4.5,
      direction: 'boost',
      adaptiveValue: 4.5,
    });
    expect(q.bandsHz).toHaveLength(10);
    expect(generateAt(9, 100).gainDb).toBe(18);
    expect(generateAt(9, 0).gainDb).toBe(0.5);
  });
});
