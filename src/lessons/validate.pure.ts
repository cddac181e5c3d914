/** Checks across lessons: unique ids and orders, prerequisites that exist and form no cycle, known exercises, quiz keys. */
import type { ParsedLesson } from './parse-lesson.pure';
import type { LessonProblem } from './problems.pure';
import { checkQuizzesTogether } from './quiz-rules.pure';
import type { Lesson } from './schema';

/** What the validator knows about exercise kinds: kind id → level count (and names for the cards). */
export type ExerciseCatalog = Readonly<
  Record<string, { levels: number; title?: string; levelNames?: readonly string[] }>
>;

function problem(p: ParsedLesson, field: string, reason: string): LessonProblem {
  return { file: p.lesson.file, line: p.lines[field] ?? 1, reason };
}

/** Finds prerequisite cycles; each is reported once, at the lesson where the walk closed it. */
function findCycles(byId: ReadonlyMap<string, ParsedLesson>): { at: ParsedLesson; path: string[] }[] {
  const state = new Map<string, 'open' | 'done'>();
  const cycles: { at: ParsedLesson; path: string[] }[] = [];
  const walk = (id: string, trail: string[]) => {
    state.set(id, 'open');
    const lesson = byId.get(id);
    for (const next of lesson?.lesson.prerequisites ?? []) {
      if (!byId.has(next)) continue;
      if (state.get(next) === 'open') {
        if (lesson) cycles.push({ at: lesson, path: [...trail.slice(trail.indexOf(next)), id, next] });
      } else if (!state.has(next)) walk(next, [...trail, id]);
    }
    state.set(id, 'done');
  };
  for (const id of [...byId.keys()].sort()) if (!state.has(id)) walk(id, []);
  return cycles;
}

/**
 * Every mistake that only shows when the lessons are seen together; `catalog` null skips exercise checks.
 * Exercise blocks that check out get the kind's title and level name from the catalog.
 */
export function validateLessons(
  lessons: readonly ParsedLesson[],
  catalog: ExerciseCatalog | null,
): LessonProblem[] {
  const problems: LessonProblem[] = [];
  const byId = new Map<string, ParsedLesson>();
  const byOrder = new Map<string, ParsedLesson>();
  for (const p of lessons) {
    const { id, track, order } = p.lesson;
    const other = byId.get(id);
    if (other) problems.push(problem(p, 'id', `duplicate lesson id "${id}" (also in ${other.lesson.file})`));
    else byId.set(id, p);
    const slot = `${track}:${order}`;
    const sameSlot = byOrder.get(slot);
    if (sameSlot)
      problems.push(
        problem(
          p,
          'order',
          `order ${order} is already taken in the ${track} track by ${sameSlot.lesson.file}`,
        ),
      );
    else byOrder.set(slot, p);
  }
  for (const p of lessons) {
    for (const pre of p.lesson.prerequisites)
      if (!byId.has(pre))
        problems.push(problem(p, 'prerequisites', `prerequisite "${pre}" is not a lesson id`));
    for (const link of p.lessonLinks)
      if (!byId.has(link.id))
        problems.push({
          file: p.lesson.file,
          line: link.line,
          reason: `link to /learn/${link.id}: no lesson has that id`,
        });
    if (!catalog) continue;
    for (const block of p.lesson.steps.flatMap((s) => s.blocks)) {
      if (block.type !== 'exercise') continue;
      const kind = catalog[block.kind];
      if (!kind)
        problems.push({
          file: p.lesson.file,
          line: block.line,
          reason: `::exercise: unknown exercise kind "${block.kind}" (kinds: ${Object.keys(catalog).sort().join(', ')})`,
        });
      else if (block.level > kind.levels)
        problems.push({
          file: p.lesson.file,
          line: block.line,
          reason: `::exercise: "${block.kind}" has levels 1 to ${kind.levels}, not ${block.level}`,
        });
      else {
        if (kind.title) block.kindTitle = kind.title;
        const levelName = kind.levelNames?.[block.level - 1];
        if (levelName) block.levelName = levelName;
      }
    }
  }
  problems.push(...checkQuizzesTogether(lessons.map((p) => p.lesson)));
  for (const cycle of findCycles(byId))
    problems.push(problem(cycle.at, 'prerequisites', `prerequisite cycle: ${cycle.path.join(' → ')}`));
  return problems;
}

/** Lessons in map order: production first, then mixing, each by `order`. */
export function sortLessons<T extends Pick<Lesson, 'track' | 'order'>>(lessons: readonly T[]): T[] {
  const rank = (t: string) => (t === 'production' ? 0 : 1);
  return [...lessons].sort((a, b) => rank(a.track) - rank(b.track) || a.order - b.order);
}
