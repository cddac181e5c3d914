import { describe, expect, it } from 'vitest';
import { type Assignment, decodeAssignment, encodeAssignment } from '../../src/classroom/assignment';
import { deriveSeeds, packAssignment, unpackAssignment } from '../../src/classroom/assignment-pack';
import { buildReport, decodeReport, encodeReport, type Report } from '../../src/classroom/report';
import { verifyReport } from '../../src/classroom/report-verify';
import { isSummaryDigest, summaryDigest } from '../../src/classroom/summary-digest';
import { exercises } from '../../src/exercises/registry';
import { generateOnImported } from '../../src/exercises/shared/imported-kinds';
import type { ImportedSongSummary } from '../../src/exercises/shared/imported-song';
import { hash, summary } from '../exercises/imported-fixtures';
import { forge } from './fixtures';

const NOW = Date.UTC(2026, 2, 10);
const digest = summaryDigest(summary);

/** The same song, one level window a rounding step louder (another browser's decoder). */
const decodedApart: ImportedSongSummary = {
  ...summary,
  tracks: summary.tracks.map((t, i) =>
    i === 0 ? { ...t, levelsDb: t.levelsDb.map((l, w) => (w === 0 ? l + 0.5 : l)) } : t,
  ),
};

function assignment(withDigest = true): Assignment {
  return {
    version: 1,
    id: 'song-digest',
    title: 'Levels on our own song',
    instructions: '',
    items: [{ exercise: 'level-change', level: 2, seeds: deriveSeeds(2024, 4) }],
    passMark: 60,
    createdAt: Date.UTC(2026, 2, 1),
    song: {
      hash,
      name: summary.name,
      tracks: summary.tracks.map((t) => t.name),
      ...(withDigest ? { digest } : {}),
    },
  };
}

function report(a: Assignment, songDigest?: string): Report {
  let t = Date.UTC(2026, 2, 2);
  const item = a.items[0]!;
  const attempts = item.seeds.map((seed) => {
    const q = generateOnImported(item.exercise, seed, item.level, summary);
    return {
      exercise: item.exercise,
      level: item.level,
      seed,
      score: 100,
      timeMs: 5000,
      at: (t += 6000),
      answer: (exercises['level-change'].solve as (x: unknown) => unknown)(q),
    };
  });
  return buildReport(
    a,
    attempts,
    { student: 'Ana', appVersion: '0.1.0', handedInAt: Date.UTC(2026, 2, 3) },
    { songHash: hash, ...(songDigest ? { songDigest, songSummaryVersion: summary.version } : {}) },
  );
}

/** The report with its first answer naming no track (it earns 0 on the teacher's copy). */
const wrongFirst = (r: Report) =>
  forge(r, (x) => {
    const at = x.items[0]!.attempts[0]!;
    x.items[0]!.attempts[0] = { ...at, answer: { ...(at.answer as object), trackIndex: -1 } };
    return x;
  });

describe('the summary digest', () => {
  it('is 16 hex digits, ignores names and changes with one level step', () => {
    expect(isSummaryDigest(digest)).toBe(true);
    expect(digest).toHaveLength(16);
    const renamed = {
      ...summary,
      name: 'Another name',
      tracks: summary.tracks.map((t) => ({ ...t, name: `${t.name} (copy)` })),
    };
    expect(summaryDigest(renamed)).toBe(digest);
    expect(summaryDigest(decodedApart)).not.toBe(digest);
    // Key order does not matter (canonical JSON).
    const reordered = Object.fromEntries(Object.entries(summary).reverse()) as unknown as ImportedSongSummary;
    expect(summaryDigest(reordered)).toBe(digest);
  });

  it('travels in the assignment link; an old link without it stays valid; a malformed one is refused', () => {
    const a = assignment();
    const back = decodeAssignment(encodeAssignment(a));
    expect(back.ok && back.assignment.song?.digest).toBe(digest);
    expect(unpackAssignment(packAssignment(a))).toEqual(a);
    const old = decodeAssignment(encodeAssignment(assignment(false)));
    expect(old.ok && old.assignment.song).toEqual({
      hash,
      name: summary.name,
      tracks: summary.tracks.map((t) => t.name),
    });
    const bad = assignment();
    bad.song!.digest = 'xyz';
    const refused = decodeAssignment(encodeAssignment(bad));
    expect(!refused.ok && refused.error).toMatch(/digest is malformed/);
  });

  it('travels in the report; a report without it stays valid', () => {
    const r = report(assignment(), summaryDigest(decodedApart));
    const back = decodeReport(encodeReport(r));
    expect(back.ok && back.report.songDigest).toBe(summaryDigest(decodedApart));
    const old = decodeReport(encodeReport(report(assignment(false))));
    expect(old.ok && old.report.songDigest).toBeUndefined();
  });
});

describe('the teacher’s re-check when the song decoded differently', () => {
  it('says so in plain words and does not re-check (never “scores don’t match”)', () => {
    const a = assignment();
    const r = wrongFirst(report(a, summaryDigest(decodedApart)));
    const problems = verifyReport(r, a, { now: NOW, song: summary });
    expect(problems.map((p) => p.check)).toEqual(['song-decoded-differently']);
    expect(problems[0]!.message).toMatch(
      /^Not re-checked: “Test song” decoded differently on the student’s device/,
    );
    expect(problems[0]!.message).not.toMatch(/scores? (don’t match|differ)/i);
  });

  it('re-checks as before when the digests agree, or when the report carries none', () => {
    const a = assignment();
    expect(verifyReport(report(a, digest), a, { now: NOW, song: summary })).toEqual([]);
    expect(
      verifyReport(wrongFirst(report(a, digest)), a, { now: NOW, song: summary }).map((p) => p.check),
    ).toEqual(['score-mismatch']);
    const old = assignment(false);
    expect(
      verifyReport(wrongFirst(report(old)), old, { now: NOW, song: summary }).map((p) => p.check),
    ).toEqual(['score-mismatch']);
  });
});
