/**
 * The order a new learner meets the lessons in: every lesson after the lessons it builds on, and among the
 * ones that are ready, the lowest `order` first (production first on a tie, since it comes before mixing).
 * Also which lesson teaches each drill, read from the drills the lessons embed.
 */
import type { LessonProgress } from '../lessons/progress.pure';
import type { LessonSummary } from '../lessons/schema';

/** What the path needs of a lesson (LessonSummary fits). */
export type PathLesson = Pick<
  LessonSummary,
  'id' | 'title' | 'track' | 'order' | 'minutes' | 'prerequisites' | 'drills' | 'blockCounts'
>;

/** A profile's lesson states by lesson id (only `completed`, `completedAt`, `step` and quizzes are read). */
export type LessonStates = Readonly<Record<string, LessonProgress | undefined>>;

/** The lessons in path order (prerequisites first; unknown prerequisites are ignored; cycles broken by order). */
export function lessonPath<L extends PathLesson>(lessons: readonly L[]): L[] {
  const ids = new Set(lessons.map((l) => l.id));
  const placed = new Set<string>();
  const out: L[] = [];
  const rank = (l: L) => l.order * 2 + (l.track === 'production' ? 0 : 1);
  while (out.length < lessons.length) {
    const left = lessons.filter((l) => !placed.has(l.id));
    const ready = left.filter((l) => l.prerequisites.every((p) => !ids.has(p) || placed.has(p)));
    const pool = ready.length > 0 ? ready : left;
    const next = pool.reduce((a, b) => (rank(b) < rank(a) ? b : a));
    placed.add(next.id);
    out.push(next);
  }
  return out;
}

/** Whether a lesson is completed in these states. */
export function isLessonDone(states: LessonStates, id: string): boolean {
  return states[id]?.completed === true;
}

/**
 * The lesson that teaches a drill: the first lesson on the path that embeds this kind at this level or
 * below; failing that, the first that embeds the kind at all. Null when no lesson uses the kind.
 */
export function lessonForDrill<L extends PathLesson>(
  path: readonly L[],
  kind: string,
  level: number,
): L | null {
  const uses = path.filter((l) => (l.drills ?? []).some((d) => d.kind === kind));
  return (
    uses.find((l) => (l.drills ?? []).some((d) => d.kind === kind && d.level <= level)) ?? uses[0] ?? null
  );
}

/**
 * The lesson to read before a drill: the one that embeds it (see lessonForDrill), or else the first lesson
 * on the path that embeds any drill of the same skill. Null when no lesson teaches the skill.
 */
export function teachingLesson<L extends PathLesson>(
  path: readonly L[],
  kinds: readonly { id: string; skill: string }[],
  kind: string,
  level: number,
): L | null {
  const own = lessonForDrill(path, kind, level);
  if (own) return own;
  const skill = kinds.find((k) => k.id === kind)?.skill;
  const siblings = new Set(kinds.filter((k) => k.skill === skill).map((k) => k.id));
  return path.find((l) => (l.drills ?? []).some((d) => siblings.has(d.kind))) ?? null;
}
