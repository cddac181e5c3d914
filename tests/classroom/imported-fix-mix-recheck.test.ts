/**
 * The teacher's re-check on an imported song for fix-mix: an honest report re-checks clean on the teacher's
 * copy of the song (every answer re-scored 100), a score its answer does not earn is flagged, and the same
 * answer on Headroom's own song of that seed scores otherwise (the question is the song's).
 */
import { describe, expect, it } from 'vitest';
import type { Assignment } from '../../src/classroom/assignment';
import { deriveSeeds } from '../../src/classroom/assignment-pack';
import { buildReport, type Report } from '../../src/classroom/report';
import { rescoreAnswer, verifyReport } from '../../src/classroom/report-verify';
import type { FixMixAnswer, FixMixQuestion } from '../../src/exercises/fix-mix/meta';
import { solve } from '../../src/exercises/fix-mix/solve';
import { generateOnImported } from '../../src/exercises/shared/imported-kinds';
import { hash, summary } from '../exercises/imported-fixtures';
import { forge } from './fixtures';

const NOW = Date.UTC(2026, 2, 10);
const LEVELS = [1, 2, 3, 4];

const assignment: Assignment = {
  version: 1,
  id: 'song-fix-mix',
  title: 'Fix the mix of our own song',
  instructions: 'Import the stems I sent first.',
  items: LEVELS.map((level, i) => ({ exercise: 'fix-mix', level, seeds: deriveSeeds(500 + i, 3) })),
  passMark: 60,
  createdAt: Date.UTC(2026, 2, 1),
  song: { hash, name: summary.name, tracks: summary.tracks.map((t) => t.name) },
};

/** Every question answered with fix-mix's own solve on the imported song (every answer scores 100). */
function honestReport(): Report {
  let t = Date.UTC(2026, 2, 2);
  const attempts = assignment.items.flatMap((item) =>
    item.seeds.map((seed) => {
      const q = generateOnImported('fix-mix', seed, item.level, summary) as FixMixQuestion;
      return {
        exercise: item.exercise,
        level: item.level,
        seed,
        score: 100,
        timeMs: 5000,
        at: (t += 6000),
        answer: solve(q),
      };
    }),
  );
  return buildReport(
    assignment,
    attempts,
    { student: 'Ana', appVersion: '0.1.0', handedInAt: Date.UTC(2026, 2, 3) },
    { songHash: hash },
  );
}

describe('re-checking fix-mix on an imported song', () => {
  it('an honest report is clean, every answer re-scored 100 on the song', () => {
    const r = honestReport();
    expect(r.score).toBe(100);
    expect(verifyReport(r, assignment, { now: NOW, song: summary })).toEqual([]);
    for (const item of r.items)
      for (const at of item.attempts) {
        expect(rescoreAnswer('fix-mix', item.level, at.seed, at.answer, summary)).toBe(100);
        // Without the song the answer is for another question (Headroom's own song of that seed; level 1
        // grades faders only, so no song is rendered).
        if (item.level === 1) expect(rescoreAnswer('fix-mix', item.level, at.seed, at.answer)).not.toBe(100);
      }
  }, 120_000);

  it('a forged score is flagged: the desk left as found, or the right desk with nothing named', () => {
    const wrongs: ((a: FixMixAnswer, q: FixMixQuestion) => FixMixAnswer)[] = [
      (_a, q) => ({ faults: [], tracks: q.start }),
      (a) => ({ ...a, faults: [] }),
    ];
    for (const wrong of wrongs)
      LEVELS.forEach((level, i) => {
        const forged = forge(honestReport(), (r) => {
          const at = r.items[i]!.attempts[0]!;
          const q = generateOnImported('fix-mix', at.seed, level, summary) as FixMixQuestion;
          r.items[i]!.attempts[0] = { ...at, answer: wrong(at.answer as FixMixAnswer, q) };
          return r;
        });
        const checks = verifyReport(forged, assignment, { now: NOW, song: summary }).map((p) => p.check);
        expect(checks, `level ${level}`).toContain('score-mismatch');
      });
  }, 120_000);
});
