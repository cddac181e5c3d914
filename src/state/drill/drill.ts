import { batch, computed, signal } from '@preact/signals';
import { type ExerciseId, type ExerciseQuestion, exercises, isExerciseId } from '../../exercises/registry';
import type { ImportedSongSummary } from '../../exercises/shared/imported-song';
import { withMemoryMode } from '../../exercises/shared/memory-mode';
import type { CheckResult, MainVariable } from '../../exercises/types';
import { listAttempts } from '../../storage/attempts';
import { estimatorOptions, latestEstimate } from '../../training/adaptive-thresholds';
import { createEstimator, type Estimator, type ThresholdRange } from '../../training/estimator';
import { registerAssignmentRunner } from '../classroom/classroom';
import { holdBusy } from '../shared/busy';
import { holdLeave } from '../shared/leave-guard';
import { localDay } from '../shared/local-day';
import { navigate } from '../shared/router';
import { releaseSongStems } from '../shared/song-stems';
import { assignmentHolder, holdStemsFor, workoutHolder } from '../shared/stem-cache';
import { activeProfileId, database, settings } from '../shared/storage';
import { afterNextPaint } from './after-paint';
import { checkAnswer } from './check-answer';
import { initialAnswer, isAnswerComplete, MATCH_KINDS } from './drill-answers';
import { createDrillPlayer, type DrillPlayer } from './drill-player';
import { createQuestionSource } from './drill-questions';
import { createAnswerBook, storeAnswer } from './drill-saving';
import { sendDrillRound, summariseDrill } from './drill-summary';
import {
  DEFAULT_ADAPTIVE_COUNT,
  DEFAULT_COUNT,
  type DrillAnswer,
  type DrillItem,
  type DrillOptions,
  type DrillPhase,
  type DrillSummary,
} from './drill-types';
import {
  continueOptions,
  createPlaceKeeper,
  forgetUnfinished,
  type PlaceKeeper,
  restoredAnswers,
  type UnfinishedDrill,
} from './drill-unfinished';

export * from './drill-types';

/**
 * A drill session: a run of questions of one kind (at a level, or adaptive on the kind's main variable),
 * or a fixed list of (exercise, level, seed) items such as an assignment. Each answer is checked, timed and
 * stored (attempt + progress in one transaction); the summary gives the scores, the mean and, in adaptive
 * mode, the threshold in words. One drill runs at a time: `drill` holds it.
 */

function clockSeed(): number {
  return Date.now() % 2_147_483_647;
}

function resolveItems(o: DrillOptions): { kind: ExerciseId; count: number; fixed: DrillItem[] | null } {
  if (o.items && o.items.length > 0) {
    const first = o.items[0] as DrillItem;
    return { kind: first.exercise, count: o.items.length, fixed: o.items };
  }
  const kind = o.kind && isExerciseId(o.kind) ? o.kind : 'eq-boost';
  const count = Math.max(1, Math.round(o.count ?? (o.adaptive ? DEFAULT_ADAPTIVE_COUNT : DEFAULT_COUNT)));
  return { kind, count, fixed: null };
}

/** A drill that keeps its place (drill-unfinished.ts), and the kept drill it continues, if any. */
export interface DrillPlace {
  /** Keep this drill's place as it goes (drills of one kind started from Train). */
  keep: boolean;
  /** The kept drill this one continues, with its answers as restored. */
  resume?: { drill: UnfinishedDrill; answers: DrillAnswer[] };
}

/**
 * Who a drill's songs are played for, so the stem cache keeps them while it is open: an assignment, or
 * today's workout (its drills carry a "Workout n of m" title and are the saved workout's current item).
 */
function stemHolderOf(options: DrillOptions, kind: ExerciseId): string | null {
  if (options.assignmentId) return assignmentHolder(options.assignmentId);
  const profile = activeProfileId.peek();
  const w = settings.peek().workoutInProgress[profile];
  const onNow = w?.plan.items[w.index];
  if (
    w &&
    w.day === localDay(Date.now()) &&
    options.title?.startsWith('Workout ') &&
    onNow?.type === 'drill' &&
    onNow.kind === kind
  )
    return workoutHolder(profile);
  return null;
}

/** Creates a drill session (call `startDrill` to make it the app's drill). */
export function createDrill(options: DrillOptions, place: DrillPlace = { keep: false }) {
  const { kind, count, fixed } = resolveItems(options);
  const meta = exercises[kind].meta;
  const adaptive = !fixed && options.adaptive === true && meta.adaptive && !!meta.mainVariable;
  const level = Math.max(1, Math.min(meta.levels.length, Math.round(options.level ?? 1)));
  const variable = adaptive ? meta.mainVariable! : null;
  const resume = place.resume ?? null;
  const restored = resume?.answers ?? [];
  // A continued sitting replays the answers it had (at the values they were asked at).
  const replay = restored.flatMap((a) =>
    a.value === undefined ? [] : [{ value: a.value, correct: a.result.correct }],
  );
  let estimator: Estimator | null = variable
    ? createEstimator(estimatorOptions(variable, options.prior), replay)
    : null;
  /** When this adaptive sitting began: stored with every answer so the next sitting finds this one. */
  const sitting = resume?.drill.sitting ?? Date.now();
  let hasPrior = !!options.prior;
  /** Adaptive drills: the estimate this sitting started from, once known (null: none). */
  const priorReady: Promise<ThresholdRange | null> =
    variable && options.prior === undefined && !options.record
      ? // The last sitting's estimate is this one's prior; answers given before it arrives are replayed.
        loadPrior(kind, variable).then((prior) => {
          if (prior && estimator) {
            estimator = createEstimator(estimatorOptions(variable, prior), estimator.trials);
            hasPrior = true;
          }
          return prior;
        })
      : Promise.resolve(options.prior ?? null);
  const releaseStems = holdStemsFor(stemHolderOf(options, kind));
  const player: DrillPlayer = createDrillPlayer();
  const title = options.title ?? meta.title;

  const index = signal(0);
  const phase = signal<DrillPhase>('question');
  const question = signal<ExerciseQuestion | null>(null);
  const answer = signal<unknown>(null);
  const result = signal<CheckResult | null>(null);
  const book = createAnswerBook((entry) => storeAnswer(options, entry), restored);
  const { answers, saveFailed, lastSave, retryUnsaved } = book;
  let item: DrillItem | null = null;
  let shownAt = 0;
  let releaseBusy: (() => void) | null = holdBusy('drill');

  const seed = options.seed ?? clockSeed();
  const keeper: PlaceKeeper | null =
    place.keep && !fixed
      ? createPlaceKeeper({
          kind,
          level,
          adaptive,
          count,
          seed,
          sitting,
          prior: priorReady,
          ...(options.song ? { song: { hash: options.song.hash, name: options.song.name } } : {}),
        })
      : null;
  /** The controls the learner had moved on the question a continued drill starts at (applied once). */
  let working = resume?.drill.working ?? null;
  const questions = createQuestionSource({
    kind,
    level,
    count,
    fixed,
    seed,
    known: resume?.drill.items as DrillItem[] | undefined,
    accept: options.accept,
    adaptiveValue: () => estimator?.value ?? null,
    song: options.song,
  });
  const { prefetchNext } = questions;

  // Questions may be generated in a Worker: the newest show() wins, and nothing shows after the drill ended.
  let showing = 0;
  const show = (i: number) => {
    const mine = ++showing;
    const picked = questions.questionAt(i);
    if (!(picked instanceof Promise)) present(i, picked);
    else {
      // Until the first question arrives there is none to answer; its arrival then starts a 'question' phase
      // (the view focuses the question when the phase starts).
      if (question.peek() === null) phase.value = 'checking';
      void picked.then(
        (p) => {
          if (mine === showing && phase.peek() !== 'done') present(i, p);
        },
        (error: unknown) => console.error('The next question could not be made.', error),
      );
    }
  };

  const present = (i: number, picked: { item: DrillItem; question: ExerciseQuestion }) => {
    item = picked.item;
    keeper?.asked(i, item);
    const q = picked.question;
    const moved = working?.index === i ? working : null;
    working = null;
    batch(() => {
      index.value = i;
      question.value = q;
      answer.value = moved ? moved.answer : initialAnswer(q);
      result.value = null;
      phase.value = 'question';
    });
    shownAt = performance.now();
    void player.load(item.exercise, q).then(() => {
      // The clock runs from when the question can be heard.
      if (question.value === q && phase.value === 'question') shownAt = performance.now();
      // Controls kept from before a reload: B follows them (match kinds), as if just moved.
      if (moved && question.value === q && MATCH_KINDS.includes(q.kind)) player.update(answer.value);
      prefetchNext(i);
    });
  };

  const finish = () => {
    void keeper?.forget();
    questions.stop();
    player.clear();
    phase.value = 'done';
    releaseBusy?.();
    releaseBusy = null;
  };

  const summary = computed<DrillSummary | null>(() =>
    summariseDrill(answers.value, { kind, meta, variable, hasPrior }),
  );

  /** A round of one kind that ran to its last question goes to the school's record store, if one is set up. */
  const sendRound = () => {
    if (fixed) return;
    sendDrillRound(answers.peek(), summary.peek(), {
      kind,
      level: adaptive ? 'adaptive' : level,
      assignmentId: options.assignmentId,
    });
  };

  const session = {
    kind,
    title,
    count,
    adaptive,
    level,
    /** Adaptive drills: resolves to the estimate this sitting started from (null: none). */
    priorReady,
    assignmentId: options.assignmentId ?? null,
    /** Whether the drill plays a learner's imported song (practice examples are made on Headroom's songs). */
    onImportedSong: options.song !== undefined,
    /** A continued drill: how many answers it had when it was continued (0 for a new drill). */
    continuedWith: restored.length,
    /** Where closing the drill goes, or null to stay on the Train page. */
    returnTo: options.returnTo ?? null,
    player,
    index,
    phase,
    question,
    answer,
    result,
    answers,
    summary,
    saveFailed,
    lastSave,
    retryUnsaved,
    /** Whether the answer can be submitted: the question has been played and the answer has every part it needs. */
    canSubmit: computed(
      () =>
        phase.value === 'question' &&
        !!question.value &&
        player.heard.value &&
        isAnswerComplete(question.value, answer.value),
    ),
    /** Sets the working answer (match kinds: B follows it live). */
    setAnswer(next: unknown): void {
      if (phase.value !== 'question') return;
      answer.value = next;
      keeper?.moved(index.value, next);
      const current = question.value?.kind;
      if (current && MATCH_KINDS.includes(current)) player.update(next);
    },
    /** Checks and stores the working answer. */
    async submit(): Promise<void> {
      const q = question.value;
      const it = item;
      if (!q || !it || phase.value !== 'question' || !isAnswerComplete(q, answer.value)) return;
      const a = answer.value;
      const timeMs = Math.max(0, Math.round(performance.now() - shownAt));
      phase.value = 'checking';
      // From this moment until the answer is stored, leaving the page asks first.
      const releaseLeave = holdLeave('an answer is being saved');
      // Let the UI show "Scoring…" before a check that takes a moment (comp-match renders its stem).
      await new Promise((resolve) => setTimeout(resolve, 0));
      let r: CheckResult;
      try {
        // Whole-mix kinds are marked in a Worker (seconds of rendering); the rest here, at once.
        r = await checkAnswer(it.exercise, q, a);
        // Memory mode scores the same; the attempt says it was made from memory (progress keeps it apart).
        if (player.memory.view.peek().on) r = withMemoryMode(r);
      } catch (error) {
        releaseLeave();
        throw error;
      }
      const value = q.adaptiveValue;
      // The estimator learns from the value the question was really asked at (rounded by generateAt).
      if (estimator) estimator.recordAt(value ?? estimator.value, r.correct);
      const entry: DrillAnswer = {
        index: index.value,
        item: it,
        question: q,
        answer: a,
        result: r,
        timeMs,
        at: Date.now(),
        saved: false,
      };
      if (value !== undefined) entry.value = value;
      if (estimator) entry.mark = { adaptiveSitting: sitting, adaptiveEstimate: estimator.estimate };
      batch(() => {
        result.value = r;
        phase.value = 'answered';
      });
      // The place is kept with this answer before its attempt is stored: a crash between the two finds the
      // attempt again when the drill is continued (restoredAnswers), so it is never stored twice.
      void keeper?.answered([...answers.peek(), entry]);
      const saving = storeAnswer(options, entry).finally(releaseLeave);
      const added = book.add(entry, saving).then(() => void keeper?.answered(answers.peek()));
      // The review (A: the right answer, B: yours) rebuilds the audio and measures its loudness, about a
      // second on a slow laptop: it starts once the feedback is on screen, and only for this question.
      afterNextPaint(() => {
        if (question.value === q && phase.value === 'answered') void player.review(a);
        if (estimator && question.value === q) prefetchNext(entry.index, true);
      });
      await added;
    },
    /** Goes to the next question, or to the summary after the last. */
    next(): void {
      if (phase.value !== 'answered') return;
      if (index.value + 1 >= count) {
        finish();
        sendRound();
      } else show(index.value + 1);
    },
    /** Ends the drill early (answers so far stay stored). */
    quit(): void {
      finish();
    },
    /** Resolves once this drill's place is written (tests wait on it). */
    placeKept(): Promise<unknown> {
      return keeper?.flush() ?? Promise.resolve();
    },
    dispose(): void {
      showing++;
      void keeper?.flush();
      keeper?.dispose();
      releaseStems();
      questions.stop();
      player.dispose();
      // Its songs are in IndexedDB: memory keeps none once the drill is gone (issue 21's memory budget).
      releaseSongStems();
      book.dispose();
      releaseBusy?.();
      releaseBusy = null;
    },
  };
  // A continued drill whose last answer was stored before its place was forgotten opens at its summary.
  if (restored.length >= count) {
    finish();
    sendRound();
  } else show(restored.length);
  return session;
}

/** The latest stored sitting's estimate of a kind for the active profile, or null (also when storage fails). */
async function loadPrior(kind: ExerciseId, variable: MainVariable): Promise<ThresholdRange | null> {
  try {
    const attempts = await listAttempts(await database(), activeProfileId.peek());
    return latestEstimate(kind, variable, attempts);
  } catch {
    return null;
  }
}

/** A drill session. */
export type DrillSession = ReturnType<typeof createDrill>;

/** The drill now running (or finished and showing its summary), if any. */
export const drill = signal<DrillSession | null>(null);

/**
 * Whether a drill keeps its place for a reload: a drill of one kind started from Train or its summary (not an
 * assignment's, a workout's, nor one drawn towards a focus band, which come back through their own pages).
 */
function keepsPlace(options: DrillOptions): boolean {
  return (
    !options.items &&
    !options.record &&
    // A drill on the learner's own song is titled by it ("EQ boost on “Demo”") and keeps its place too.
    (!options.title || !!options.song) &&
    !options.accept &&
    !options.assignmentId
  );
}

/** Starts a drill and makes it the app's drill (ending any other); a new drill of a kind forgets its kept place. */
export function startDrill(options: DrillOptions, resume?: DrillPlace['resume']): DrillSession {
  drill.value?.dispose();
  const keep = keepsPlace(options);
  const session = createDrill(options, { keep, ...(resume ? { resume } : {}) });
  if (keep && !resume) void forgetUnfinished(session.kind);
  drill.value = session;
  return session;
}

/**
 * Continues a kept drill where it was left: the same remaining questions, the answers so far counted once. A
 * drill on an imported song finds that song by its hash (`findSong`, from the library); when it is gone the
 * drill is not started and the error says so in words.
 */
export async function continueDrill(
  kept: UnfinishedDrill,
  findSong: (hash: string) => Promise<ImportedSongSummary | null> = async () => null,
): Promise<DrillSession> {
  const song = kept.song ? await findSong(kept.song.hash) : null;
  const options = continueOptions(kept, song);
  const answers = await restoredAnswers(kept, song);
  return startDrill(options, { drill: kept, answers });
}

/** Closes the drill view (after the summary, or to stop early), back to where it was started from. */
export function closeDrill(): void {
  const back = drill.value?.returnTo ?? null;
  drill.value?.dispose();
  drill.value = null;
  if (back) navigate(back);
}

let installed = false;

/** Lets the classroom run assignments through the drill (call once at start-up; later calls do nothing). */
export function installDrillRunner(): void {
  if (installed) return;
  installed = true;
  registerAssignmentRunner((run) => {
    const valid = run.questions.filter((q) => isExerciseId(q.exercise));
    if (valid.length === 0) return;
    startDrill({
      items: valid.map((q) => ({ exercise: q.exercise as ExerciseId, level: q.level, seed: q.seed })),
      assignmentId: run.assignmentId,
      title: run.title,
      record: (_item, i, answered) => run.record(valid[i]!, answered),
      ...(run.returnTo ? { returnTo: run.returnTo } : {}),
      ...(run.song ? { song: run.song } : {}),
    });
    navigate('/train');
  });
}
