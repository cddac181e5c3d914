import { describe, expect, it } from 'vitest';
import { exercises, isExerciseId } from '../../src/exercises/registry';
import { lessonFiles, loadLessons } from '../../src/lessons/build/load-lessons';
import { isGraded, type Lesson } from '../../src/lessons/schema';

const { lessons, problems } = loadLessons('lessons');
const blocks = (l: Lesson) => l.steps.flatMap((s) => s.blocks);

describe('the lessons in lessons/', () => {
  it('every file parses with no mistake', () => {
    expect(problems.map((p) => `${p.file}:${p.line}: ${p.reason}`)).toEqual([]);
    expect(lessons).toHaveLength(lessonFiles('lessons').length);
  });

  it('has at least 12 lessons: 3 production, the rest mixing', () => {
    expect(lessons.length).toBeGreaterThanOrEqual(12);
    expect(lessons.filter((l) => l.track === 'production').length).toBeGreaterThanOrEqual(3);
    expect(lessons.filter((l) => l.track === 'mixing').length).toBeGreaterThanOrEqual(9);
  });

  it('ids are unique and orders are unique within a track', () => {
    expect(new Set(lessons.map((l) => l.id)).size).toBe(lessons.length);
    expect(new Set(lessons.map((l) => `${l.track}:${l.order}`)).size).toBe(lessons.length);
  });

  it('prerequisites exist and form no cycle (a topological order exists)', () => {
    const ids = new Set(lessons.map((l) => l.id));
    for (const l of lessons) for (const p of l.prerequisites) expect(ids, `${l.id} → ${p}`).toContain(p);
    const done = new Set<string>();
    let progress = true;
    while (progress) {
      progress = false;
      for (const l of lessons)
        if (!done.has(l.id) && l.prerequisites.every((p) => done.has(p))) {
          done.add(l.id);
          progress = true;
        }
    }
    expect(done.size).toBe(lessons.length);
  });

  it('every lesson has a listening block and ends with a drill or quiz that has a pass mark', () => {
    for (const l of lessons) {
      expect(blocks(l).filter((b) => b.type === 'listen').length, l.id).toBeGreaterThanOrEqual(1);
      const last = l.steps.at(-1)?.blocks.at(-1);
      expect(last && isGraded(last), `${l.id} ends with ${last?.type}`).toBe(true);
      expect(Object.keys(l.passMarks).length, l.id).toBeGreaterThanOrEqual(1);
    }
  });

  it('every quiz question has exactly one correct choice and an explanation for each choice', () => {
    for (const l of lessons)
      for (const b of blocks(l))
        if (b.type === 'quiz')
          for (const q of b.questions) {
            expect(
              q.choices.filter((c) => c.correct),
              `${l.id}:${q.line}`,
            ).toHaveLength(1);
            for (const c of q.choices)
              expect(c.explanationHtml.length, `${l.id}:${q.line}`).toBeGreaterThan(10);
          }
  });

  it('every exercise block names a kind and level that generate, and the ideal answer scores 100', () => {
    let checked = 0;
    for (const l of lessons)
      for (const b of blocks(l)) {
        if (b.type !== 'exercise') continue;
        expect(isExerciseId(b.kind), `${l.id}: ${b.kind}`).toBe(true);
        if (!isExerciseId(b.kind)) continue;
        const kind = exercises[b.kind];
        expect(b.level).toBeLessThanOrEqual(kind.meta.levels.length);
        for (let seed = 1; seed <= b.count; seed++) {
          const q = kind.generate(seed, b.level);
          expect(q.level, `${l.id}: ${b.kind} level`).toBe(b.level);
          expect(kind.check(q, kind.solve(q)).score, `${l.id}: ${b.kind} seed ${seed}`).toBe(100);
          checked++;
        }
      }
    expect(checked).toBeGreaterThan(0);
    // Generating about 50 questions (songs, stems) takes seconds, more on a busy machine.
  }, 180_000);

  it('the map order puts production first, each track by order', () => {
    const tracks = lessons.map((l) => l.track);
    expect(tracks.indexOf('mixing')).toBeGreaterThan(tracks.lastIndexOf('production'));
    for (const t of ['production', 'mixing'] as const) {
      const orders = lessons.filter((l) => l.track === t).map((l) => l.order);
      expect(orders).toEqual([...orders].sort((a, b) => a - b));
    }
  });
});
