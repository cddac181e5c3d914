import { afterEach, describe, expect, it } from 'vitest';
import { exercises } from '../../../src/exercises/registry';
import { closeDrill, type DrillSession, startDrill } from '../../../src/state/drill/drill';
import { watchTrainRoundForLesson } from '../../../src/state/lessons/lesson-drill';
import { findLesson, loadLessonStates, progressOf, restartLesson } from '../../../src/state/shared/lessons';

const LESSON = 'eq-basics';
const BLOCK = 'eq-boost-1';

/** Resolves once question `i` is on show (questions are generated in the song Worker, so they arrive later). */
async function shown(session: DrillSession, i: number): Promise<void> {
  await expect
    .poll(() => session.index.value === i && session.phase.value === 'question', { timeout: 60_000 })
    .toBe(true);
}

/** Answers every question of a drill with the ideal answer (or a fixed wrong one) and finishes it. */
async function play(session: DrillSession, right: boolean): Promise<void> {
  for (let i = 0; i < session.count; i++) {
    await shown(session, i);
    const q = session.question.value!;
    const ideal = exercises[q.kind].solve(q as never) as { bandHz: number };
    const wrong = { bandHz: (q as { bandsHz: number[] }).bandsHz.find((hz) => hz !== ideal.bandHz) };
    session.setAnswer(right ? ideal : wrong);
    await session.submit();
    session.next();
  }
}

afterEach(async () => {
  closeDrill();
  await restartLesson(findLesson(LESSON)!);
});

describe('a round on the Train page, opened from a lesson', () => {
  it('records a full round of the block’s kind and level as the block’s score', {
    timeout: 120_000,
  }, async () => {
    const lesson = findLesson(LESSON)!;
    expect(lesson.passMarks[BLOCK]).toBe(70);
    await loadLessonStates();
    const stop = watchTrainRoundForLesson(LESSON, BLOCK);
    await play(startDrill({ kind: 'eq-boost', level: 1, count: 5 }), true);
    await expect.poll(() => progressOf(lesson).scores[BLOCK]).toBe(100);
    // A worse round later keeps the best.
    await play(startDrill({ kind: 'eq-boost', level: 1, count: 5 }), false);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(progressOf(lesson).scores[BLOCK]).toBe(100);
    stop();
  });

  it('records nothing for another level, a shorter round, or a round ended early', {
    timeout: 120_000,
  }, async () => {
    const lesson = findLesson(LESSON)!;
    await loadLessonStates();
    const stop = watchTrainRoundForLesson(LESSON, BLOCK);
    await play(startDrill({ kind: 'eq-boost', level: 2, count: 5 }), true);
    await play(startDrill({ kind: 'eq-boost', level: 1, count: 3 }), true);
    const early = startDrill({ kind: 'eq-boost', level: 1, count: 5 });
    await shown(early, 0);
    early.setAnswer(exercises['eq-boost'].solve(early.question.value as never));
    await early.submit();
    early.quit();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(progressOf(lesson).scores[BLOCK]).toBeUndefined();
    stop();
  });
});
