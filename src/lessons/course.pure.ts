/**
 * The 10-week course for teachers (lessons/course/*.md): a week's front matter names its lessons, drills
 * (`kind@level x count`) and graded mix (`kind@level`), its goals; the Markdown body holds the teacher
 * notes. The rubric and glossary are plain pages with a title. Parsing never throws: mistakes come back as
 * sentences with the file name.
 */

/** One drill of a week: kind, level and how many questions. */
export interface CourseDrill {
  kind: string;
  level: number;
  count: number;
}

/** One week of the course. */
export interface CourseWeek {
  week: number;
  title: string;
  lessons: string[];
  drills: CourseDrill[];
  /** The graded mix of the week (one question), if any. */
  mix: { kind: string; level: number } | null;
  goals: string[];
  /** Markdown after the front matter. */
  body: string;
  file: string;
}

/** A page of the course that is not a week (rubric, glossary). */
export interface CoursePage {
  id: string;
  title: string;
  body: string;
  file: string;
}

/** A parsed course file: a week, a page, or the problems that stopped it. */
export type CourseFile =
  | { type: 'week'; week: CourseWeek }
  | { type: 'page'; page: CoursePage }
  | { type: 'invalid'; problems: string[] };

/** Splits `a, b, c` or `[a, b, c]` into trimmed items; commas inside parentheses stay in their item. */
export function listOf(value: string): string[] {
  const inner = value.trim().replace(/^\[/, '').replace(/\]$/, '');
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of inner) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (ch === ',' && depth === 0) {
      items.push(current);
      current = '';
    } else current += ch;
  }
  items.push(current);
  return items.map((s) => s.trim()).filter((s) => s !== '');
}

/** Reads `key: value` lines between `---` fences (the small subset the course files use). */
export function splitFrontMatter(text: string): { data: Record<string, string>; body: string } | null {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!match) return null;
  const data: Record<string, string> = {};
  for (const line of (match[1] as string).split(/\r?\n/)) {
    const clean = line.replace(/\s+#.*$/, '');
    const m = /^([a-z]+):\s*(.*)$/.exec(clean);
    if (m) data[m[1] as string] = (m[2] as string).trim();
  }
  return { data, body: match[2] as string };
}

const DRILL = /^([a-z0-9-]+)@(\d+)(?:x(\d+))?$/;

/** Parses one course file; `id` is the file's name without `.md` (week-03, rubric). */
export function parseCourseFile(text: string, file: string, id: string): CourseFile {
  const split = splitFrontMatter(text);
  if (!split) return { type: 'invalid', problems: [`${file}: no front matter (--- … ---) at the top`] };
  const { data, body } = split;
  const problems: string[] = [];
  const title = data.title ?? '';
  if (!title) problems.push(`${file}: title is missing`);
  if (data.week === undefined) {
    return problems.length > 0
      ? { type: 'invalid', problems }
      : { type: 'page', page: { id, title, body, file } };
  }
  const week = Number(data.week);
  if (!Number.isInteger(week) || week < 1) problems.push(`${file}: week must be a whole number from 1`);
  const drills: CourseDrill[] = [];
  for (const d of listOf(data.drills ?? '')) {
    const m = DRILL.exec(d);
    if (!m) problems.push(`${file}: drill "${d}" is not kind@level or kind@levelxcount`);
    else drills.push({ kind: m[1] as string, level: Number(m[2]), count: Number(m[3] ?? 10) });
  }
  let mix: CourseWeek['mix'] = null;
  if (data.mix) {
    const m = DRILL.exec(data.mix);
    if (!m) problems.push(`${file}: mix "${data.mix}" is not kind@level`);
    else mix = { kind: m[1] as string, level: Number(m[2]) };
  }
  const lessons = listOf(data.lessons ?? '');
  if (lessons.length === 0 && drills.length === 0) problems.push(`${file}: a week needs lessons or drills`);
  if (problems.length > 0) return { type: 'invalid', problems };
  return {
    type: 'week',
    week: { week, title, lessons, drills, mix, goals: listOf(data.goals ?? ''), body, file },
  };
}

/** What the checks need to know: whether a lesson exists, and how many levels a kind has (0: no such kind). */
export interface CourseCatalog {
  hasLesson(id: string): boolean;
  levels(kind: string): number;
}

/** Problems across the weeks: numbers 1 … n each once, lessons that exist, drills and mixes that exist. */
export function checkCourse(weeks: readonly CourseWeek[], catalog: CourseCatalog): string[] {
  const problems: string[] = [];
  const numbers = weeks.map((w) => w.week).sort((a, b) => a - b);
  numbers.forEach((n, i) => {
    if (n !== i + 1)
      problems.push(`weeks must be numbered 1 to ${weeks.length} once each (found ${numbers.join(', ')})`);
  });
  for (const w of weeks) {
    for (const id of w.lessons) if (!catalog.hasLesson(id)) problems.push(`${w.file}: no lesson "${id}"`);
    const items = [...w.drills, ...(w.mix ? [{ ...w.mix, count: 1 }] : [])];
    for (const d of items) {
      const levels = catalog.levels(d.kind);
      if (levels === 0) problems.push(`${w.file}: no drill kind "${d.kind}"`);
      else if (d.level > levels)
        problems.push(`${w.file}: ${d.kind} has no level ${d.level} (it has ${levels})`);
      if (!(d.count >= 1 && d.count <= 100))
        problems.push(`${w.file}: ${d.kind} asks ${d.count} questions (1 to 100)`);
    }
  }
  return [...new Set(problems)];
}

/** The weeks in order and the other pages, from parsed files; invalid files' problems are returned. */
export function collectCourse(files: readonly CourseFile[]): {
  weeks: CourseWeek[];
  pages: CoursePage[];
  problems: string[];
} {
  const weeks: CourseWeek[] = [];
  const pages: CoursePage[] = [];
  const problems: string[] = [];
  for (const f of files) {
    if (f.type === 'week') weeks.push(f.week);
    else if (f.type === 'page') pages.push(f.page);
    else problems.push(...f.problems);
  }
  weeks.sort((a, b) => a.week - b.week);
  return { weeks, pages, problems };
}
