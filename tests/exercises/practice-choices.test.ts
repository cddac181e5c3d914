import { describe, expect, it, vi } from 'vitest';
import type { EqBoostQuestion } from '../../src/exercises/eq-boost/meta';
import type { EqTwoBandsQuestion } from '../../src/exercises/eq-two-bands/meta';
import type { LoudnessQuestion } from '../../src/exercises/loudness/meta';
import { exerciseIds, exercises } from '../../src/exercises/registry';
import type { SaturationQuestion } from '../../src/exercises/saturation/meta';
import { audibleToPlay } from '../../src/exercises/shared/practice-audible';
import {
  hasPracticeList,
  PRACTICE_KINDS,
  practiceChoices,
  practiceOffered,
  practiceSeed,
} from '../../src/exercises/shared/practice-choices';

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
          // A question its kind could only draw below the audible amount (here: on the synthetic loop) has none.
          if (!audibleToPlay(q)) {
            expect(practiceChoices(q)).toBeNull();
            continue;
          }
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
    // "Which is louder?" answers with a side, both already heard.
    expect(practiceChoices({ ...exercises.loudness.generate(1, 1), askAmount: false } as never)).toBeNull();
    for (const seed of [1, 2, 99, 123456]) expect(practiceSeed(seed)).not.toBe(seed);
  });

  it('names exactly the kinds that have a practice list on some level (the drill offers practice by this list)', () => {
    const withList = exerciseIds.filter((id) =>
      exercises[id].meta.levels.some((_, i) =>
        [1, 2, 3, 4, 5, 6].some(
          (seed) => practiceChoices(exercises[id].generate(seed, i + 1) as never) !== null,
        ),
      ),
    );
    expect(withList.sort()).toEqual([...PRACTICE_KINDS].sort());
    // Every choice kind but prod-or-mix (whose choices are other renders of the song, not settings of B).
    const choiceKinds = exerciseIds.filter((id) => exercises[id].start === undefined && id !== 'prod-or-mix');
    expect([...PRACTICE_KINDS].sort()).toEqual([...choiceKinds].sort());
  });

  it('offers the practice panel on every level whose drills can have a list (from the meta alone), not on the others', () => {
    for (const id of exerciseIds)
      exercises[id].meta.levels.forEach((_, i) => {
        const listed = [1, 2, 3, 4, 5, 6].some((seed) =>
          hasPracticeList(exercises[id].generate(seed, i + 1) as never),
        );
        // Never hidden where a list exists (levels mixing drills may draw none in six seeds, and are offered).
        if (listed) expect([id, i + 1, practiceOffered(id, i + 1)]).toEqual([id, i + 1, true]);
      });
    expect(practiceOffered('stereo-width', 1)).toBe(false);
    expect(practiceOffered('stereo-width', 4)).toBe(true);
    expect(practiceOffered('loudness', 1)).toBe(false);
    expect(practiceOffered('loudness', 5)).toBe(true);
    expect(practiceOffered('filters', 2)).toBe(false);
    expect(practiceOffered('eq-match', 1)).toBe(false);
  });

  const NEW_KINDS = [
    'stereo-width',
    'filters',
    'saturation',
    'comp-spot',
    'level-change',
    'eq-two-bands',
    'loudness',
  ] as const;

  it.each(NEW_KINDS)(
    '%s: on every drill with a list, each choice is a well-formed answer, audible by the kind’s own check, with a sentence; at most one is right',
    (id) => {
      const kind = exercises[id];
      let lists = 0;
      for (let level = 1; level <= kind.meta.levels.length; level++)
        for (const seed of [1, 2, 3, 4]) {
          const q = kind.generate(seed, level);
          const choices = practiceChoices(q);
          if (!choices) continue;
          lists++;
          expect(choices.length).toBeGreaterThanOrEqual(2);
          const results = choices.map((c) => kind.check(q, c.answer));
          expect(results.filter((r) => r.correct && r.score === 100).length).toBeLessThanOrEqual(1);
          for (const r of results) expect(Number.isInteger(r.score)).toBe(true);
          for (const c of choices) {
            expect(c.sentence).toMatch(/^.+: .+\.$/);
            expect(c.sentence).not.toMatch(/undefined|NaN|Infinity/);
          }
          expect(new Set(choices.map((c) => c.label)).size).toBe(choices.length);
        }
      expect(lists).toBeGreaterThan(0);
    },
  );

  it('leaves out a choice its kind’s audibility check says cannot be heard', () => {
    // A drive whose measured distortion stays under −40 dB of the signal is not heard against the clean A.
    const q = exercises.saturation.generate(1, 1) as SaturationQuestion;
    const amount: SaturationQuestion = {
      ...q,
      subtype: 'amount',
      choices: ['2', '8', '14', '20'],
      choiceLabels: ['+2 dB', '+8 dB', '+14 dB', '+20 dB'],
      correct: '8',
      driveDb: 8,
      distortionDb: [-52, -34, -24, -15],
    };
    expect(practiceChoices(amount)!.map((c) => c.label)).toEqual([
      'Driven +8 dB',
      'Driven +14 dB',
      'Driven +20 dB',
    ]);
    // Loudness: 0.1 dB is below the level step a listener hears.
    const loud = exercises.loudness.generate(1, 1) as LoudnessQuestion;
    const amounts: LoudnessQuestion = { ...loud, askAmount: true, amountsDb: [0.1, 2, 6], differenceDb: 2 };
    expect(practiceChoices(amounts)!.map((c) => c.sentence)).toEqual([
      'B 2 dB quieter than A: a small step down, but clear.',
      'B 6 dB quieter than A: much quieter: obvious.',
    ]);
  });

  it('describes the new kinds’ choices in plain words', () => {
    const two = {
      ...(exercises['eq-two-bands'].generate(1, 1) as EqTwoBandsQuestion),
      bandsHz: [125, 250, 500, 1000, 2000, 4000],
      boostHz: 250,
      cutHz: 4000,
      gainDb: 6,
    };
    const sentences = practiceChoices(two)!.map((c) => c.sentence);
    expect(sentences).toContain(
      '+6.0 dB at 250 Hz and −6.0 dB at 4 kHz: thick and muddy, and duller attack, less bite.',
    );
    // Boosts two octaves or more from the cut (125 … 1 kHz), then cuts two octaves or more from the boost.
    expect(sentences).toHaveLength(4 + 2);
  });
});
