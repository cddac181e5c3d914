import { describe, expect, it } from 'vitest';
import { type Assignment, decodeAssignment, encodeAssignment } from '../../src/classroom/assignment';
import { deriveSeeds } from '../../src/classroom/assignment-pack';
import { buildGradebook } from '../../src/classroom/gradebook';
import { isContentHash, songHashOf } from '../../src/classroom/imported-song-hash';
import { buildReport, decodeReport, encodeReport, type Report } from '../../src/classroom/report';
import { rescoreAnswer, verifyReport } from '../../src/classroom/report-verify';
import type { LevelChangeQuestion } from '../../src/exercises/level-change/meta';
import { exercises } from '../../src/exercises/registry';
import { generateOnImported } from '../../src/exercises/shared/imported-kinds';
import { fileHash, hash, summary, tracks } from '../exercises/imported-fixtures';
import { forge } from './fixtures';

const NOW = Date.UTC(2026, 2, 10);

function assignment(over: Partial<Assignment> = {}): Assignment {
  return {
    version: 1,
    id: 'song-week-4',
    title: 'Levels on our own song',
    instructions: 'Import the three stems I sent first.',
    items: [
      { exercise: 'level-change', level: 2, seeds: deriveSeeds(2024, 4) },
      { exercise: 'eq-boost', level: 5, seeds: deriveSeeds(99, 3) },
    ],
    passMark: 60,
    createdAt: Date.UTC(2026, 2, 1),
    song: { hash, name: summary.name, tracks: summary.tracks.map((t) => t.name) },
    ...over,
  };
}

/** Every question answered with the kind's own solve on the imported song (so every answer scores 100). */
function honestReport(a: Assignment, songHash: string | undefined = a.song?.hash): Report {
  let t = Date.UTC(2026, 2, 2);
  const attempts = a.items.flatMap((item) =>
    item.seeds.map((seed) => {
      const kind = exercises[item.exercise as 'level-change'];
      const q = generateOnImported(item.exercise, seed, item.level, summary);
      const answer = (kind.solve as (x: unknown) => unknown)(q);
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
    a,
    attempts,
    { student: 'Ana', appVersion: '0.1.0', handedInAt: Date.UTC(2026, 2, 3) },
    songHash ? { songHash } : {},
  );
}

describe('the song hash', () => {
  it('ignores the files’ order, and any changed file changes it', () => {
    const hashes = tracks.map((t) => t.fileHash);
    expect(songHashOf([...hashes].reverse())).toBe(hash);
    expect(isContentHash(hash)).toBe(true);
    expect(songHashOf([...hashes.slice(1), fileHash('Kick, remixed')])).not.toBe(hash);
    expect(() => songHashOf(['not-a-hash'])).toThrow(/not a file hash/);
    expect(() => songHashOf([])).toThrow(/at least one file/);
  });
});

describe('an assignment on an imported song', () => {
  it('travels in its link with the song’s hash, name and track names (no audio)', () => {
    const a = assignment();
    const code = encodeAssignment(a);
    expect(code.length).toBeLessThan(600);
    const back = decodeAssignment(code);
    expect(back.ok && back.assignment).toEqual(a);
  });

  it('is refused with a reason when the hash is malformed or a kind cannot play an imported song', () => {
    const badHash = decodeAssignment(
      encodeAssignment(assignment({ song: { hash: 'abc', name: 'X', tracks: ['Kick'] } })),
    );
    expect(badHash.ok).toBe(false);
    expect(!badHash.ok && badHash.error).toMatch(/content hash/);
    const prodOrMix = decodeAssignment(
      encodeAssignment(assignment({ items: [{ exercise: 'prod-or-mix', level: 1, seeds: [5] }] })),
    );
    expect(!prodOrMix.ok && prodOrMix.error).toMatch(
      /Item 1 cannot play an imported song: .*notes and instruments/,
    );
  });
});

describe('the teacher’s re-check of a report on an imported song', () => {
  const a = assignment();

  it('re-generates each question on the teacher’s copy of the song and finds an honest report clean', () => {
    const r = honestReport(a);
    expect(r.songHash).toBe(hash);
    expect(r.score).toBe(100);
    const decoded = decodeReport(encodeReport(r));
    expect(decoded.ok ? decoded.report.songHash : decoded.error).toBe(hash);
    expect(verifyReport(r, a, { now: NOW, song: summary })).toEqual([]);
  });

  it('marks the answers on the song’s questions, not on a generated song’s (same seed, other question)', () => {
    const item = a.items[0]!;
    const seed = item.seeds[0]!;
    const onSong = generateOnImported(item.exercise, seed, item.level, summary);
    const answer = exercises['level-change'].solve(onSong as never);
    expect(rescoreAnswer(item.exercise, item.level, seed, answer, summary)).toBe(100);
    // The same answer to the generated song's question of that seed names a track that song may not move.
    const generated = exercises['level-change'].generate(seed, item.level) as LevelChangeQuestion;
    expect(generated.source.type).toBe('song');
    expect(onSong).not.toEqual(generated);
  });

  it('flags a report whose song hash differs (a forged or another song), still re-checking on the assigned one', () => {
    const other = songHashOf([fileHash('another song')]);
    const forged = forge(honestReport(a), (r) => ({ ...r, songHash: other }));
    const problems = verifyReport(forged, a, { now: NOW, song: summary });
    expect(problems.map((p) => p.check)).toEqual(['song-mismatch']);
    expect(problems[0]!.message).toMatch(/different song from “Test song”/);
    const none = forge(honestReport(a), ({ songHash: _s, ...r }) => r);
    expect(verifyReport(none, a, { now: NOW, song: summary }).map((p) => p.check)).toEqual(['song-mismatch']);
  });

  it('flags scores the answers do not earn on the song', () => {
    const inflated = forge(honestReport(a), (r) => {
      const at = r.items[0]!.attempts[0]!;
      // A wrong track earns 0 on this question, whatever the report says.
      const wrong = { ...(at.answer as { trackIndex: number }), trackIndex: -1 };
      r.items[0]!.attempts[0] = { ...at, answer: wrong };
      return r;
    });
    expect(verifyReport(inflated, a, { now: NOW, song: summary }).map((p) => p.check)).toContain(
      'score-mismatch',
    );
  });

  it('says the song is missing (no false mismatch) when the teacher does not have it', () => {
    const inflated = forge(honestReport(a), (r) => ({ ...r, score: 100 }));
    const problems = verifyReport(inflated, a, { now: NOW });
    expect(problems.map((p) => p.check)).toEqual(['song-missing']);
    expect(problems[0]!.message).toMatch(
      /Not re-checked: “Test song” is not on this device\. Import the same stem files/,
    );
    // A song with another hash on the teacher's device is not this one either.
    const elsewhere = { ...summary, hash: songHashOf([fileHash('x')]) };
    expect(verifyReport(inflated, a, { now: NOW, song: elsewhere }).map((p) => p.check)).toEqual([
      'song-missing',
    ]);
  });

  it('the gradebook finds the song by the assignment’s hash', () => {
    const r = honestReport(a);
    const entry = { id: r.checksum, report: r, importedAt: NOW };
    const withSong = buildGradebook([entry], [a], {
      now: NOW,
      songs: (h) => (h === hash ? summary : null),
    })[0]!;
    expect(withSong.rows[0]!.problems).toEqual([]);
    const without = buildGradebook([entry], [a], { now: NOW, songs: () => null })[0]!;
    expect(without.rows[0]!.problems.map((p) => p.check)).toEqual(['song-missing']);
  });
});
