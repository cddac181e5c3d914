import { describe, expect, it } from 'vitest';
import { gradeAssignment, itemQuestions, remainingQuestions } from '../../src/classroom/grading';
import { answerAll, sampleAssignment } from './fixtures';

const a = sampleAssignment({
  passMark: 75,
  items: [
    { exercise: 'eq-boost', level: 1, seeds: [10, 11, 12, 13] },
    { exercise: 'pan-position', level: 1, seeds: [20, 21] },
  ],
});

describe('gradeAssignment', () => {
  it('by hand: first answers 100, 50, 0, — and 80, 70', () => {
    const attempts = [
      { exercise: 'eq-boost', level: 1, seed: 10, score: 100, timeMs: 1000, at: 1 },
      { exercise: 'eq-boost', level: 1, seed: 11, score: 50, timeMs: 2000, at: 2 },
      { exercise: 'eq-boost', level: 1, seed: 11, score: 100, timeMs: 500, at: 3 }, // retry: ignored for the score
      { exercise: 'eq-boost', level: 1, seed: 12, score: 0, timeMs: 1500, at: 4 },
      { exercise: 'pan-position', level: 1, seed: 21, score: 70, timeMs: 3000, at: 6 },
      { exercise: 'pan-position', level: 1, seed: 20, score: 80, timeMs: 3000, at: 5 },
      { exercise: 'eq-boost', level: 2, seed: 13, score: 100, timeMs: 9, at: 7 }, // wrong level: not this item
    ];
    const g = gradeAssignment(a, attempts);
    expect(g.items[0]).toMatchObject({
      questions: 4,
      answered: 3,
      score: 38,
      complete: false,
      passed: false,
      timeMs: 5000,
    });
    expect(g.items[1]).toMatchObject({
      questions: 2,
      answered: 2,
      score: 75,
      complete: true,
      passed: true,
      timeMs: 6000,
    });
    // (100 + 50 + 0 + 0 + 80 + 70) / 6 = 50
    expect(g).toMatchObject({
      questions: 6,
      answered: 5,
      score: 50,
      complete: false,
      passed: false,
      timeMs: 11000,
    });
    expect(g.items[1]!.attempts.map((x) => x.seed)).toEqual([20, 21]);
  });
  it('remainingQuestions lists what is left, in order; none when all are answered', () => {
    const some = [{ exercise: 'eq-boost', level: 1, seed: 11, score: 0, timeMs: 1, at: 1 }];
    expect(remainingQuestions(a, some).map((q) => `${q.item}:${q.seed}`)).toEqual([
      '0:10',
      '0:12',
      '0:13',
      '1:20',
      '1:21',
    ]);
    expect(
      remainingQuestions(
        a,
        answerAll(a, () => 90),
      ),
    ).toEqual([]);
    expect(
      gradeAssignment(
        a,
        answerAll(a, () => 90),
      ),
    ).toMatchObject({ complete: true, passed: true, score: 90 });
  }, 30_000);
  it('itemQuestions gives (exercise, level, seed) per question', () => {
    expect(itemQuestions(a.items[1]!, 1)).toEqual([
      { item: 1, exercise: 'pan-position', level: 1, seed: 20 },
      { item: 1, exercise: 'pan-position', level: 1, seed: 21 },
    ]);
  });
});
