import { describe, expect, it, vi } from 'vitest';
import type { EqBoostQuestion } from '../../src/exercises/eq-boost/meta';
import { exerciseIds, exercises } from '../../src/exercises/registry';
import { PRACTICE_KINDS, practiceChoices, practiceSeed } from '../../src/exercises/shared/practice-choices';

// Songs are one synthetic loop (tests/exercises/audibility.test.ts renders real songs).
vi.mock('../../src/exercises/shared/song-analysis', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/exercises/shared/song-analysis')>();
  const { syntheticAnalysis } = await import('./fixtures');
  const analysis = syntheticAnalysis(original.ANALYSIS_CENTRES, original.ANALYSIS_RATE);
  return { ...original, analyseSongLoop: () => analysis };
});

describe('hear every choice', () => {
  it.each(['eq-boost', 'reverb-time', 'delay-time', 'pan-position'] as const)(
    '%s: one practice choice per answer offered, exactly one of them right, each with a sentence',
    (id) => {
      const kind = exercises[id];
      for (let level = 1; level <= kind.meta.levels.length; level++) {
        for (const seed of [1, 2, 3]) {
          const q = kind.generate(seed, level);
          const choices = practiceChoices(q)!;
          expect(choices.length).toBeGreaterThanOrEqual(2);
          const scores = choices.map((c) => kind.check(q, c.answer));
          // Each choice is a well-formed answer, and exactly one is the right one.
          expect(scores.filter((r) => r.correct && r.score === 100)).toHaveLength(1);
          for (const c of choices) {
            expect(c.sentence).toMatch(/^.+: .+\.$/);
            expect(c.sentence).not.toMatch(/undefined|NaN/);
            expect(c.label.length).toBeGreaterThan(2);
          }
          expect(new Set(choices.map((c) => c.label)).size).toBe(choices.length);
        }
      }
    },
  );

  it('reverb-type: every space on "which space?" (one right, each with a sentence); none on "which is larger?"', () => {
    const kind = exercises['reverb-type'];
    for (const level of [1, 2])
      for (const seed of [1, 2, 3]) {
        const q = kind.generate(seed, level);
        const choices = practiceChoices(q)!;
        expect(choices.map((c) => c.label)).toEqual(
          level === 1 ? ['Room', 'Hall'] : ['Room', 'Plate', 'Hall'],
        );
        expect(choices.filter((c) => kind.check(q, c.answer).correct)).toHaveLength(1);
        for (const c of choices) expect(c.sentence).toMatch(/^(Room|Plate|Hall), 1\.5 s decay: .+\.$/);
      }
    expect(practiceChoices(kind.generate(1, 3))).toBeNull();
  });

  it('describes an EQ move in plain words, boost or cut', () => {
    const q = {
      ...(exercises['eq-boost'].generate(1, 1) as EqBoostQuestion),
      bandsHz: [125, 1000, 8000],
      gainDb: 12,
    };
    expect(practiceChoices(q)!.map((c) => c.sentence)).toEqual([
      '+12.0 dB at 125 Hz: boomy and fat.',
      '+12.0 dB at 1 kHz: honky and nasal.',
      '+12.0 dB at 8 kHz: bright and hissy.',
    ]);
    const cut: EqBoostQuestion = { ...q, gainDb: -9 };
    expect(practiceChoices(cut)![2]!.sentence).toBe('−9.0 dB at 8 kHz: darker, less hiss.');
  });

  it('offers nothing for kinds whose answers are not a short list, and practises on another seed', () => {
    expect(practiceChoices(exercises['eq-match'].generate(1, 1))).toBeNull();
    expect(practiceChoices(exercises.loudness.generate(1, 1))).toBeNull();
    for (const seed of [1, 2, 99, 123456]) expect(practiceSeed(seed)).not.toBe(seed);
  });

  it('names exactly the kinds that have a practice list (the drill offers practice by this list)', () => {
    const withList = exerciseIds.filter((id) =>
      [1, 2, 3, 4, 5, 6].some((seed) => practiceChoices(exercises[id].generate(seed, 1) as never) !== null),
    );
    expect(withList.sort()).toEqual([...PRACTICE_KINDS].sort());
  });
});
