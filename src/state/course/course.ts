/**
 * The 10-week course (lessons/course/*.md) for the Classroom: the files arrive as text in their own
 * chunk, are parsed (src/lessons/course.pure.ts) and their Markdown turned into HTML only when a teacher
 * opens the course. "Assign this week" makes an ordinary assignment from a week.
 */
import { signal } from '@preact/signals';
import { type CoursePage, type CourseWeek, collectCourse, parseCourseFile } from '../../lessons/course.pure';
import { createAssignment } from '../classroom/classroom-teacher';

/** A week or page with its body as HTML. */
export type WithHtml<T> = T & { html: string };

/** The course as the Classroom shows it. */
export interface LoadedCourse {
  weeks: WithHtml<CourseWeek>[];
  pages: WithHtml<CoursePage>[];
  problems: string[];
}

/** The course once loaded (null before), or a sentence when it could not load. */
export const course = signal<LoadedCourse | null>(null);
export const courseProblem = signal<string | null>(null);

const sources = import.meta.glob('../../../lessons/course/*.md', { query: '?raw', import: 'default' });

let loading: Promise<void> | null = null;

/** Loads, parses and renders the course (once). */
export function loadCourse(): Promise<void> {
  loading ??= (async () => {
    try {
      const { parseMarkdown, blocksToHtml } = await import('../../lessons/markdown.pure');
      const files = await Promise.all(
        Object.entries(sources)
          .filter(([path]) => !path.toLowerCase().endsWith('/readme.md'))
          .map(async ([path, load]) => {
            const name = path.split('/').pop() as string;
            return parseCourseFile(
              (await load()) as string,
              `lessons/course/${name}`,
              name.replace(/\.md$/, ''),
            );
          }),
      );
      const { weeks, pages, problems } = collectCourse(files);
      const html = (body: string) => blocksToHtml(parseMarkdown(body).children);
      course.value = {
        weeks: weeks.map((w) => ({ ...w, html: html(w.body) })),
        pages: pages.map((p) => ({ ...p, html: html(p.body) })),
        problems,
      };
    } catch (error) {
      loading = null;
      courseProblem.value = `The course could not load: ${error instanceof Error ? error.message : String(error)}`;
    }
  })();
  return loading;
}

/** Makes an assignment of a week: its drills and graded mix as items, its lessons, its goals as instructions. */
export async function assignWeek(
  week: CourseWeek,
): Promise<{ ok: true; id: string } | { ok: false; error: string }> {
  const items = [
    ...week.drills.map((d) => ({ exercise: d.kind, level: d.level, count: d.count })),
    ...(week.mix ? [{ exercise: week.mix.kind, level: week.mix.level, count: 1 }] : []),
  ];
  const result = await createAssignment({
    title: `Week ${week.week}: ${week.title}`,
    instructions: week.goals.length > 0 ? `This week: ${week.goals.join('; ')}.` : '',
    items,
    passMark: 70,
    due: '',
    lessons: week.lessons,
  });
  return result.ok ? { ok: true, id: result.assignment.id } : { ok: false, error: result.error };
}
