/**
 * What to do after a drill, one click each: move up a level (most answers right), step down (most wrong),
 * practise the band missed most (eq-boost), or read the lesson that explains the mistakes (pure).
 */
import type { Hz } from '../dsp/units';
import { questionBandHz } from './hearing';
import { RIGHT_SCORE } from './skill-map';

/** Mean and right share from which a drill suggests the next level. */
export const LEVEL_UP_MEAN = 85;
export const LEVEL_UP_SHARE = 0.8;
/** Mean under which it suggests the level below. */
export const LEVEL_DOWN_MEAN = 40;

/** One suggested next step. */
export type AfterDrillStep =
  | { type: 'level-up' | 'level-down'; level: number; label: string }
  | { type: 'band'; focusHz: Hz; level: number; label: string }
  | { type: 'lesson'; lessonId: string; label: string };

/** One answer of the drill: its score, and for band questions the question and the answer given. */
export interface AnsweredItem {
  score: number;
  question: unknown;
  answer: unknown;
}

/** What the suggestions read. */
export interface AfterDrillInput {
  kind: string;
  level: number;
  adaptive: boolean;
  levelNames: readonly string[];
  answers: readonly AnsweredItem[];
  /** The lesson that teaches this drill, if any. */
  lesson: { id: string; title: string } | null;
}

function hzWords(hz: Hz): string {
  return hz >= 1000 ? `${hz / 1000} kHz` : `${hz} Hz`;
}

/** The band missed most often in a drill's band questions (ties: the lower band), or null. */
export function mostMissedBand(answers: readonly AnsweredItem[]): { hz: Hz; misses: number } | null {
  const misses = new Map<Hz, number>();
  for (const a of answers) {
    const hz = questionBandHz(a.question);
    if (hz === null || a.score >= RIGHT_SCORE) continue;
    misses.set(hz, (misses.get(hz) ?? 0) + 1);
  }
  let best: { hz: Hz; misses: number } | null = null;
  for (const [hz, n] of [...misses].sort((x, y) => x[0] - y[0]))
    if (!best || n > best.misses) best = { hz, misses: n };
  return best;
}

/** The next steps after a drill, most useful first (empty when there are no answers). */
export function afterDrillSteps(input: AfterDrillInput): AfterDrillStep[] {
  const n = input.answers.length;
  if (n === 0) return [];
  const mean = input.answers.reduce((s, a) => s + a.score, 0) / n;
  const right = input.answers.filter((a) => a.score >= RIGHT_SCORE).length;
  const top = input.levelNames.length;
  const steps: AfterDrillStep[] = [];
  if (!input.adaptive && mean >= LEVEL_UP_MEAN && right / n >= LEVEL_UP_SHARE && input.level < top)
    steps.push({
      type: 'level-up',
      level: input.level + 1,
      label: `Move up to level ${input.level + 1}: ${input.levelNames[input.level] ?? ''}`.trim(),
    });
  if (!input.adaptive && mean < LEVEL_DOWN_MEAN && input.level > 1)
    steps.push({
      type: 'level-down',
      level: input.level - 1,
      label: `Build up on level ${input.level - 1}: ${input.levelNames[input.level - 2] ?? ''}`.trim(),
    });
  const band = mostMissedBand(input.answers);
  if (band)
    steps.push({
      type: 'band',
      focusHz: band.hz,
      level: input.level,
      label: `Practise ${hzWords(band.hz)} (missed ${band.misses} time${band.misses === 1 ? '' : 's'})`,
    });
  if (input.lesson && right < n)
    steps.push({
      type: 'lesson',
      lessonId: input.lesson.id,
      label: `Read the lesson that explains it: ${input.lesson.title}`,
    });
  return steps;
}
