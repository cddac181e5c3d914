/**
 * Which questions a drill asks: an assignment's fixed items, or seeded draws of one kind (drawn again when
 * the hearing check or a workout's focus refuses them), each generated once (adaptive drills: at the
 * estimator's value), with the next question's songs rendered while this one is answered.
 */
import { createRng } from '../../dsp/random';
import { type ExerciseId, type ExerciseQuestion, exercises } from '../../exercises/registry';
import { BAND_KINDS, playsHeardBand } from '../../training/hearing';
import { currentAudioContext } from '../shared/audio';
import { loadSongStems } from '../shared/song-stems';
import { settings } from '../shared/storage';
import { songSourcesOf } from './drill-answers';
import type { DrillItem } from './drill-types';

/** What the question source needs to know of its drill. */
export interface QuestionPlan {
  kind: ExerciseId;
  level: number;
  count: number;
  /** Fixed questions (assignments), or null to draw them. */
  fixed: DrillItem[] | null;
  /** Seed for choosing question seeds. */
  seed: number;
  /** Drawn questions must pass this (a workout's focus band). */
  accept?: ((question: ExerciseQuestion) => boolean) | undefined;
  /** Adaptive drills: the main-variable value the next question is asked at; null otherwise. */
  adaptiveValue: () => number | null;
}

/** A drill's questions, by index. */
export interface QuestionSource {
  /** The item asked at index `i` (drawn on first use, then fixed). */
  itemAt(i: number): DrillItem;
  /** The question an item makes (the last one is kept, so a prefetched question is not made twice). */
  generate(item: DrillItem): ExerciseQuestion;
  /** Renders question `i + 1`'s songs ahead; an adaptive drill knows its next value only once `i` is answered. */
  prefetchNext(i: number, answered?: boolean): void;
}

/** Creates the question source of one drill. */
export function createQuestionSource(plan: QuestionPlan): QuestionSource {
  const { kind, level, count, fixed } = plan;
  const seeds = createRng(plan.seed);
  const upcoming: DrillItem[] = [];
  const unheard = settings.peek().hearingCheck?.unheardHz ?? [];
  const accept =
    plan.accept || (unheard.length > 0 && BAND_KINDS.includes(kind))
      ? (q: ExerciseQuestion) => playsHeardBand(q, unheard) && (plan.accept?.(q) ?? true)
      : null;

  let made: { it: DrillItem; value: number | null; question: ExerciseQuestion } | null = null;
  const generate = (it: DrillItem): ExerciseQuestion => {
    const k = exercises[it.exercise];
    const adaptive = plan.adaptiveValue();
    const value = adaptive !== null && k.generateAt ? adaptive : null;
    if (made && made.it === it && made.value === value) return made.question;
    const question = (
      value !== null ? k.generateAt!(it.seed, value) : k.generate(it.seed, it.level)
    ) as ExerciseQuestion;
    made = { it, value, question };
    return question;
  };

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

  const prefetchNext = (i: number, answered = false) => {
    if (i + 1 >= count || (plan.adaptiveValue() !== null && !answered)) return;
    // Without a Worker (Node, old browsers) the render would run on this thread: only ahead of need.
    if (typeof Worker === 'undefined') return;
    const rate = currentAudioContext()?.sampleRate ?? 48000;
    for (const s of songSourcesOf(generate(itemAt(i + 1)))) loadSongStems(s, rate).catch(() => undefined);
  };

  return { itemAt, generate, prefetchNext };
}
