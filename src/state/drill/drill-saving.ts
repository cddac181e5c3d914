/**
 * Storing a drill's answers: each one as it is given (or through an assignment's recorder), "Saved" only
 * once its transaction completed, a retry of every unsaved answer after space was freed, and a question
 * before leaving while an answer is not stored.
 */
import { batch, effect, signal } from '@preact/signals';
import { exercises } from '../../exercises/registry';
import { holdLeave } from '../shared/leave-guard';
import { saveAttempt, storageFreed } from '../shared/storage';
import type { DrillAnswer, DrillOptions, SaveState } from './drill-types';

/** Stores one answer: the assignment's recorder when there is one, else an attempt of the active profile. */
export function storeAnswer(options: DrillOptions, entry: DrillAnswer): Promise<boolean> {
  const { item: it, question: q, answer: a, result: r, timeMs } = entry;
  if (options.record)
    return options.record(it, entry.index, { question: q, answer: a, score: r.score, timeMs });
  return saveAttempt({
    exercise: it.exercise,
    skill: exercises[it.exercise].meta.skill,
    level: q.level,
    seed: it.seed,
    question: entry.mark ? { ...q, ...entry.mark } : q,
    answer: a,
    score: r.score,
    timeMs,
    at: entry.at,
    ...(r.details ? { details: r.details } : {}),
    ...(options.assignmentId ? { assignmentId: options.assignmentId } : {}),
  });
}

/** The answers of a drill and whether they are stored (`initial`: a continued drill's answers so far). */
export function createAnswerBook(
  store: (entry: DrillAnswer) => Promise<boolean>,
  initial: readonly DrillAnswer[] = [],
) {
  const answers = signal<DrillAnswer[]>([...initial]);
  const saveFailed = signal(initial.some((a) => !a.saved));
  /** The newest answer's save state, by question index. */
  const lastSave = signal<{ index: number; state: SaveState } | null>(null);

  let retrying: Promise<boolean> | null = null;
  /**
   * Stores every answer that did not land yet (after space was freed); true when all are stored. Calls
   * while one runs share it, so no answer is stored twice.
   */
  const retryUnsaved = (): Promise<boolean> => {
    retrying ??= (async () => {
      for (const entry of answers.value) {
        if (entry.saved) continue;
        entry.saved = await store(entry);
        if (entry.saved && lastSave.value?.index === entry.index)
          lastSave.value = { index: entry.index, state: 'saved' };
      }
      const all = answers.value.every((e) => e.saved);
      batch(() => {
        saveFailed.value = !all;
        answers.value = [...answers.value];
      });
      return all;
    })().finally(() => {
      retrying = null;
    });
    return retrying;
  };
  // "Clear cached audio" on the storage-full notice: try the unsaved answers again.
  const stopRetrying = effect(() => {
    if (storageFreed.value > 0 && saveFailed.peek()) void retryUnsaved();
  });
  // Leaving the page with an answer that is not stored asks first (kept for a retry until the drill closes).
  let releaseUnsaved: (() => void) | null = null;
  const stopGuardingUnsaved = effect(() => {
    if (saveFailed.value && !releaseUnsaved) releaseUnsaved = holdLeave('an answer is not saved yet');
    if (!saveFailed.value && releaseUnsaved) {
      releaseUnsaved();
      releaseUnsaved = null;
    }
  });

  /** Stores a new answer and adds it to the list once its save has settled. */
  const add = async (entry: DrillAnswer, saving: Promise<boolean>): Promise<void> => {
    lastSave.value = { index: entry.index, state: 'saving' };
    entry.saved = await saving;
    batch(() => {
      if (!entry.saved) saveFailed.value = true;
      answers.value = [...answers.value, entry];
      if (lastSave.value?.index === entry.index)
        lastSave.value = { index: entry.index, state: entry.saved ? 'saved' : 'failed' };
    });
  };

  const dispose = () => {
    stopRetrying();
    stopGuardingUnsaved();
    releaseUnsaved?.();
    releaseUnsaved = null;
  };

  return { answers, saveFailed, lastSave, retryUnsaved, add, dispose };
}
