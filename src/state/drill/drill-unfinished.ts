/**
 * A drill's place, kept as it goes (src/storage/unfinished-drills.ts): after each answer, and the controls of
 * the current question a moment after they move, so a reload, a crash or a closed app finds "Continue: EQ
 * boost level 2, question 4 of 10" on Train, with the same remaining questions. Answers already stored as
 * attempts come back counted in the summary and are never stored again; starting a new drill of the kind,
 * finishing or ending it forgets the place.
 */
import { signal } from '@preact/signals';
import { type ExerciseId, type ExerciseQuestion, exercises, isExerciseId } from '../../exercises/registry';
import type { ImportedSongSummary } from '../../exercises/shared/imported-song';
import type { CheckResult } from '../../exercises/types';
import { listAttempts } from '../../storage/attempts';
import type { Attempt } from '../../storage/schema';
import {
  forgetUnfinishedDrill,
  keepUnfinishedDrill,
  listUnfinishedDrills,
  type UnfinishedDrill,
} from '../../storage/unfinished-drills';
import type { ThresholdRange } from '../../training/estimator';
import { activeProfileId, database } from '../shared/storage';
import { checkAnswer } from './check-answer';
import { createQuestionSource } from './drill-questions';
import type { DrillAnswer, DrillItem, DrillOptions } from './drill-types';

export type { UnfinishedDrill } from '../../storage/unfinished-drills';

/** Pause after the learner last moved a control before the controls are kept, ms. */
export const WORKING_SAVE_MS = 400;

/** The active profile's unfinished drills that this version can continue, newest first. */
export const unfinishedDrills = signal<UnfinishedDrill[]>([]);

/** Whether this version of the app can continue a kept drill (its kind and level still exist). */
export function canContinue(d: UnfinishedDrill): boolean {
  if (!isExerciseId(d.kind)) return false;
  const meta = exercises[d.kind].meta;
  return d.level <= meta.levels.length && (!d.adaptive || (meta.adaptive && !!meta.mainVariable));
}

/** "EQ boost level 2, question 4 of 10" (or "… adaptive, question 4 of 20"; "… on “Demo”, …" on an imported song). */
export function describeUnfinished(d: UnfinishedDrill): string {
  const title = isExerciseId(d.kind) ? exercises[d.kind].meta.title : d.kind;
  const on = d.song ? ` on “${d.song.name}”` : '';
  return `${title} ${d.adaptive ? 'adaptive' : `level ${d.level}`}${on}, question ${d.answers.length + 1} of ${d.count}`;
}

/** Re-reads the active profile's unfinished drills (empty when storage is unavailable). */
export async function refreshUnfinishedDrills(): Promise<UnfinishedDrill[]> {
  const profile = activeProfileId.peek();
  try {
    const list = (await listUnfinishedDrills(await database(), profile)).filter(canContinue);
    if (activeProfileId.peek() === profile) unfinishedDrills.value = list;
    return list;
  } catch {
    // database() already told the learner why storage is unavailable.
    return unfinishedDrills.peek();
  }
}

/** Writes one after another, so an older place never lands after a newer one. */
let writing: Promise<unknown> = Promise.resolve();

function write(
  profileId: string,
  run: (db: Awaited<ReturnType<typeof database>>) => Promise<UnfinishedDrill[]>,
) {
  writing = writing
    .then(async () => {
      const list = await run(await database());
      if (activeProfileId.peek() === profileId) unfinishedDrills.value = list.filter(canContinue);
    })
    .catch((error: unknown) => console.warn('The drill’s place could not be kept.', error));
  return writing;
}

/** Forgets the active profile's unfinished drill of a kind. */
export function forgetUnfinished(kind: string, profileId = activeProfileId.peek()): Promise<unknown> {
  unfinishedDrills.value = unfinishedDrills.peek().filter((d) => d.kind !== kind);
  return write(profileId, (db) => forgetUnfinishedDrill(db, profileId, kind));
}

/** Resolves once every place written so far is stored (tests wait on it). */
export function unfinishedWritesSettled(): Promise<unknown> {
  return writing;
}

/** What a drill that keeps its place tells the keeper. */
export interface PlaceBase {
  kind: ExerciseId;
  level: number;
  adaptive: boolean;
  count: number;
  seed: number;
  sitting: number;
  /** Adaptive drills: the estimate the sitting started from, once known. */
  prior: Promise<ThresholdRange | null>;
  /** A drill on the learner's imported song: which one (kept, so the drill continues on it). */
  song?: { hash: string; name: string };
}

/** Keeps one drill's place for the profile it was started by. */
export function createPlaceKeeper(base: PlaceBase) {
  const profileId = activeProfileId.peek();
  let items: DrillItem[] = [];
  let answers: readonly DrillAnswer[] = [];
  let working: { index: number; answer: unknown } | undefined;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let done = false;

  const keepNow = (): Promise<unknown> => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (done || answers.length === 0) return writing;
    if (answers.length >= base.count) return forgetUnfinished(base.kind, profileId);
    // What is kept is taken now: the write may start after later answers arrived.
    const snapshot = { items, answers, working };
    return write(profileId, async (db) => {
      const { items, answers, working } = snapshot;
      const prior = base.adaptive ? await base.prior : null;
      const record: UnfinishedDrill = {
        kind: base.kind,
        level: base.level,
        adaptive: base.adaptive,
        count: base.count,
        seed: base.seed,
        sitting: base.sitting,
        ...(base.adaptive ? { prior } : {}),
        ...(base.song ? { song: base.song } : {}),
        items: items.slice(0, Math.max(answers.length + 1, 0)),
        answers: answers.map((a) => ({ ...a, item: { ...a.item } })),
        ...(working && working.index === answers.length ? { working } : {}),
        updatedAt: Date.now(),
      };
      // The current question's item may not be drawn yet (its question is still being made).
      if (record.items.length < answers.length) record.items = answers.map((a) => a.item);
      return keepUnfinishedDrill(db, profileId, record);
    });
  };

  const leave = () => {
    if (timer) void keepNow();
  };
  if (typeof addEventListener === 'function') addEventListener('pagehide', leave);

  return {
    /** The item asked at index i (the current question). */
    asked(i: number, item: DrillItem): void {
      items = [...items.slice(0, i), item];
    },
    /** The answers so far changed (given, or their save settled): kept at once. */
    answered(list: readonly DrillAnswer[]): Promise<unknown> {
      answers = list;
      working = undefined;
      return keepNow();
    },
    /** The learner moved a control of question `index`: kept after a short pause. */
    moved(index: number, answer: unknown): void {
      if (done) return;
      working = { index, answer };
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void keepNow(), WORKING_SAVE_MS);
    },
    /** Writes a pending change now (the drill is put away). */
    flush(): Promise<unknown> {
      return timer ? keepNow() : writing;
    },
    /** The drill finished or was ended: its place is forgotten. */
    forget(): Promise<unknown> {
      done = true;
      if (timer) clearTimeout(timer);
      timer = null;
      if (typeof removeEventListener === 'function') removeEventListener('pagehide', leave);
      return forgetUnfinished(base.kind, profileId);
    },
    /** Stops listening and writing (the drill was disposed; its place stays as last written). */
    dispose(): void {
      // An answer still being saved must not write this place back over a newer drill of the kind.
      done = true;
      if (timer) clearTimeout(timer);
      timer = null;
      if (typeof removeEventListener === 'function') removeEventListener('pagehide', leave);
    },
  };
}

/** A drill's place keeper. */
export type PlaceKeeper = ReturnType<typeof createPlaceKeeper>;

/**
 * How to start a drill that continues a kept one. A drill on an imported song needs that song (`song`, found
 * on this device by the hash kept): without it this throws a sentence saying the song is gone, before anything
 * is restored.
 */
export function continueOptions(d: UnfinishedDrill, song: ImportedSongSummary | null = null): DrillOptions {
  const kind = d.kind as ExerciseId;
  if (d.song && song?.hash !== d.song.hash)
    throw new Error(
      `your song “${d.song.name}” is not on this device any more: import the same stem files again to carry on`,
    );
  const onSong = d.song && song ? { song, title: `${exercises[kind].meta.title} on “${song.name}”` } : {};
  return d.adaptive
    ? {
        kind,
        adaptive: true,
        count: d.count,
        seed: d.seed,
        prior: (d.prior ?? null) as ThresholdRange | null,
        ...onSong,
      }
    : { kind, level: d.level, count: d.count, seed: d.seed, ...onSong };
}

/**
 * The kept answers as the drill holds them. One whose save had not settled is looked up among the stored
 * attempts (same kind, seed and time): found, it counts as saved and is never stored twice. An attempt stored
 * after the place was last written (the app closed between storing an answer and keeping the place) of the
 * next kept or drawn item comes back answered too: that question is never asked, nor stored, again.
 */
export async function restoredAnswers(
  d: UnfinishedDrill,
  song: ImportedSongSummary | null = null,
): Promise<DrillAnswer[]> {
  // A place being written now (the drill was just put away) lands before it is read back.
  await writing;
  const list = d.answers.map((a) => ({ ...a }) as unknown as DrillAnswer);
  let stored: Attempt[];
  try {
    stored = await listAttempts(await database(), activeProfileId.peek());
  } catch {
    // Unknown: unsaved ones stay unsaved, and the drill offers to store them again.
    return list;
  }
  for (const a of list)
    if (!a.saved)
      a.saved = stored.some((s) => s.exercise === a.item.exercise && s.seed === a.item.seed && s.at === a.at);
  const later = stored.filter((s) => s.exercise === d.kind && s.at >= d.updatedAt);
  if (later.length === 0) return list;
  const known = d.items as DrillItem[];
  let source: ReturnType<typeof createQuestionSource> | null = null;
  // Every question found answered: the drill continues at its summary (createDrill).
  while (list.length < d.count) {
    const index = list.length;
    let item = known[index];
    if (!item) {
      source ??= createQuestionSource({
        kind: d.kind as ExerciseId,
        level: d.level,
        count: d.count,
        fixed: null,
        seed: d.seed,
        known,
        adaptiveValue: () => null,
        ...(song ? { song } : {}),
      });
      item = (await source.questionAt(index)).item;
    }
    const it = item;
    const found = later.find((s) => s.seed === it.seed && s.at >= (list[index - 1]?.at ?? 0));
    if (!found) break;
    list.push(await answerFromAttempt(index, it, found));
  }
  return list;
}

/** A stored attempt as the drill's answer to question `index` (checked again for its verdict and words). */
async function answerFromAttempt(index: number, item: DrillItem, s: Attempt): Promise<DrillAnswer> {
  const { adaptiveSitting, adaptiveEstimate, ...question } = s.question as ExerciseQuestion & {
    adaptiveSitting?: number;
    adaptiveEstimate?: unknown;
  };
  const q = question as ExerciseQuestion;
  const checked = await checkAnswer(item.exercise, q, s.answer);
  const details = (s.details ?? checked.details) as CheckResult['details'];
  const answer: DrillAnswer = {
    index,
    item,
    question: q,
    answer: s.answer,
    result: { ...checked, score: s.score, ...(details === undefined ? {} : { details }) },
    timeMs: s.timeMs,
    at: s.at,
    saved: true,
  };
  if (q.adaptiveValue !== undefined) answer.value = q.adaptiveValue;
  if (adaptiveSitting !== undefined)
    answer.mark = { adaptiveSitting, adaptiveEstimate } as DrillAnswer['mark'];
  return answer;
}
