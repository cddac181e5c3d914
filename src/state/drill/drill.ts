import { batch, computed, effect, signal } from '@preact/signals';
import { createRng } from '../../dsp/random';
import { type ExerciseId, type ExerciseQuestion, exercises, isExerciseId } from '../../exercises/registry';
import type { CheckResult, MainVariable } from '../../exercises/types';
import { listAttempts } from '../../storage/attempts';
import { type AdaptiveMark, estimatorOptions, latestEstimate } from '../../training/adaptive-thresholds';
import {
  ADAPTIVE_TRIALS,
  createEstimator,
  type Estimator,
  type ThresholdRange,
} from '../../training/estimator';
import { BAND_KINDS, playsHeardBand } from '../../training/hearing';
import { describeThreshold } from '../../training/threshold-words';
import { type AnsweredQuestion, registerAssignmentRunner } from '../classroom/classroom';
import { xapiDrillRound } from '../classroom/xapi-hooks';
import { currentAudioContext } from '../shared/audio';
import { holdBusy } from '../shared/busy';
import { holdLeave } from '../shared/leave-guard';
import { navigate } from '../shared/router';
import { loadSongStems } from '../shared/song-stems';
import { activeProfileId, database, saveAttempt, settings, storageFreed } from '../shared/storage';
import { afterNextPaint } from './after-paint';
import { checkAnswer } from './check-answer';
import { initialAnswer, isAnswerComplete, MATCH_KINDS, songSourcesOf } from './drill-answers';
import { createDrillPlayer, type DrillPlayer } from './drill-player';

/**
 * A drill session: a run of questions of one kind (at a level, or adaptive on the kind's main variable),
 * or a fixed list of (exercise, level, seed) items such as an assignment. Each answer is checked, timed and
 * stored (attempt + progress in one transaction); the summary gives the scores, the mean and, in adaptive
 * mode, the threshold in words. One drill runs at a time: `drill` holds it.
 */

/** One fixed question: what an assignment hands the drill. */
export interface DrillItem {
  exercise: ExerciseId;
  level: number;
  seed: number;
}

/** How to start a drill: a kind (and level, or adaptive), or a fixed list of items. */
export interface DrillOptions {
  /** Fixed questions, in order (assignments). Overrides kind/level/adaptive/count. */
  items?: DrillItem[];
  kind?: ExerciseId;
  /** 1-based level (ignored when adaptive). */
  level?: number;
  /** Measure the kind's threshold on its main variable (src/training/estimator.ts). */
  adaptive?: boolean;
  /**
   * Adaptive drills: the estimate to start from. Absent: the latest stored sitting's estimate of this kind
   * (loaded in the background); null: none.
   */
  prior?: ThresholdRange | null;
  /** Questions in the drill (default 10; adaptive 20). */
  count?: number;
  /** Stored on every attempt. */
  assignmentId?: string;
  /** Heading for the drill view (default the kind's title). */
  title?: string;
  /** Seed for choosing question seeds (default: the clock). */
  seed?: number;
  /** Stores an answer instead of saveAttempt (the classroom's recorder); true when it landed. */
  record?: (item: DrillItem, index: number, result: AnsweredQuestion) => Promise<boolean>;
  /** Where closing the drill goes (an assignment's page); default: stay on the Train page. */
  returnTo?: string;
  /**
   * Drawn questions must pass this (a workout's focus band); a question that does not is drawn again, up to
   * 40 times. Bands the hearing check left out are always drawn again (eq-boost).
   */
  accept?: (question: ExerciseQuestion) => boolean;
}

/** One answered question. */
export interface DrillAnswer {
  index: number;
  item: DrillItem;
  question: ExerciseQuestion;
  answer: unknown;
  result: CheckResult;
  timeMs: number;
  /** When it was answered (epoch ms): a later retry stores this time, not the retry's. */
  at: number;
  saved: boolean;
  /** Adaptive drills: the main-variable value the question was asked at. */
  value?: number;
  /** Adaptive drills: the sitting and the estimate after this answer, stored with the question. */
  mark?: AdaptiveMark;
}

/** The end of a drill. */
export interface DrillSummary {
  scores: number[];
  mean: number;
  correct: number;
  totalTimeMs: number;
  /** Adaptive drills: the threshold estimate's value (null outside adaptive drills). */
  threshold: number | null;
  /** Adaptive drills: the estimate with its ~80 % range (null outside adaptive drills). */
  estimate: ThresholdRange | null;
  /** The threshold (or the estimate so far) in words; null outside adaptive drills. */
  thresholdWords: string | null;
}

/** Where a drill is. */
export type DrillPhase = 'question' | 'checking' | 'answered' | 'done';

/** Whether an answer is stored: "Saved" shows only once its transaction has completed. */
export type SaveState = 'saving' | 'saved' | 'failed';

/** Default question count of a drill. */
export const DEFAULT_COUNT = 10;
/** Default question count of an adaptive drill. */
export const DEFAULT_ADAPTIVE_COUNT = ADAPTIVE_TRIALS;

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

/** Creates a drill session (call `startDrill` to make it the app's drill). */
export function createDrill(options: DrillOptions) {
  const { kind, count, fixed } = resolveItems(options);
  const meta = exercises[kind].meta;
  const adaptive = !fixed && options.adaptive === true && meta.adaptive && !!meta.mainVariable;
  const level = Math.max(1, Math.min(meta.levels.length, Math.round(options.level ?? 1)));
  const variable = adaptive ? meta.mainVariable! : null;
  let estimator: Estimator | null = variable
    ? createEstimator(estimatorOptions(variable, options.prior))
    : null;
  /** When this adaptive sitting began: stored with every answer so the next sitting finds this one. */
  const sitting = Date.now();
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
  const seeds = createRng(options.seed ?? clockSeed());
  const player: DrillPlayer = createDrillPlayer();
  const title = options.title ?? meta.title;

  const index = signal(0);
  const phase = signal<DrillPhase>('question');
  const question = signal<ExerciseQuestion | null>(null);
  const answer = signal<unknown>(null);
  const result = signal<CheckResult | null>(null);
  const answers = signal<DrillAnswer[]>([]);
  const saveFailed = signal(false);
  /** The newest answer's save state, by question index. */
  const lastSave = signal<{ index: number; state: SaveState } | null>(null);
  let item: DrillItem | null = null;
  let shownAt = 0;
  let releaseBusy: (() => void) | null = holdBusy('drill');
  const upcoming: DrillItem[] = [];

  const unheard = settings.peek().hearingCheck?.unheardHz ?? [];
  const accept =
    options.accept || (unheard.length > 0 && BAND_KINDS.includes(kind))
      ? (q: ExerciseQuestion) => playsHeardBand(q, unheard) && (options.accept?.(q) ?? true)
      : null;
  const drawItem = (): DrillItem => {
    let it: DrillItem = { exercise: kind, level, seed: seeds.int(1, 2_147_483_646) };
    for (let tries = 1; accept && tries < 40 && !accept(generate(it)); tries++)
      it = { ...it, seed: seeds.int(1, 2_147_483_646) };
    return it;
  };
  const itemAt = (i: number): DrillItem => {
    if (fixed) return fixed[i] as DrillItem;
    while (upcoming.length <= i) upcoming.push(drawItem());
    return upcoming[i] as DrillItem;
  };

  /** The last question generated, so the one prefetched is not generated again when it is shown. */
  let made: { it: DrillItem; value: number | null; question: ExerciseQuestion } | null = null;
  function generate(it: DrillItem): ExerciseQuestion {
    const k = exercises[it.exercise];
    const value = estimator && k.generateAt ? estimator.value : null;
    if (made && made.it === it && made.value === value) return made.question;
    const question = (
      value !== null ? k.generateAt!(it.seed, value) : k.generate(it.seed, it.level)
    ) as ExerciseQuestion;
    made = { it, value, question };
    return question;
  }

  /**
   * Renders the next question's songs while this one is answered. An adaptive drill knows its next value
   * only once this answer is in (`answered`).
   */
  const prefetchNext = (i: number, answered = false) => {
    if (i + 1 >= count || (estimator && !answered)) return;
    // Without a Worker (Node, old browsers) the render would run on this thread: only ahead of need.
    if (typeof Worker === 'undefined') return;
    const rate = currentAudioContext()?.sampleRate ?? 48000;
    for (const s of songSourcesOf(generate(itemAt(i + 1)))) loadSongStems(s, rate).catch(() => undefined);
  };

  const show = (i: number) => {
    item = itemAt(i);
    const q = generate(item);
    batch(() => {
      index.value = i;
      question.value = q;
      answer.value = initialAnswer(q);
      result.value = null;
      phase.value = 'question';
    });
    shownAt = performance.now();
    void player.load(item.exercise, q).then(() => {
      // The clock runs from when the question can be heard.
      if (question.value === q && phase.value === 'question') shownAt = performance.now();
      prefetchNext(i);
    });
  };

  const finish = () => {
    player.clear();
    phase.value = 'done';
    releaseBusy?.();
    releaseBusy = null;
  };

  const summary = computed<DrillSummary | null>(() => {
    const list = answers.value;
    if (list.length === 0) return null;
    const scores = list.map((a) => a.result.score);
    const estimate = variable ? (list.at(-1)?.mark?.adaptiveEstimate ?? null) : null;
    let thresholdWords: string | null = null;
    if (variable) {
      const baseParams = meta.levels[variable.baseLevel - 1]?.params as { tracks?: number } | undefined;
      const first =
        !hasPrior && list.length < ADAPTIVE_TRIALS / 2
          ? ` (A first estimate from ${list.length} answers: a whole drill of ${ADAPTIVE_TRIALS} narrows it.)`
          : '';
      thresholdWords = `${describeThreshold(kind, estimate, variable, { tracks: baseParams?.tracks })}${estimate ? first : ''}`;
    }
    return {
      scores,
      mean: Math.round(scores.reduce((s, v) => s + v, 0) / scores.length),
      correct: list.filter((a) => a.result.correct).length,
      totalTimeMs: list.reduce((s, a) => s + a.timeMs, 0),
      threshold: estimate?.value ?? null,
      estimate,
      thresholdWords,
    };
  });

  /** A round of one kind that ran to its last question goes to the school's record store, if one is set up. */
  const sendRound = () => {
    const list = answers.peek();
    const s = summary.peek();
    if (fixed || !s || list.length === 0) return;
    xapiDrillRound(activeProfileId.peek(), {
      exercise: kind,
      level: adaptive ? 'adaptive' : level,
      scores: s.scores,
      correct: s.correct,
      totalTimeMs: s.totalTimeMs,
      startedAt: list[0]?.at ?? Date.now(),
      endedAt: list.at(-1)?.at ?? Date.now(),
      ...(options.assignmentId ? { assignmentId: options.assignmentId } : {}),
      threshold: s.estimate ?? null,
    });
  };

  const store = async (entry: DrillAnswer): Promise<boolean> => {
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
  };

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

  const session = {
    kind,
    title,
    count,
    adaptive,
    level,
    /** Adaptive drills: resolves to the estimate this sitting started from (null: none). */
    priorReady,
    assignmentId: options.assignmentId ?? null,
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
      lastSave.value = { index: entry.index, state: 'saving' };
      const saving = store(entry).finally(releaseLeave);
      // The review (A: the right answer, B: yours) rebuilds the audio and measures its loudness, about a
      // second on a slow laptop: it starts once the feedback is on screen, and only for this question.
      afterNextPaint(() => {
        if (question.value === q && phase.value === 'answered') void player.review(a);
        if (estimator && question.value === q) prefetchNext(entry.index, true);
      });
      entry.saved = await saving;
      batch(() => {
        if (!entry.saved) saveFailed.value = true;
        answers.value = [...answers.value, entry];
        if (lastSave.value?.index === entry.index)
          lastSave.value = { index: entry.index, state: entry.saved ? 'saved' : 'failed' };
      });
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
    dispose(): void {
      player.dispose();
      stopRetrying();
      stopGuardingUnsaved();
      releaseUnsaved?.();
      releaseUnsaved = null;
      releaseBusy?.();
      releaseBusy = null;
    },
  };
  show(0);
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

/** Starts a drill and makes it the app's drill (ending any other). */
export function startDrill(options: DrillOptions): DrillSession {
  drill.value?.dispose();
  const session = createDrill(options);
  drill.value = session;
  return session;
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
    });
    navigate('/train');
  });
}
