/**
 * Drills that count for a lesson: an `::exercise` block runs its round inline (its own drill session, not the
 * Train page's), and a round started on the Train page from a lesson link (`/train?…&lesson=<id>&block=<id>`)
 * records its average too. Only a full round counts: ending early records nothing.
 */
import { effect, signal } from '@preact/signals';
import { isExerciseId } from '../../exercises/registry';
import type { ExerciseBlock } from '../../lessons/schema';
import { createDrill, type DrillSession, drill } from '../drill/drill';
import { findLesson, openLesson, recordBlockScore } from '../shared/lessons';
import { claimLessonAudio, releaseLessonAudio } from './lesson-audio';

/** How a finished round went. */
export interface LessonRound {
  /** Average score of the answered questions, 0–100. */
  mean: number;
  correct: number;
  answered: number;
  /** Every question answered (only then does the round count). */
  complete: boolean;
}

/** The round's result once a session is done (null before). */
export function roundOf(session: DrillSession): LessonRound | null {
  if (session.phase.value !== 'done') return null;
  const summary = session.summary.value;
  const answered = session.answers.value.length;
  return {
    mean: summary?.mean ?? 0,
    correct: summary?.correct ?? 0,
    answered,
    complete: answered >= session.count,
  };
}

/**
 * An exercise block's drill: `start()` runs `count` questions of the block's kind and level; when the round
 * is complete, `onRound` gets its average (the block passes it to the lesson as the block's score).
 */
export function createLessonDrill(block: ExerciseBlock, onRound: (mean: number) => void) {
  const session = signal<DrillSession | null>(null);
  const last = signal<LessonRound | null>(null);
  const owner = {};
  let stopWatching: (() => void) | null = null;

  /** Hides the round (its last answers may still be landing: the watcher stays until the next round). */
  const hide = (s: DrillSession) => {
    releaseLessonAudio(owner);
    if (session.peek() !== s) return;
    session.value = null;
    s.dispose();
  };
  const end = () => {
    stopWatching?.();
    stopWatching = null;
    const s = session.peek();
    if (s) hide(s);
  };

  return {
    block,
    /** The round being played, if any. */
    session,
    /** The last round's result (this visit). */
    last,
    /** Whether the block's kind exists in this version of the app. */
    available: isExerciseId(block.kind),
    /** Starts a new round (ending any round under way). */
    start(): void {
      end();
      if (!isExerciseId(block.kind)) return;
      const s = createDrill({
        kind: block.kind,
        level: block.level,
        count: block.count,
        title: block.kindTitle ?? block.kind,
      });
      session.value = s;
      let recorded = false;
      stopWatching = effect(() => {
        if (s.player.state.value?.playing) claimLessonAudio(owner, () => s.player.stop());
        // An answer is listed once it is stored, which can be just after the round ends: keep watching.
        const round = roundOf(s);
        if (!round) return;
        last.value = round;
        queueMicrotask(() => hide(s));
        if (round.complete && !recorded) {
          recorded = true;
          onRound(round.mean);
        }
      });
    },
    /** Stops the round without recording it. */
    close: end,
    dispose: end,
  };
}

/** An exercise block's drill. */
export type LessonDrill = ReturnType<typeof createLessonDrill>;

/**
 * On the Train page opened from a lesson: when the app's drill finishes a full round of the lesson block's
 * kind and level, records its average as the block's score. Returns stop.
 */
export function watchTrainRoundForLesson(lessonId: string, blockId: string): () => void {
  const summary = findLesson(lessonId);
  if (!summary || summary.passMarks[blockId] === undefined) return () => undefined;
  const done = new WeakSet<DrillSession>();
  return effect(() => {
    const s = drill.value;
    const round = s ? roundOf(s) : null;
    if (!s || !round?.complete || done.has(s)) return;
    done.add(s);
    void openLesson(lessonId).then((lesson) => {
      const block = lesson?.steps.flatMap((step) => step.blocks).find((b) => 'id' in b && b.id === blockId);
      if (block?.type !== 'exercise' || block.kind !== s.kind || s.adaptive || s.level !== block.level)
        return;
      if (s.count < block.count) return;
      void recordBlockScore(summary, blockId, round.mean);
    });
  });
}
