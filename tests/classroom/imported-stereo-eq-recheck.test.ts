/**
 * The teacher's re-check on an imported song for pan-position, stereo-width, eq-match and resonance: an honest
 * report re-checks clean on the teacher's copy of the song, a score the answers do not earn is flagged.
 */
import { describe, expect, it } from 'vitest';
import type { Assignment } from '../../src/classroom/assignment';
import { deriveSeeds } from '../../src/classroom/assignment-pack';
import { buildReport, type Report } from '../../src/classroom/report';
import { rescoreAnswer, verifyReport } from '../../src/classroom/report-verify';
import { exercises } from '../../src/exercises/registry';
import { generateOnImported } from '../../src/exercises/shared/imported-kinds';
import { hash, summary } from '../exercises/imported-fixtures';
import { forge } from './fixtures';

const NOW = Date.UTC(2026, 2, 10);
const KINDS: [string, number][] = [
  ['pan-position', 4],
  ['stereo-width', 6],
  ['eq-match', 5],
  ['resonance', 3],
];

const assignment: Assignment = {
  version: 1,
  id: 'song-width-eq',
  title: 'Space and tone on our own song',
  instructions: 'Import the stems I sent first.',
  items: KINDS.map(([exercise, level], i) => ({ exercise, level, seeds: deriveSeeds(300 + i, 3) })),
  passMark: 60,
  createdAt: Date.UTC(2026, 2, 1),
  song: { hash, name: summary.name, tracks: summary.tracks.map((t) => t.name) },
};

/** Every question answered with its kind's own solve on the imported song (every answer scores 100). */
function honestReport(): Report {
  let t = Date.UTC(2026, 2, 2);
  const attempts = assignment.items.flatMap((item) =>
    item.seeds.map((seed) => {
      const q = generateOnImported(item.exercise, seed, item.level, summary);
      const answer = (exercises[item.exercise as 'eq-match'].solve as (x: unknown) => unknown)(q);
      return {
        exercise: item.exercise,
        level: item.level,
        seed,
        score: 100,
        timeMs: 5000,
        at: (t += 6000),
        answer,
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

describe('re-checking the new kinds on an imported song', () => {
  it('an honest report is clean, every answer re-scored 100 on the song', () => {
    const r = honestReport();
    expect(r.score).toBe(100);
    expect(verifyReport(r, assignment, { now: NOW, song: summary })).toEqual([]);
    for (const item of r.items)
      for (const at of item.attempts)
        expect(rescoreAnswer(item.exercise, item.level, at.seed, at.answer, summary), item.exercise).toBe(
          100,
        );
  });

  it('a forged score on each kind is flagged (the answer earns less on the song’s question)', () => {
    const wrong: Record<string, (a: Record<string, unknown>) => unknown> = {
      'pan-position': (a) => ({ positionIndex: ((a.positionIndex as number) + 4) % 9 }),
      'stereo-width': () => ({ choice: 'nothing' }),
      'eq-match': (a) => ({ ...a, gainDb: -(a.gainDb as number) }),
      resonance: (a) => ({ ...a, gainDb: 6 }),
    };
    KINDS.forEach(([kind], i) => {
      const forged = forge(honestReport(), (r) => {
        const at = r.items[i]!.attempts[0]!;
        r.items[i]!.attempts[0] = { ...at, answer: wrong[kind]!(at.answer as Record<string, unknown>) };
        return r;
      });
      const checks = verifyReport(forged, assignment, { now: NOW, song: summary }).map((p) => p.check);
      expect(checks, kind).toContain('score-mismatch');
    });
  });
});
