/**
 * The teacher's re-check on an imported song for the dynamics and space kinds (comp-spot, reverb-time,
 * reverb-type): an honest report is clean, a forged answer is flagged, and a report from a Headroom whose song
 * summary is another version says so in plain words (or is re-checked when that version's summary is this
 * one's, made the same way).
 */
import { describe, expect, it } from 'vitest';
import type { Assignment } from '../../src/classroom/assignment';
import { deriveSeeds } from '../../src/classroom/assignment-pack';
import { buildReport, decodeReport, encodeReport, type Report } from '../../src/classroom/report';
import { verifyReport } from '../../src/classroom/report-verify';
import { summaryDigest } from '../../src/classroom/summary-digest';
import { exercises } from '../../src/exercises/registry';
import { generateOnImported } from '../../src/exercises/shared/imported-kinds';
import { type ImportedSongSummary, summaryAsVersion } from '../../src/exercises/shared/imported-song';
import { bandTracks, summaryOf } from '../exercises/imported-dynamics-fixtures';
import { forge } from './fixtures';

const NOW = Date.UTC(2026, 2, 10);
const song = summaryOf('Band', bandTracks());
const KINDS = [
  'comp-spot',
  'reverb-time',
  'reverb-type',
  'saturation',
  'delay-time',
  'level-change',
] as const;

function assignment(): Assignment {
  return {
    version: 1,
    id: 'dyn-trust',
    title: 'Dynamics and space on our own song',
    instructions: '',
    items: KINDS.map((exercise, i) => ({ exercise, level: 3, seeds: deriveSeeds(900 + i, 3) })),
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

/** An honest report: every question answered right on `on` (the student's copy), with its digest and version. */
function report(
  a: Assignment,
  on: ImportedSongSummary,
  extras: { songDigest?: string; songSummaryVersion?: number },
): Report {
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
    { student: 'Ana', appVersion: '0.2.0', handedInAt: Date.UTC(2026, 2, 3) },
    { songHash: on.hash, ...extras },
  );
}

const current = { songDigest: summaryDigest(song), songSummaryVersion: song.version };

describe('re-checking answers on an imported song (comp-spot, reverb-time, reverb-type, saturation, delay-time)', () => {
  it('an honest report on the same version is clean, and carries its version through the link', () => {
    const a = assignment();
    const r = report(a, song, current);
    expect(verifyReport(r, a, { now: NOW, song })).toEqual([]);
    const back = decodeReport(encodeReport(r));
    expect(back.ok && back.report.songSummaryVersion).toBe(song.version);
  });

  it('a forged answer (a wrong choice kept at 100) is flagged as a score that does not match', () => {
    const a = assignment();
    for (const item of [0, 1, 2, 3, 4]) {
      const r = forge(report(a, song, current), (x) => {
        const at = x.items[item]!.attempts[0]!;
        const answer = at.answer as Record<string, unknown>;
        const q = generateOnImported(KINDS[item] as string, at.seed, 3, song) as unknown as Record<
          string,
          unknown
        >;
        const wrong =
          item === 1
            ? { ...answer, decayS: (q.decayChoicesS as number[]).find((d) => d !== answer.decayS) }
            : item === 4
              ? { note: (q.noteChoices as string[]).find((n) => n !== q.note) }
              : { choice: (q.choices as string[]).find((c) => c !== q.correct) };
        x.items[item]!.attempts[0] = { ...at, answer: wrong };
        return x;
      });
      const problems = verifyReport(r, a, { now: NOW, song });
      expect(
        problems.map((p) => p.check),
        KINDS[item],
      ).toEqual(['score-mismatch']);
    }
  });

  it('a report from version 1 (no version carried) whose measurements are these is re-checked as usual', () => {
    const a = { ...assignment(), items: [assignment().items[5]!] };
    const older = summaryAsVersion(song, 1)!;
    expect(older.version).toBe(1);
    expect(older.tracks[0]).not.toHaveProperty('peaksDb');
    // level-change reads only what version 1 kept: the same questions on both.
    const r = report(a, song, { songDigest: summaryDigest(older) });
    expect(verifyReport(r, a, { now: NOW, song })).toEqual([]);
  });

  it('a report from an older version measured apart is the decoder case (that version is rebuilt here exactly), marked on this copy too', () => {
    const apart: ImportedSongSummary = {
      ...song,
      tracks: song.tracks.map((t, i) =>
        i === 0 ? { ...t, levelsDb: t.levelsDb.map((l, w) => (w === 0 ? l + 0.5 : l)) } : t,
      ),
    };
    const older = summaryAsVersion(apart, 1)!;
    // Kinds version 1 could not make: said, and not marked on this copy (its questions cannot be made there).
    const all = verifyReport(report(assignment(), song, { songDigest: summaryDigest(older) }), assignment(), {
      now: NOW,
      song,
    });
    expect(all.map((p) => p.check)).toEqual(['song-decoded-differently']);
    expect(all[0]!.message).toMatch(/^Not re-checked: “.*” decoded differently on the student’s device/);
    expect(all[0]!.message).not.toMatch(/Marked on your copy/);
    // level-change, which version 1 had: marked on this copy, and the teacher told so.
    const a = { ...assignment(), items: [assignment().items[5]!] };
    const r = report(a, song, { songDigest: summaryDigest(older) });
    const problems = verifyReport(r, a, { now: NOW, song });
    expect(problems.map((p) => p.check)).toEqual(['song-decoded-differently']);
    expect(problems[0]!.message).toMatch(
      /Marked on your copy of the song, its answers earn the scores it carries\.$/,
    );
    // A forged answer under the same cover is marked on this copy and named.
    const forged = forge(r, (x) => {
      const at = x.items[0]!.attempts[0]!;
      const right = at.answer as { trackIndex: number; direction: string };
      x.items[0]!.attempts[0] = {
        ...at,
        answer: { ...right, direction: right.direction === 'up' ? 'down' : 'up' },
      };
      return x;
    });
    const said = verifyReport(forged, a, { now: NOW, song });
    expect(said.map((p) => p.check)).toEqual(['song-decoded-differently']);
    expect(said[0]!.message).toMatch(
      /Marked on your copy of the song \(which may make some questions differently\): 1 answer carries a score the answer does not earn/,
    );
  });

  it('a newer version from another Headroom says so in plain words and is not re-checked', () => {
    const a = assignment();
    const newer = report(a, song, { songDigest: 'a'.repeat(16), songSummaryVersion: song.version + 1 });
    const said = verifyReport(newer, a, { now: NOW, song, appVersion: '0.1.0' });
    expect(said.map((p) => p.check)).toEqual(['song-other-version']);
    expect(said[0]!.message).toMatch(/a newer version of Headroom than yours/);
    expect(said[0]!.message).not.toMatch(/mismatch|digest|summary/i);
  });

  it('a newer version written into a report of this very Headroom is an edit: said, and re-checked here', () => {
    const a = assignment();
    const honest = report(a, song, { songDigest: 'a'.repeat(16), songSummaryVersion: song.version + 1 });
    expect(verifyReport(honest, a, { now: NOW, song, appVersion: '0.2.0' }).map((p) => p.check)).toEqual([
      'edited',
    ]);
    const inflated = forge(honest, (x) => {
      const q = generateOnImported(KINDS[0], x.items[0]!.attempts[0]!.seed, 3, song) as unknown as {
        choices: string[];
        correct: string;
      };
      x.items[0]!.attempts[0] = {
        ...x.items[0]!.attempts[0]!,
        answer: { choice: q.choices.find((c) => c !== q.correct) },
      };
      return x;
    });
    const said = verifyReport(inflated, a, { now: NOW, song, appVersion: '0.2.0' });
    expect(said.map((p) => p.check)).toEqual(['edited', 'score-mismatch']);
    expect(said[0]!.message).toMatch(/changed after it was made/);
  });

  it('the same version measured apart is the decoder case', () => {
    const a = assignment();
    const apart: ImportedSongSummary = {
      ...song,
      tracks: song.tracks.map((t, i) =>
        i === 0 ? { ...t, levelsDb: t.levelsDb.map((l, w) => (w === 0 ? l + 0.5 : l)) } : t,
      ),
    };
    const same = report(a, song, { songDigest: summaryDigest(apart), songSummaryVersion: song.version });
    expect(verifyReport(same, a, { now: NOW, song }).map((p) => p.check)).toEqual([
      'song-decoded-differently',
    ]);
  });
});
