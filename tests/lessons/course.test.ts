import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exercises, isExerciseId } from '../../src/exercises/registry';
import { loadLessons } from '../../src/lessons/build/load-lessons';
import { checkCourse, collectCourse, listOf, parseCourseFile } from '../../src/lessons/course.pure';

const DIR = 'lessons/course';
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.md') && f !== 'README.md')
  .map((f) => parseCourseFile(readFileSync(`${DIR}/${f}`, 'utf8'), `${DIR}/${f}`, f.replace(/\.md$/, '')));
const course = collectCourse(files);
const lessonIds = new Set(loadLessons('lessons').lessons.map((l) => l.id));
const catalog = {
  hasLesson: (id: string) => lessonIds.has(id),
  levels: (kind: string) => (isExerciseId(kind) ? exercises[kind].meta.levels.length : 0),
};

describe('the 10-week course in lessons/course/', () => {
  it('has ten weeks, a rubric and a glossary, every file well formed', () => {
    expect(course.problems).toEqual([]);
    expect(course.weeks.map((w) => w.week)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(course.pages.map((p) => p.id).sort()).toEqual(['glossary', 'rubric']);
  });

  it('names only lessons, drills and levels that exist', () => {
    expect(checkCourse(course.weeks, catalog)).toEqual([]);
    // Every lesson of lessons/ is used by some week.
    const used = new Set(course.weeks.flatMap((w) => w.lessons));
    expect([...lessonIds].filter((id) => !used.has(id))).toEqual([]);
  });

  it('gives every week goals and teacher notes: what to demonstrate, misconceptions, questions', () => {
    for (const w of course.weeks) {
      expect(w.goals.length, w.file).toBeGreaterThanOrEqual(2);
      for (const heading of ['### Demonstrate', '### Common misconceptions', '### Discussion questions'])
        expect(w.body, `${w.file} ${heading}`).toContain(heading);
    }
  });

  it('keeps commas inside parentheses in one goal', () => {
    expect(listOf('[Hear a band, Name it in words (boomy, muddy, harsh), Fix it]')).toEqual([
      'Hear a band',
      'Name it in words (boomy, muddy, harsh)',
      'Fix it',
    ]);
    expect(course.weeks[4]?.goals).toHaveLength(3);
  });

  it('says what is wrong with a bad week, with the file', () => {
    const bad = parseCourseFile(
      '---\ntitle: X\nweek: 2\nlessons: [panning]\ndrills: [eq-boost@one]\n---\n',
      'w.md',
      'w',
    );
    expect(bad).toEqual({
      type: 'invalid',
      problems: ['w.md: drill "eq-boost@one" is not kind@level or kind@levelxcount'],
    });
    const week = parseCourseFile(
      '---\ntitle: X\nweek: 1\nlessons: [nope]\ndrills: [eq-boost@9x5]\n---\n',
      'w.md',
      'w',
    );
    expect(week.type).toBe('week');
    if (week.type !== 'week') return;
    expect(checkCourse([week.week], catalog)).toEqual([
      'w.md: no lesson "nope"',
      `w.md: eq-boost has no level 9 (it has ${exercises['eq-boost'].meta.levels.length})`,
    ]);
    expect(parseCourseFile('no front matter', 'x.md', 'x')).toEqual({
      type: 'invalid',
      problems: ['x.md: no front matter (--- … ---) at the top'],
    });
  });
});
