/**
 * The teacher's re-check of comp-match on an imported song (summary version 3): an honest report is clean, a
 * forged answer is flagged, and a report from a device whose summary is version 2 is re-checked on version 2
 * rebuilt from the teacher's (the drills version 2 had), not on version 3.
 */
import { describe, expect, it } from 'vitest';
import type { Assignment } from '../../src/classroom/assignment';
import { deriveSeeds } from '../../src/classroom/assignment-pack';
import { buildReport, type Report } from '../../src/classroom/report';
import { verifyReport } from '../../src/classroom/report-verify';
import { summaryDigest } from '../../src/classroom/summary-digest';
import { exercises } from '../../src/exercises/registry';
import { generateOnImported } from '../../src/exercises/shared/imported-kinds';
import { type ImportedSongSummary, summaryAsVersion } from '../../src/exercises/shared/imported-song';
import { compMatchSongs, compMatchSummary } from '../exercises/comp-match-stems';
import { forge } from './fixtures';

const NOW = Date.UTC(2026, 2, 10);
const song = compMatchSummary(compMatchSongs()[1]!);

function assignment(kinds: readonly [string, number][]): Assignment {
  return {
    version: 1,
    id: 'comp-match-trust',
    title: 'Compressors on our own song',
    instructions: '',
    items: kinds.map(([exercise, level], i) => ({ exercise, level, seeds: deriveSeeds(700 + i, 3) })),
    passMark: 60,
    createdAt: Date.UTC(2026, 2, 1),
    song: {
      hash: song.hash,
      name: song.name,
      tracks: song.tracks.map((t) => t.name),
      digest: summaryDigest(song),
    },
  };
}

/** An honest report: every question answered with the reference on `on` (the student's copy of the song). */
function report(a: Assignment, on: ImportedSongSummary): Report {
  let t = Date.UTC(2026, 2, 2);
  const attempts = a.items.flatMap((item) =>
    item.seeds.map((seed) => {
      const q = generateOnImported(item.exercise, seed, item.level, on);
      const kind = exercises[item.exercise as keyof typeof exercises];
      return {
        exercise: item.exercise,
        level: item.level,
        seed,
        score: 100,
        timeMs: 5000,
        at: (t += 6000),
        answer: (kind.solve as (x: unknown) => unknown)(q),
      };
    }),
  );
  return buildReport(
    a,
    attempts,
    { student: 'Ana', appVersion: '0.3.0', handedInAt: Date.UTC(2026, 2, 3) },
    { songHash: on.hash, songDigest: summaryDigest(on), songSummaryVersion: on.version },
  );
}

describe('re-checking comp-match answers on an imported song', () => {
  const a = assignment([
    ['comp-match', 1],
    ['comp-match', 4],
  ]);

  it('an honest report is clean', () => {
    expect(song.version).toBe(3);
    expect(verifyReport(report(a, song), a, { now: NOW, song })).toEqual([]);
  });

  it('a forged answer (threshold 12 dB off, kept at 100) is flagged as a score the answer does not earn', () => {
    for (const item of [0, 1]) {
      const r = forge(report(a, song), (x) => {
        const at = x.items[item]!.attempts[0]!;
        const answer = at.answer as { thresholdDb: number };
        x.items[item]!.attempts[0] = { ...at, answer: { ...answer, thresholdDb: answer.thresholdDb + 12 } };
        return x;
      });
      const problems = verifyReport(r, a, { now: NOW, song });
      expect(problems.map((p) => p.check)).toEqual(['score-mismatch']);
    }
  });

  it('a report from a device with version 2 of the song’s summary is re-checked on version 2', () => {
    const v2 = summaryAsVersion(song, 2)!;
    expect(v2.version).toBe(2);
    // Version 2 had comp-spot and level-change on imported songs (not comp-match).
    const older = assignment([
      ['comp-spot', 2],
      ['level-change', 2],
    ]);
    const honest = report(older, v2);
    expect(honest.songSummaryVersion).toBe(2);
    expect(honest.songDigest).not.toBe(summaryDigest(song));
    expect(verifyReport(honest, older, { now: NOW, song })).toEqual([]);
    // Forged on version 2: still re-checked there, and flagged.
    const forged = forge(honest, (x) => {
      const at = x.items[0]!.attempts[0]!;
      const q = generateOnImported('comp-spot', at.seed, 2, v2) as unknown as {
        choices: string[];
        correct: string;
      };
      x.items[0]!.attempts[0] = { ...at, answer: { choice: q.choices.find((c) => c !== q.correct) } };
      return x;
    });
    expect(verifyReport(forged, older, { now: NOW, song }).map((p) => p.check)).toEqual(['score-mismatch']);
    // The re-check really uses version 2: comp-match answers (right on version 3) in a report that says its
    // device had version 2 cannot be marked there (version 2 made no comp-match on imported songs), so they
    // are flagged; on version 3 the same answers are clean (above).
    const claimed = forge(report(a, song), (x) => ({
      ...x,
      songSummaryVersion: 2,
      songDigest: summaryDigest(v2),
    }));
    const problems = verifyReport(claimed, a, { now: NOW, song });
    expect(problems.map((p) => p.check)).toEqual(['score-mismatch']);
    expect(problems[0]!.message).toMatch(/not one this exercise can mark/);
  });
});
