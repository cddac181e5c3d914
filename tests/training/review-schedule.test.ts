import { describe, expect, it } from 'vitest';
import {
  dueReviews,
  lessonReviewState,
  REVIEW_DAYS,
  reviewSchedule,
} from '../../src/training/review-schedule';
import { begun, completed, quiz } from './path-fixtures';
import { D0 } from './progress-fixtures';

describe('the review schedule', () => {
  it('brings a quiz back 1, 3, 7 and 21 days apart, then rests', () => {
    expect(REVIEW_DAYS).toEqual([1, 3, 7, 21]);
    expect(reviewSchedule('l', 0, []).dueDay).toBe(1);
    expect(reviewSchedule('l', 0, [{ day: 1, passed: true }]).dueDay).toBe(4);
    expect(
      reviewSchedule('l', 0, [
        { day: 1, passed: true },
        { day: 4, passed: true },
      ]).dueDay,
    ).toBe(11);
    const three = [1, 4, 11].map((day) => ({ day, passed: true }));
    expect(reviewSchedule('l', 0, three).dueDay).toBe(32);
    expect(reviewSchedule('l', 0, [...three, { day: 32, passed: true }])).toMatchObject({
      step: 4,
      dueDay: null,
    });
  });

  it('counts a late review from the day it was taken, and a failed one starts again at 1 day', () => {
    expect(reviewSchedule('l', 0, [{ day: 5, passed: true }]).dueDay).toBe(8);
    expect(
      reviewSchedule('l', 0, [
        { day: 1, passed: true },
        { day: 4, passed: false },
      ]),
    ).toMatchObject({ step: 0, dueDay: 5, reviews: 2 });
  });

  it('ignores attempts before the due day (the lesson itself, a same-day retry)', () => {
    expect(
      reviewSchedule('l', 0, [
        { day: 0, passed: true },
        { day: 0, passed: false },
      ]),
    ).toMatchObject({ step: 0, dueDay: 1, reviews: 0 });
  });

  it('a lesson done 3 days ago is due; one done today, one begun and one without a quiz are not', () => {
    const states = [
      completed('eq-basics', D0 - 3),
      completed('panning', D0),
      begun('compression', D0 - 5, 2),
      completed('automation', D0 - 9),
    ];
    const due = dueReviews(states, D0, (id) => id !== 'automation');
    expect(due.map((r) => r.lessonId)).toEqual(['eq-basics']);
    expect(due[0]).toMatchObject({ dueDay: D0 - 2, step: 0 });
    // Its review passed yesterday: next due in 3 days, so not today.
    const reviewed = completed('eq-basics', D0 - 3, [quiz(D0 - 1, true)]);
    expect(lessonReviewState(reviewed)).toMatchObject({ step: 1, dueDay: D0 + 2 });
    expect(dueReviews([reviewed], D0, () => true)).toEqual([]);
  });
});
