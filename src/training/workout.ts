/**
 * The daily workout: one 10–15 minute session planned from the learner's own history (pure, deterministic).
 *
 * 1. Lesson quizzes that are due (src/training/review-schedule.ts), at most two, as a warm-up.
 * 2. Weak spots, each only when the history shows one: the EQ band heard worst lately (eq-boost questions
 *    that play that band), the adaptive drill whose threshold range is widest (a short adaptive run narrows
 *    it), and the drill that trains the part of mixing that holds whole mixes back.
 * 3. Then the drills whose lessons are done, each at the level the learner is ready for (the lowest level
 *    not yet mastered, src/training/skill-map.ts), the weakest first, until the session reaches 10 minutes.
 *    A learner with too few open drills also gets the drills of the next lessons on their path.
 * Bands the learner said they cannot hear are never a focus. Times come from the learner's own answers
 * (the median of their last 20 per drill) or, before that, from a default per drill.
 */
import type { Hz } from '../dsp/units';
import type { LessonProgress } from '../lessons/progress.pure';
import type { ThresholdEstimate } from './adaptive-thresholds';
import { adaptiveThresholds } from './adaptive-thresholds';
import { eqConfusion } from './eq-confusion';
import { isLessonDone, type LessonStates, lessonPath, type PathLesson, teachingLesson } from './lesson-path';
import { MIX_KINDS, mixDimensions } from './mix-dimensions';
import { type AttemptRecord, type DayOf, type KindInfo, utcDay } from './progress-records';
import { dueReviews } from './review-schedule';
import { readyLevel, type SkillPath, skillMap } from './skill-map';

/** The session's length, minutes: planned up to at least MIN and at most MAX. */
export const WORKOUT_MIN_MINUTES = 10;
export const WORKOUT_MAX_MINUTES = 15;
/** Minutes a quiz review is counted as. */
export const REVIEW_MINUTES = 2;
/** Reviews in one workout, at most. */
export const MAX_REVIEWS = 2;
/** Seconds per question before a drill has timed answers: whole mixes, and every other drill. */
export const DEFAULT_MIX_SECONDS = 300;
export const DEFAULT_SECONDS = 25;
/** Seconds added to each measured answer time (listening before the clock starts, loading, reading feedback). */
export const OVERHEAD_SECONDS = 8;
/** Which drill trains each part of a whole mix. */
export const DIMENSION_DRILL: Readonly<Record<string, string>> = {
  balance: 'fader-balance',
  pan: 'pan-position',
  tone: 'eq-match',
  dynamics: 'comp-spot',
  space: 'reverb-time',
};
const DIMENSION_WORDS: Readonly<Record<string, string>> = {
  balance: 'the levels of the parts',
  pan: 'panning',
  tone: 'EQ',
  dynamics: 'compression',
  space: 'reverb and delay',
};

/** A drill in the workout. */
export interface WorkoutDrill {
  type: 'drill';
  kind: string;
  title: string;
  level: number;
  levelName: string;
  count: number;
  adaptive: boolean;
  /** eq-boost: only questions that play this band (the weak spot). */
  focusHz?: Hz;
  /** Why it is here, one sentence. */
  reason: string;
  minutes: number;
}

/** A lesson quiz coming back on its spacing schedule. */
export interface WorkoutReview {
  type: 'review';
  lessonId: string;
  lessonTitle: string;
  /** 1-based: the first, second, … review of this lesson. */
  reviewNumber: number;
  reason: string;
  minutes: number;
}

/** One item of a workout. */
export type WorkoutItem = WorkoutDrill | WorkoutReview;

/** A planned workout. */
export interface WorkoutPlan {
  items: WorkoutItem[];
  /** Planned minutes, rounded up. */
  minutes: number;
}

/** What the planner reads. */
export interface WorkoutInput {
  attempts: readonly AttemptRecord[];
  kinds: readonly KindInfo[];
  /** Lessons with their drills and quiz counts (LessonSummary fits). */
  lessons: readonly PathLesson[];
  states: LessonStates;
  /** Epoch ms of now. */
  now: number;
  dayOf?: DayOf;
  /** Bands the learner cannot hear on their speakers or headphones (never a focus). */
  unheardHz?: readonly Hz[];
}

/** Seconds one question of a kind takes this learner (median of their last 20 timed answers, plus overhead). */
export function secondsPerQuestion(kind: string, attempts: readonly AttemptRecord[]): number {
  const times = attempts
    .filter((a) => a.exercise === kind && typeof a.timeMs === 'number' && Number.isFinite(a.timeMs))
    .sort((x, y) => x.at - y.at)
    .slice(-20)
    .map((a) => (a.timeMs as number) / 1000)
    .sort((x, y) => x - y);
  if (times.length < 3) return MIX_KINDS.includes(kind) ? DEFAULT_MIX_SECONDS : DEFAULT_SECONDS;
  const mid = times.length / 2;
  const median =
    times.length % 2
      ? (times[Math.floor(mid)] as number)
      : ((times[mid - 1] as number) + (times[mid] as number)) / 2;
  return Math.min(900, Math.max(8, median + OVERHEAD_SECONDS));
}

/** The band heard worst in the latest 60 eq-boost answers (at least 3 answers there, under 70 % right), or null. */
export function weakestBand(
  attempts: readonly AttemptRecord[],
  unheardHz: readonly Hz[] = [],
): { hz: Hz; right: number; of: number; mistakenFor: Hz | null } | null {
  const recent = attempts
    .filter((a) => a.exercise === 'eq-boost')
    .sort((x, y) => x.at - y.at)
    .slice(-60);
  const m = eqConfusion(recent).octave;
  if (!m) return null;
  let best: { hz: Hz; right: number; of: number; mistakenFor: Hz | null } | null = null;
  m.bandsHz.forEach((hz, r) => {
    const of = m.rowTotals[r] as number;
    if (of < 3 || unheardHz.some((u) => Math.abs(Math.log2(u / hz)) < 0.25)) return;
    const row = m.counts[r] as number[];
    const right = row[r] as number;
    if (right / of >= 0.7) return;
    if (best && right / of >= best.right / best.of) return;
    let wrongMost = -1;
    row.forEach((n, c) => {
      if (c !== r && n > 0 && (wrongMost < 0 || n > (row[wrongMost] as number))) wrongMost = c;
    });
    best = { hz, right, of, mistakenFor: wrongMost < 0 ? null : (m.bandsHz[wrongMost] as Hz) };
  });
  return best;
}

function formatHzShort(hz: Hz): string {
  return hz >= 1000 ? `${hz / 1000} kHz` : `${hz} Hz`;
}

/** How wide a threshold's range is, as a ratio high / low (1 = exact); null without a usable range. */
function rangeRatio(t: ThresholdEstimate): number | null {
  const e = t.estimate;
  if (!e || !(e.low > 0) || !(e.high > 0)) return null;
  return e.high / e.low;
}

function drillItem(
  kind: KindInfo,
  level: number,
  count: number,
  seconds: number,
  reason: string,
  extra: Partial<Pick<WorkoutDrill, 'adaptive' | 'focusHz'>> = {},
): WorkoutDrill {
  return {
    type: 'drill',
    kind: kind.id,
    title: kind.title,
    level,
    levelName: kind.levelNames[level - 1] ?? `Level ${level}`,
    count,
    adaptive: extra.adaptive ?? false,
    ...(extra.focusHz === undefined ? {} : { focusHz: extra.focusHz }),
    reason,
    minutes: (count * seconds) / 60,
  };
}

/** Questions that fit about `minutes` at `seconds` each, between `min` and `max`. */
function countFor(seconds: number, minutes: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, Math.round((minutes * 60) / seconds)));
}

/** The kinds a learner can train without skipping a lesson: lesson done, no lesson, or already practised. */
function openKinds(
  kinds: readonly KindInfo[],
  path: readonly PathLesson[],
  states: LessonStates,
  attempts: readonly AttemptRecord[],
): Set<string> {
  const practised = new Set(attempts.map((a) => a.exercise));
  return new Set(
    kinds
      .filter((k) => {
        const lesson = teachingLesson(path, kinds, k.id, 1);
        return !lesson || isLessonDone(states, lesson.id) || practised.has(k.id);
      })
      .map((k) => k.id),
  );
}

/** Plans today's workout (see the file comment). Never empty while `kinds` is not. */
export function planWorkout(input: WorkoutInput): WorkoutPlan {
  const dayOf = input.dayOf ?? utcDay;
  const today = dayOf(input.now);
  const { attempts, kinds, states } = input;
  const unheard = input.unheardHz ?? [];
  const path = lessonPath(input.lessons);
  const map: SkillPath[] = skillMap(attempts, kinds, input.lessons, states);
  const byId = new Map(kinds.map((k) => [k.id, k]));
  const open = openKinds(kinds, path, states, attempts);
  const items: WorkoutItem[] = [];
  const used = new Set<string>();
  let minutes = 0;
  const add = (item: WorkoutItem, force = false): boolean => {
    if (!force && minutes + item.minutes > WORKOUT_MAX_MINUTES + 1e-9) return false;
    items.push(item);
    minutes += item.minutes;
    if (item.type === 'drill') used.add(item.kind);
    return true;
  };
  const seconds = (kind: string) => secondsPerQuestion(kind, attempts);

  // 1. Lesson quizzes that are due.
  const hasQuiz = (id: string) => (input.lessons.find((l) => l.id === id)?.blockCounts.quiz ?? 0) > 0;
  const stateList = Object.values(states).filter((s): s is LessonProgress => !!s);
  for (const r of dueReviews(stateList, today, hasQuiz, dayOf).slice(0, MAX_REVIEWS)) {
    const lesson = input.lessons.find((l) => l.id === r.lessonId);
    if (!lesson) continue;
    const late = today - (r.dueDay as number);
    add({
      type: 'review',
      lessonId: lesson.id,
      lessonTitle: lesson.title,
      reviewNumber: r.step + 1,
      reason:
        r.reviews === 0
          ? `You finished this lesson ${today - r.fromDay} day${today - r.fromDay === 1 ? '' : 's'} ago: its quiz again, so it sticks.`
          : `Review ${r.step + 1} of 4${late > 0 ? ` (due ${late} day${late === 1 ? '' : 's'} ago)` : ''}: each one comes back after a longer gap.`,
      minutes: REVIEW_MINUTES,
    });
  }

  // 2a. The EQ band heard worst.
  const eq = byId.get('eq-boost');
  const band = eq && open.has(eq.id) ? weakestBand(attempts, unheard) : null;
  if (eq && band) {
    const s = seconds(eq.id);
    const mixed = band.mistakenFor ? `, mostly for ${formatHzShort(band.mistakenFor)}` : '';
    add(
      drillItem(
        eq,
        readyLevel(map, eq.id),
        countFor(s, 3, 6, 10),
        s,
        `You named ${formatHzShort(band.hz)} right ${band.right} of the last ${band.of} times it played${mixed}: questions that play ${formatHzShort(band.hz)}.`,
        { focusHz: band.hz },
      ),
    );
  }

  // 2b. The widest threshold range of an open adaptive drill.
  const thresholds = adaptiveThresholds(
    attempts,
    kinds.filter((k) => open.has(k.id)),
    dayOf,
  );
  const widest = thresholds
    .map((t) => ({ t, ratio: rangeRatio(t) }))
    .filter((x): x is { t: ThresholdEstimate; ratio: number } => x.ratio !== null && x.ratio > 1.5)
    .sort((x, y) => y.ratio - x.ratio)[0];
  const widestKind = widest && byId.get(widest.t.kind);
  if (widest && widestKind && !used.has(widestKind.id)) {
    const s = seconds(widestKind.id);
    add(
      drillItem(
        widestKind,
        widestKind.mainVariable?.baseLevel ?? 1,
        countFor(s, 3, 8, 12),
        s,
        `Your smallest ${widestKind.mainVariable?.name ?? 'change'} you hear is still a wide guess (${widest.t.words}): a short run that adapts to you narrows it.`,
        { adaptive: true },
      ),
    );
  }

  // 2c. What holds whole mixes back.
  const mixes = mixDimensions(attempts);
  const dimKind = mixes ? byId.get(DIMENSION_DRILL[mixes.worst] ?? '') : undefined;
  if (mixes && dimKind && !used.has(dimKind.id)) {
    const s = seconds(dimKind.id);
    add(
      drillItem(
        dimKind,
        readyLevel(map, dimKind.id),
        countFor(s, 3, 3, 10),
        s,
        `In your graded mixes, ${DIMENSION_WORDS[mixes.worst] ?? mixes.worst} leaves the most to fix: practise it on its own.`,
      ),
    );
  }

  // 3. The open drills at the level each is ready for, the weakest first; then the next lessons' drills.
  const need = (kind: string): number => {
    const stage = map
      .flatMap((p) => p.stages)
      .find((s) => s.kind === kind && s.level === readyLevel(map, kind));
    if (!stage || stage.share === null) return 50;
    return 100 - stage.share * 100 + (stage.answers < stage.window ? 10 : 0);
  };
  const pathRank = (kind: string): number => {
    const lesson = teachingLesson(path, kinds, kind, 1);
    return lesson ? path.indexOf(lesson) : path.length;
  };
  // Each skill's current stage first (the next rung of its ladder), then the other open drills.
  const current = new Set(map.map((p) => p.current?.kind).filter((k): k is string => !!k));
  const openList = kinds
    .filter((k) => open.has(k.id) && !used.has(k.id))
    .sort(
      (x, y) =>
        Number(current.has(y.id)) - Number(current.has(x.id)) ||
        need(y.id) - need(x.id) ||
        pathRank(x.id) - pathRank(y.id),
    );
  const nextOnPath = kinds
    .filter((k) => !open.has(k.id))
    .sort((x, y) => pathRank(x.id) - pathRank(y.id) || x.id.localeCompare(y.id));
  const fill = (list: readonly KindInfo[], advisory: boolean) => {
    for (const k of list) {
      if (minutes >= WORKOUT_MIN_MINUTES) return;
      const level = readyLevel(map, k.id);
      const s = seconds(k.id);
      const mix = MIX_KINDS.includes(k.id);
      const count = mix ? 1 : countFor(s, 3, 4, 10);
      const stage = map.flatMap((p) => p.stages).find((x) => x.kind === k.id && x.level === level);
      const lesson = teachingLesson(path, kinds, k.id, level);
      const reason = advisory
        ? `From “${lesson?.title ?? 'the next lesson'}”, next on your path (reading it first helps).`
        : stage && stage.share !== null
          ? `${stage.name}: ${stage.right} of your last ${stage.answers} answers right; ${Math.round(0.8 * stage.window)} of ${stage.window} moves you on.`
          : `${stage?.name ?? k.title}: new to you.`;
      add(drillItem(k, level, count, s, reason));
    }
  };
  fill(openList, false);
  fill(nextOnPath, true);
  if (items.length === 0 && kinds[0]) {
    const k = byId.get('level-change') ?? (kinds[0] as KindInfo);
    const s = seconds(k.id);
    add(drillItem(k, 1, countFor(s, 4, 4, 10), s, 'Big, clear changes to start with.'), true);
  }
  return { items, minutes: Math.ceil(minutes - 1e-9) };
}
