import { lessonIndex, loadLesson } from 'virtual:lessons';
import { effect, signal } from '@preact/signals';
import {
  type LessonProgress,
  type LessonStatus,
  lessonStatus,
  type QuizAttempt,
  reconcileProgress,
  restartedProgress,
  withMixer,
  withQuiz,
  withScore,
  withStep,
} from '../../lessons/progress.pure';
import type { Lesson, LessonSummary } from '../../lessons/schema';
import { deleteLessonState, listLessonStates, updateLessonState } from '../../storage/lessons';
import { xapiLessonCompleted, xapiQuiz } from '../classroom/xapi-hooks';
import { showNotice } from './notices';
import { activeProfileId, database } from './storage';

/** Every lesson without its body, in map order (from the build). */
export const lessons: readonly LessonSummary[] = lessonIndex;

/** The active profile's lesson states by lesson id (empty until loaded). */
export const lessonStates = signal<Record<string, LessonProgress>>({});

/** True once the active profile's states have been read (or reading failed). */
export const lessonStatesLoaded = signal(false);

let loadedFor: string | null = null;

function report(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  showNotice({
    id: 'lesson-save',
    tone: 'error',
    text: `Lesson progress was not saved. ${message}`,
    sticky: true,
  });
}

/** Reads the active profile's lesson states (again when the profile changes). */
export async function loadLessonStates(): Promise<void> {
  const profileId = activeProfileId.value;
  try {
    const states = await listLessonStates(await database(), profileId);
    if (activeProfileId.value !== profileId) return;
    lessonStates.value = Object.fromEntries(states.map((s) => [s.lessonId, s]));
    loadedFor = profileId;
  } catch (error) {
    report(error);
  } finally {
    lessonStatesLoaded.value = true;
  }
}

/** Keeps lesson states in step with the active profile; call once when a lesson view appears. */
export function watchLessonStates(): () => void {
  return effect(() => {
    if (activeProfileId.value !== loadedFor) void loadLessonStates();
  });
}

/** Looks up a lesson's summary by id. */
export function findLesson(id: string): LessonSummary | undefined {
  return lessons.find((l) => l.id === id);
}

/** Loads a lesson's body (its own chunk); null for an unknown id. */
export function openLesson(id: string): Promise<Lesson | null> {
  return loadLesson(id);
}

/** A lesson's status on the map for the active profile (advice only: nothing is ever locked). */
export function statusOf(lesson: LessonSummary): LessonStatus {
  return lessonStatus(lesson, lessonStates.value);
}

/** The state of a lesson for the active profile, brought in line with the lesson's current version. */
export function progressOf(lesson: LessonSummary): LessonProgress {
  return reconcileProgress(lessonStates.value[lesson.id], activeProfileId.value, lesson, Date.now());
}

async function update(
  lesson: LessonSummary,
  change: (current: LessonProgress) => LessonProgress,
): Promise<LessonProgress> {
  const profileId = activeProfileId.value;
  const optimistic = change(progressOf(lesson));
  lessonStates.value = { ...lessonStates.value, [lesson.id]: optimistic };
  try {
    const saved = await updateLessonState(await database(), profileId, lesson.id, (previous) =>
      change(reconcileProgress(previous, profileId, lesson, Date.now())),
    );
    if (activeProfileId.value === profileId)
      lessonStates.value = { ...lessonStates.value, [lesson.id]: saved };
    return saved;
  } catch (error) {
    report(error);
    return optimistic;
  }
}

/** Remembers the step a learner is on, so the lesson resumes there. */
export function saveLessonStep(lesson: LessonSummary, step: number): Promise<LessonProgress> {
  return update(lesson, (s) => withStep(s, lesson, step, Date.now()));
}

/** A mixer block's settings as the learner left them (plain data), or null before any change. */
export function savedLessonMixer(lesson: LessonSummary, blockId: string): unknown {
  return progressOf(lesson).mixers?.[blockId] ?? null;
}

/** Keeps a mixer block's settings for the next visit. */
export function saveLessonMixer(
  lesson: LessonSummary,
  blockId: string,
  data: unknown,
): Promise<LessonProgress> {
  return update(lesson, (s) => withMixer(s, blockId, data, Date.now()));
}

/** Records a graded block's score (best kept); announces the lesson's completion when this completes it. */
export function recordBlockScore(
  lesson: LessonSummary,
  blockId: string,
  score: number,
): Promise<LessonProgress> {
  return record(lesson, (s) => withScore(s, lesson, blockId, score, Date.now()));
}

/** Records a checked quiz attempt (its seed, picks, and whether the key had been shown) and its score. */
export function recordQuizAttempt(
  lesson: LessonSummary,
  blockId: string,
  attempt: QuizAttempt,
): Promise<LessonProgress> {
  xapiQuiz(activeProfileId.value, lesson, blockId, attempt);
  return record(lesson, (s) => withQuiz(s, lesson, blockId, attempt, Date.now()));
}

async function record(
  lesson: LessonSummary,
  change: (current: LessonProgress) => LessonProgress,
): Promise<LessonProgress> {
  const wasCompleted = progressOf(lesson).completed;
  const profileId = activeProfileId.value;
  const next = await update(lesson, change);
  if (next.completed && !wasCompleted) xapiLessonCompleted(profileId, lesson, next.completedAt ?? Date.now());
  if (next.completed && !wasCompleted)
    showNotice({
      id: `lesson-done-${lesson.id}`,
      tone: 'success',
      text: `Lesson complete: ${lesson.title}.`,
    });
  return next;
}

/**
 * Starts a lesson over: forgets its step and scores for the active profile. Quiz histories stay, so a quiz
 * whose answers were already shown never counts as passed on the first try again.
 */
export async function restartLesson(lesson: LessonSummary): Promise<void> {
  const { [lesson.id]: dropped, ...rest } = lessonStates.value;
  if (dropped?.quizzes) {
    await update(lesson, (s) => restartedProgress(s, activeProfileId.value, lesson, Date.now()));
    return;
  }
  lessonStates.value = rest;
  try {
    await deleteLessonState(await database(), activeProfileId.value, lesson.id);
  } catch (error) {
    report(error);
  }
}
