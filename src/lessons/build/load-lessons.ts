/** Reads every lesson in a folder (Node, build time): parses, checks across lessons, and sorts them. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { exerciseCatalog } from '../exercise-catalog.pure';
import { type ParsedLesson, parseLesson } from '../parse-lesson.pure';
import { LessonError, type LessonProblem } from '../problems.pure';
import type { Lesson, LessonSummary } from '../schema';
import { type ExerciseCatalog, sortLessons, validateLessons } from '../validate.pure';

/** Every lesson (in map order) and every mistake found; lessons with mistakes are left out. */
export interface LoadedLessons {
  lessons: Lesson[];
  problems: LessonProblem[];
  /** Absolute paths of the files read (for the dev server's watcher). */
  files: string[];
}

/** The lesson files of a folder: every `.md` except README.md, in name order. */
export function lessonFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md') && name.toLowerCase() !== 'readme.md')
    .sort()
    .map((name) => join(dir, name));
}

/** Parses and checks a set of lesson sources; `file` names are used as given in messages. */
export function checkLessonSources(
  sources: readonly { file: string; text: string }[],
  catalog: ExerciseCatalog | null = exerciseCatalog(),
): { lessons: Lesson[]; problems: LessonProblem[] } {
  const parsed: ParsedLesson[] = [];
  const problems: LessonProblem[] = [];
  for (const { file, text } of sources) {
    const result = parseLesson(text, file);
    problems.push(...result.problems);
    if (result.parsed) parsed.push(result.parsed);
  }
  problems.push(...validateLessons(parsed, catalog));
  return { lessons: sortLessons(parsed.map((p) => p.lesson)), problems };
}

/** Reads, parses and checks every lesson in `dir`; file names in messages are relative to `root`. */
export function loadLessons(dir: string, root: string = process.cwd()): LoadedLessons {
  const files = lessonFiles(dir);
  const sources = files.map((path) => ({ file: relative(root, path), text: readFileSync(path, 'utf8') }));
  return { ...checkLessonSources(sources), files };
}

/** A lesson without its steps: what the map's index chunk carries. */
export function summaryOf(lesson: Lesson): LessonSummary {
  const { steps: _steps, ...summary } = lesson;
  return summary;
}

/** The build's error message for a set of mistakes: one `file:line:column: reason` line each. */
export function describeProblems(problems: readonly LessonProblem[]): string {
  return new LessonError(problems).message;
}
