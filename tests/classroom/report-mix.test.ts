import { describe, expect, it } from 'vitest';
import { recheckAnswer, rescoreAnswer } from '../../src/classroom/report-verify';
import { check } from '../../src/exercises/mix-match/check';
import { generate } from '../../src/exercises/mix-match/generate';
import { mixGradeFromDetails } from '../../src/exercises/shared/mix-grade-view';

describe('re-checking a whole-mix answer for the gradebook', () => {
  const seed = 424242;
  const q = generate(seed, 2);
  // The bass 6 dB up and the first track panned hard left.
  const answer = {
    tracks: q.start.map((t, i) =>
      q.tracks[i]!.id === 'bass' ? { ...t, faderDb: t.faderDb + 6 } : i === 0 ? { ...t, pan: -1 } : t,
    ),
  };

  it('regenerates the question from its seed and marks the answer with the kind’s own check', () => {
    const again = recheckAnswer('mix-match', 2, seed, answer);
    expect(again).not.toBeNull();
    expect(again!.question).toEqual(q);
    const direct = check(q, answer);
    expect(again!.result.score).toBe(direct.score);
    const table = mixGradeFromDetails(again!.result.details, q.tracks.length)!;
    expect(table.cells).toHaveLength(q.tracks.length * 2);
    // The planted bass move shows in the bass's level cell, the pan in the first track's pan cell.
    const bass = q.tracks.findIndex((t) => t.id === 'bass');
    const cell = (track: number, dimension: string) =>
      table.cells.find((c) => c.track === track && c.dimension === dimension)!.steps;
    expect(cell(bass, 'balance')).toBeGreaterThan(0);
    expect(cell(0, 'pan')).toBeGreaterThan(0);
    expect(table.worst.join(' ')).toMatch(/Bass|pan|sits at/);
  });

  it('gives the same score as the re-scoring the flags use, from the same memo', () => {
    const again = recheckAnswer('mix-match', 2, seed, answer)!;
    expect(rescoreAnswer('mix-match', 2, seed, answer)).toBe(Math.round(again.result.score));
  });

  it('marks nothing for an unknown kind or an answer it cannot take', () => {
    expect(recheckAnswer('no-such-kind', 1, 1, {})).toBeNull();
    expect(recheckAnswer('mix-match', 2, seed, 'not a mix')?.result.score ?? 0).toBe(0);
  });
});
