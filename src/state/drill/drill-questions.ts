/**
 * Which questions a drill asks: an assignment's fixed items, or seeded draws of one kind (drawn again when
 * the hearing check or a workout's focus refuses them), each generated once (adaptive drills: at the
 * estimator's value), with the next question's audio made ready while this one is answered (question-ahead.ts).
 * Questions that render or analyse a song are generated in the song Worker where there is one (ahead of its
 * song renders); those on pink noise are made here, at once (see needsSong).
 */
import { createRng } from '../../dsp/random';
import { type ExerciseId, type ExerciseQuestion, exercises } from '../../exercises/registry';
import { generateOnImported } from '../../exercises/shared/imported-kinds';
import type { ImportedSongSummary } from '../../exercises/shared/imported-song';
import { BAND_KINDS, playsHeardBand } from '../../training/hearing';
import { generateQuestionInWorker, stopSongWorkersWhenIdle } from '../shared/song-stems';
import { settings } from '../shared/storage';
import type { DrillItem } from './drill-types';
import { dropAhead, prepareAhead, warmQuestionAudio } from './question-ahead';

/** What the question source needs to know of its drill. */
export interface QuestionPlan {
  kind: ExerciseId;
  level: number;
  count: number;
  /** Fixed questions (assignments), or null to draw them. */
  fixed: DrillItem[] | null;
  /** Seed for choosing question seeds. */
  seed: number;
  /** A continued drill's items asked so far: asked again as they were (seeds are still drawn in order). */
  known?: readonly DrillItem[] | undefined;
  /** Drawn questions must pass this (a workout's focus band). */
  accept?: ((question: ExerciseQuestion) => boolean) | undefined;
  /** Adaptive drills: the main-variable value the next question is asked at; null otherwise. */
  adaptiveValue: () => number | null;
  /** An imported song every question plays (generated here from its summary: no rendering, no Worker). */
  song?: ImportedSongSummary | undefined;
}

/** A question and the item it was made from. */
export interface PickedQuestion {
  item: DrillItem;
  question: ExerciseQuestion;
}

/** A drill's questions, by index. */
export interface QuestionSource {
  /**
   * The item asked at index `i` (drawn on first use, then fixed) and its question: at once where questions are
   * generated on this thread (no Worker: Node, old browsers), else a promise (generated in the song Worker).
   */
  questionAt(i: number): PickedQuestion | Promise<PickedQuestion>;
  /**
   * Makes question `i + 1` and its audio ready ahead (question-ahead.ts); an adaptive drill knows its next value
   * only once `i` is answered.
   */
  prefetchNext(i: number, answered?: boolean): void;
  /** The drill ended: nothing more is made ahead, and what this drill held ahead is let go. */
  stop(): void;
}

/**
 * Whether a question of `kind` at `level` (adaptive: at the kind's base level) may render or analyse a
 * generated song: every level but those on pink noise, which are made on the page in a few milliseconds.
 */
export function needsSong(kind: ExerciseId, level: number, adaptive: boolean): boolean {
  const meta = exercises[kind].meta;
  const at = adaptive && meta.mainVariable ? meta.mainVariable.baseLevel : level;
  const spec = meta.levels[Math.min(meta.levels.length, Math.max(1, Math.round(at))) - 1];
  return (spec?.params as { source?: unknown } | undefined)?.source !== 'pink';
}

/** Items whose questions are kept (the current and the next few draws). */
const MADE_KEPT = 4;

/** Creates the question source of one drill. */
export function createQuestionSource(plan: QuestionPlan): QuestionSource {
  const { kind, level, count, fixed } = plan;
  const seeds = createRng(plan.seed);
  const upcoming: (DrillItem | Promise<DrillItem>)[] = [];
  const unheard = settings.peek().hearingCheck?.unheardHz ?? [];
  const accept =
    plan.accept || (unheard.length > 0 && BAND_KINDS.includes(kind))
      ? (q: ExerciseQuestion) => playsHeardBand(q, unheard) && (plan.accept?.(q) ?? true)
      : null;
  // Song questions cost 0.3–1 s of rendering and analysis: made in the song Worker where there is one.
  const offThread = typeof Worker !== 'undefined';
  if (offThread) warmQuestionAudio();
  /** This drill's claim on the question held ahead (another player's end must not drop it). */
  const owner = {};
  let stopped = false;

  // Each item's question, made once per main-variable value (adaptive drills make it at the current value).
  const made = new Map<
    DrillItem,
    { value: number | null; question: ExerciseQuestion | Promise<ExerciseQuestion> }
  >();
  const valueFor = (it: DrillItem): number | null => {
    const adaptive = plan.adaptiveValue();
    return adaptive !== null && exercises[it.exercise].generateAt ? adaptive : null;
  };
  const generateHere = (it: DrillItem, value: number | null): ExerciseQuestion => {
    if (plan.song)
      return generateOnImported(it.exercise, it.seed, it.level, plan.song, value) as ExerciseQuestion;
    const k = exercises[it.exercise];
    return (
      value !== null ? k.generateAt!(it.seed, value) : k.generate(it.seed, it.level)
    ) as ExerciseQuestion;
  };
  const make = (it: DrillItem): ExerciseQuestion | Promise<ExerciseQuestion> => {
    const value = valueFor(it);
    const hit = made.get(it);
    if (hit && hit.value === value) return hit.question;
    // Only questions that render or analyse a song go to the song Worker; the rest are made here, at once.
    const inWorker =
      offThread && !plan.song && needsSong(it.exercise, it.level, value !== null)
        ? generateQuestionInWorker(it.exercise, it.seed, it.level, value)
        : null;
    // A Worker that fails hands the question back to this thread (the same pure generator).
    const question = inWorker ? inWorker.catch(() => generateHere(it, value)) : generateHere(it, value);
    made.delete(it);
    made.set(it, { value, question });
    while (made.size > MADE_KEPT) made.delete(made.keys().next().value as DrillItem);
    return question;
  };

  const nextSeed = () => seeds.int(1, 2_147_483_646);
  const drawNow = (): DrillItem => {
    let it: DrillItem = { exercise: kind, level, seed: nextSeed() };
    for (let tries = 1; accept && tries < 40 && !accept(make(it) as ExerciseQuestion); tries++)
      it = { ...it, seed: nextSeed() };
    return it;
  };
  // With a Worker, each refused draw waits for its question; seeds are still drawn in order.
  const drawLater = async (): Promise<DrillItem> => {
    let it: DrillItem = { exercise: kind, level, seed: nextSeed() };
    for (let tries = 1; accept && tries < 40 && !accept(await make(it)); tries++)
      it = { ...it, seed: nextSeed() };
    return it;
  };
  const itemAt = (i: number): DrillItem | Promise<DrillItem> => {
    if (fixed) return fixed[i] as DrillItem;
    while (upcoming.length <= i) {
      const before = upcoming[upcoming.length - 1];
      const drawn =
        !accept || !offThread ? drawNow() : before instanceof Promise ? before.then(drawLater) : drawLater();
      // A kept item wins over the draw, which still runs so the later seeds come out as they did before.
      const kept = plan.known?.[upcoming.length];
      upcoming.push(kept === undefined ? drawn : drawn instanceof Promise ? drawn.then(() => kept) : kept);
    }
    return upcoming[i] as DrillItem | Promise<DrillItem>;
  };

  const questionAt = (i: number): PickedQuestion | Promise<PickedQuestion> => {
    const it = itemAt(i);
    if (it instanceof Promise) return it.then(async (item) => ({ item, question: await make(item) }));
    const question = make(it);
    return question instanceof Promise
      ? question.then((q) => ({ item: it, question: q }))
      : { item: it, question };
  };

  const prefetchNext = (i: number, answered = false) => {
    // Without a Worker (Node, old browsers) the render would run on this thread: only ahead of need.
    if (!offThread) return;
    // The last question is ready: the song Workers have nothing left to make for this drill, so their bank, note
    // cache and garbage (about 100 MB each) go now, not WORKER_IDLE_MS later (issue 21). Between questions they
    // stay: a fresh Worker made each next question 3-4 s slower (its code compiled and warmed up again).
    if (i + 1 >= count) stopSongWorkersWhenIdle();
    if (i + 1 >= count || (plan.adaptiveValue() !== null && !answered)) return;
    // The next question, its songs, its A/B pair and its level match, while this one is answered; then the
    // question after it (no audio: a few kB), so the next prefetch starts at its songs.
    const fixedValues = plan.adaptiveValue() === null;
    // A drill that ends while its next question is being made holds nothing ahead afterwards.
    void Promise.resolve(questionAt(i + 1))
      .then(({ item, question }) => (stopped ? undefined : prepareAhead(item.exercise, question, owner)))
      .then(() => (!stopped && fixedValues && i + 2 < count ? questionAt(i + 2) : undefined))
      .catch(() => undefined);
  };

  const stop = () => {
    stopped = true;
    dropAhead(owner);
  };

  return { questionAt, prefetchNext, stop };
}
