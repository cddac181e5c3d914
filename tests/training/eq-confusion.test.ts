import { describe, expect, it } from 'vitest';
import { eqConfusion, nearestBandIndex } from '../../src/training/eq-confusion';
import { at, attempt, D0, eqAttempt } from './progress-fixtures';

describe('EQ band confusion matrix', () => {
  it('counts played band (rows) against answered band (columns) on a contiguous octave axis', () => {
    const c = eqConfusion([
      eqAttempt(250, 250),
      eqAttempt(250, 250),
      eqAttempt(250, 500),
      eqAttempt(250, 500),
      eqAttempt(250, 500),
      eqAttempt(125, 250),
      eqAttempt(1000, 1010), // off-list answers count as their nearest band
      attempt('pan-position', 'pan', 100, at(D0)), // other kinds are ignored
    ]);
    expect(c.octave?.bandsHz).toEqual([125, 250, 500, 1000]);
    expect(c.octave?.counts).toEqual([
      [0, 1, 0, 0],
      [0, 2, 3, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 1],
    ]);
    expect(c.octave?.rowTotals).toEqual([1, 5, 0, 1]);
    expect(c.octave?.total).toBe(7);
    expect(c.octave?.right).toBe(3);
    expect(c.third).toBeNull();
    // Only mix-ups seen at least twice are worth a sentence.
    expect(c.mixUps).toEqual([
      { resolution: 'octave', playedHz: 250, answeredHz: 500, count: 3, ofPlayed: 5 },
    ]);
  });

  it('keeps third-octave answers in their own matrix of the bands that occur', () => {
    const c = eqConfusion([
      eqAttempt(500, 630, { resolution: 'third' }),
      eqAttempt(500, 630, { resolution: 'third' }),
      eqAttempt(400, 400, { resolution: 'third' }),
      eqAttempt(63, 63),
    ]);
    // Collapsed to octaves, 400 and 630 would both be "500 Hz" and the mix-up would vanish.
    expect(c.third?.bandsHz).toEqual([400, 500, 630]);
    expect(c.third?.counts).toEqual([
      [1, 0, 0],
      [0, 0, 2],
      [0, 0, 0],
    ]);
    expect(c.third?.right).toBe(1);
    expect(c.octave?.bandsHz).toEqual([63]);
    expect(c.mixUps).toEqual([
      { resolution: 'third', playedHz: 500, answeredHz: 630, count: 2, ofPlayed: 2 },
    ]);
  });

  it('orders mix-ups by count and keeps three', () => {
    const pairs: [number, number, number][] = [
      [63, 125, 2],
      [250, 500, 4],
      [2000, 4000, 3],
      [8000, 16000, 2],
    ];
    const c = eqConfusion(pairs.flatMap(([t, a, n]) => Array.from({ length: n }, () => eqAttempt(t, a))));
    expect(c.mixUps.map((m) => [m.playedHz, m.answeredHz, m.count])).toEqual([
      [250, 500, 4],
      [2000, 4000, 3],
      [63, 125, 2],
    ]);
    expect(c.octave?.bandsHz).toEqual([63, 125, 250, 500, 1000, 2000, 4000, 8000, 16000]);
  });

  it('counts wrong boost-or-cut answers and skips attempts without a band', () => {
    const c = eqConfusion([
      eqAttempt(500, 500, { askDirection: true, direction: 'cut', answered: 'boost' }),
      eqAttempt(500, 500, { askDirection: true, direction: 'cut', answered: 'cut' }),
      eqAttempt(500, undefined),
      { ...eqAttempt(500, 500), question: null },
    ]);
    expect(c.directionAsked).toBe(2);
    expect(c.directionWrong).toBe(1);
    expect(c.skipped).toBe(2);
    expect(c.octave?.total).toBe(2);
  });

  it('returns empty results without eq-boost attempts', () => {
    expect(eqConfusion([])).toEqual({
      octave: null,
      third: null,
      mixUps: [],
      directionAsked: 0,
      directionWrong: 0,
      skipped: 0,
    });
  });

  it('finds the nearest band on a log scale', () => {
    const list = [125, 250, 500];
    expect(nearestBandIndex(350, list)).toBe(1); // log2(350/250) = 0.49 < log2(500/350) = 0.51
    expect(nearestBandIndex(360, list)).toBe(2);
    expect(nearestBandIndex(0, list)).toBe(-1);
    expect(nearestBandIndex('250', list)).toBe(-1);
  });
});
