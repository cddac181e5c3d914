import { describe, expect, it } from 'vitest';
import { nextStep } from '../../src/training/next-up';
import { begun, completed, LESSONS, statesOf } from './path-fixtures';
import { D0 } from './progress-fixtures';

describe('start here / next up', () => {
  it('starts a new learner on the first lesson of the path', () => {
    expect(nextStep({ lessons: LESSONS, states: {}, attempts: [], workoutDoneToday: false })).toMatchObject({
      type: 'lesson',
      mode: 'start',
      lessonId: 'what-is-production',
      step: 0,
    });
  });

  it('carries on with a lesson begun and not finished', () => {
    const states = statesOf(completed('what-is-production', D0 - 1), begun('what-is-mixing', D0, 2));
    expect(nextStep({ lessons: LESSONS, states, attempts: [], workoutDoneToday: false })).toMatchObject({
      type: 'lesson',
      mode: 'continue',
      lessonId: 'what-is-mixing',
      step: 2,
      reason: 'You are on step 3 of What mixing is, and where it sits.',
    });
  });

  it('offers the next lesson while no drill is open, then the workout with the next lesson beside it', () => {
    const before = statesOf(completed('what-is-production', D0 - 1));
    expect(
      nextStep({ lessons: LESSONS, states: before, attempts: [], workoutDoneToday: false }),
    ).toMatchObject({
      type: 'lesson',
      mode: 'next',
      lessonId: 'what-is-mixing',
    });
    const after = statesOf(
      completed('what-is-production', D0 - 3),
      completed('what-is-mixing', D0 - 2),
      completed('idea-to-parts', D0 - 2),
      completed('monitoring', D0 - 1),
    );
    expect(
      nextStep({ lessons: LESSONS, states: after, attempts: [], workoutDoneToday: false }),
    ).toMatchObject({
      type: 'workout',
      doneToday: false,
      nextLesson: { id: 'production-vs-mixing' },
    });
    // Workout done today: the next lesson comes up instead.
    expect(nextStep({ lessons: LESSONS, states: after, attempts: [], workoutDoneToday: true })).toMatchObject(
      {
        type: 'lesson',
        mode: 'next',
        lessonId: 'production-vs-mixing',
      },
    );
  });

  it('sends a learner who drilled without lessons to the workout', () => {
    const step = nextStep({
      lessons: LESSONS,
      states: {},
      attempts: [{ exercise: 'eq-boost' }],
      workoutDoneToday: false,
    });
    expect(step).toMatchObject({ type: 'workout', nextLesson: { id: 'what-is-production' } });
  });
});
