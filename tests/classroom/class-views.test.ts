import { describe, expect, it } from 'vitest';
import { classViews } from '../../src/classroom/class-views';
import { buildGradebook, type GradebookEntry } from '../../src/classroom/gradebook';
import type { Report } from '../../src/classroom/report';
import type { EqBoostAnswer, EqBoostQuestion } from '../../src/exercises/eq-boost/meta';
import { exercises } from '../../src/exercises/registry';
import { forge, sampleAssignment, sampleReport } from './fixtures';

const a = sampleAssignment({
  passMark: 60,
  items: [{ exercise: 'eq-boost', level: 1, seeds: [11, 12, 13] }],
});
const NOW = Date.UTC(2026, 2, 10);
const entry = (r: Report): GradebookEntry => ({ id: r.checksum, report: r, importedAt: NOW - 1000 });
const views = (entries: GradebookEntry[]) => {
  const [table] = buildGradebook(entries, [a], { now: NOW });
  return classViews(table!, entries, a);
};

describe('class views (what the class gets wrong)', () => {
  it('the question everyone missed comes first, numbered as the assignment fixed it', () => {
    // Question 2 (seed 12) wrong for all three students, the others right.
    const score = (_i: number, q: number) => (q === 1 ? 0 : 100);
    const entries = ['Ana', 'Ben', 'Cy'].map((s) => entry(sampleReport(s, score, a)));
    const v = views(entries);
    expect(v.students).toBe(3);
    expect(v.unmarked).toBe(0);
    expect(v.hardest[0]).toMatchObject({
      exercise: 'eq-boost',
      question: 2,
      seed: 12,
      answered: 3,
      right: 0,
    });
    expect(v.hardest[0]!.meanScore).toBe(0);
    // Questions everyone got right are not listed.
    expect(v.hardest).toHaveLength(1);
  });

  it('marks the answers again: a report whose stated scores were forged to 100 shows what was answered', () => {
    const wrong = sampleReport('Dee', 0, a);
    const forged = forge(wrong, (r) => ({
      ...r,
      score: 100,
      items: r.items.map((it) => ({
        ...it,
        score: 100,
        attempts: it.attempts.map((x) => ({ ...x, score: 100 })),
      })),
    }));
    const honest = sampleReport('Eve', 0, a);
    const [table] = buildGradebook([entry(forged), entry(honest)], [a], { now: NOW });
    // The forged report is flagged (its stated scores disagree with its answers) and stays out.
    expect(table!.rows.find((r) => r.student === 'Dee')!.counted).toBe(false);
    const v = classViews(table!, [entry(forged), entry(honest)], a);
    expect(v.students).toBe(1);
    // Accepted anyway, it counts with its answers' real marks (0), never its stated 100.
    const accepted = { ...entry(forged), accepted: { by: 'teacher', at: NOW } };
    const [t2] = buildGradebook([accepted, entry(honest)], [a], { now: NOW });
    const v2 = classViews(t2!, [accepted, entry(honest)], a);
    expect(v2.students).toBe(2);
    expect(v2.hardest.every((q) => q.right === 0 && q.meanScore === 0)).toBe(true);
  });

  it('nobody answered: no hardest questions, an empty band grid', () => {
    const v = views([]);
    expect(v).toMatchObject({ students: 0, hardest: [], unmarked: 0 });
    expect(v.bands.octave).toBeNull();
  });

  it('collects the bands the class mixes up from the regenerated questions', () => {
    // Every student answers the next band offered above the one played (the lowest after the top).
    const k = exercises['eq-boost'];
    const report = (student: string): Report => {
      const base = sampleReport(student, 100, a);
      return forge(base, (r) => {
        const items = r.items.map((it) => {
          const attempts = it.attempts.map((x) => {
            const q = k.generate(x.seed, it.level) as EqBoostQuestion;
            const right = k.solve(q) as EqBoostAnswer;
            const i = q.bandsHz.indexOf(q.targetHz);
            const answer = { ...right, bandHz: q.bandsHz[(i + 1) % q.bandsHz.length]! };
            return { ...x, answer, score: Math.round(k.check(q, answer).score) };
          });
          // The stated scores agree with the answers, so the report passes the re-check and counts.
          const score = Math.round(attempts.reduce((n, x) => n + x.score, 0) / attempts.length);
          return { ...it, attempts, score };
        });
        return { ...r, items, score: items[0]!.score };
      });
    };
    const entries = ['Ana', 'Ben'].map((s) => entry(report(s)));
    const [table] = buildGradebook(entries, [a], { now: NOW });
    expect(table!.rows.map((r) => r.problems)).toEqual([[], []]);
    const v = classViews(table!, entries, a);
    expect(v.bands.octave!.total).toBe(6);
    expect(v.bands.octave!.right).toBe(0);
    // Two students made each mix-up once per question: every mix-up shown was made at least twice.
    expect(v.bands.mixUps.length).toBeGreaterThan(0);
    for (const m of v.bands.mixUps) {
      expect(m.answeredHz).not.toBe(m.playedHz);
      expect(m.count).toBeGreaterThanOrEqual(2);
    }
  });
});
