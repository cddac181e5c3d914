import { describe, expect, it } from 'vitest';
import { balanceError } from '../../src/exercises/fader-balance/balance';
import { check } from '../../src/exercises/fader-balance/check';
import { generate } from '../../src/exercises/fader-balance/generate';
import type { FaderBalanceQuestion } from '../../src/exercises/fader-balance/meta';
import { trackRef } from '../../src/exercises/shared/tracks';

function question(referenceDb: number[]): FaderBalanceQuestion {
  const ids = ['kick', 'snare', 'bass', 'keys', 'vocal'] as const;
  return {
    kind: 'fader-balance',
    seed: 1,
    level: 2,
    tracks: referenceDb.map((_, i) => trackRef(ids[i]!)),
    referenceDb,
    startDb: referenceDb.map(() => 0),
    source: {
      type: 'song',
      style: 'pop',
      seed: 5,
      overrides: { bars: 8, bpm: 100 },
      startS: 9.6,
      durationS: 9.6,
    },
  };
}

describe('fader-balance scoring: the share closed of the balance error E = RMS of (eᵢ − mean e)', () => {
  const q = question([0, -3, 2, -1.5]);

  it('ignores the overall level: every fader +5 dB (or −20 dB) still scores 100', () => {
    expect(check(q, { fadersDb: [5, 2, 7, 3.5] }).score).toBe(100);
    expect(check(q, { fadersDb: [-20, -23, -18, -21.5] }).score).toBe(100);
    expect(check(q, { fadersDb: [5, 2, 7, 3.5] }).details?.offsetDb).toBe(5);
  });

  it('names the track furthest out in plain words', () => {
    // e = [3, 0, 0, 0], mean 0.75, deviations [2.25, −0.75, −0.75, −0.75], E = √(6.75/4) = 1.299.
    const r = check(q, { fadersDb: [3, -3, 2, -1.5] });
    expect(r.details?.errorDb).toBe(1.3);
    expect(r.details?.furthestOff).toBe('kick');
    expect(r.feedback).toContain('Kick is furthest out: about 2.3 dB too loud');
    expect(r.feedback).not.toMatch(/RMS/);
  });

  it('two tracks, one 8 dB apart from the start (E₀ = 4 dB): the score is the share of 4 − 1 dB closed', () => {
    const two = question([0, 8]);
    expect(check(two, { fadersDb: [0, 0] }).score).toBe(0); // the start
    expect(check(two, { fadersDb: [0, 2] }).score).toBe(33); // E = 3
    expect(check(two, { fadersDb: [0, 4] }).score).toBe(67); // E = 2: halfway there
    expect(check(two, { fadersDb: [0, 6] }).score).toBe(100); // E = 1
    expect(check(two, { fadersDb: [0, 12] }).score).toBe(67); // overshoot by as much as halfway short
    expect(check(two, { fadersDb: [0, -8] }).score).toBe(0); // the wrong way: further than the start
    expect(check(two, { fadersDb: [0, 4] }).correct).toBe(true); // E ≤ 2 dB
    expect(check(two, { fadersDb: [0, 3.5] }).correct).toBe(false);
    expect(check(two, { fadersDb: [0, 4] }).feedback).toContain('you closed 50 % of the gap');
  });

  it('counts anything below −60 dB as −60 dB', () => {
    const three = question([0, 0, 0]);
    const off = check(three, { fadersDb: [Number.NEGATIVE_INFINITY, 0, 0] });
    expect(off.details?.errorDb).toBeCloseTo(Math.sqrt(800), 1); // e = [−60, 0, 0]: deviations −40, 20, 20
    expect(off.score).toBe(0);
    expect(balanceError([-1000, 0, 0], [0, 0, 0]).errorDb).toBe(balanceError([-60, 0, 0], [0, 0, 0]).errorDb);
    expect(balanceError([-60, 0, 0], [0, 0, 0]).errorDb).not.toBe(
      balanceError([-59, 0, 0], [0, 0, 0]).errorDb,
    );
  });

  it('leaves untouched (missing or NaN) faders where they started', () => {
    expect(check(q, { fadersDb: [0, -3] }).score).toBe(check(q, { fadersDb: [0, -3, 0, 0] }).score);
    expect(check(q, { fadersDb: [0, -3, Number.NaN] }).score).toBe(
      check(q, { fadersDb: [0, -3, 0, 0] }).score,
    );
  });
});

describe('fader-balance questions', () => {
  it('uses 3 to 8 tracks and always starts clearly off', () => {
    const counts = new Set<number>();
    for (let level = 1; level <= 4; level++) {
      for (let seed = 1; seed <= 60; seed++) {
        const q = generate(seed, level);
        counts.add(q.tracks.length);
        expect(q.referenceDb).toHaveLength(q.tracks.length);
        expect(q.startDb).toHaveLength(q.tracks.length);
        expect(new Set(q.tracks.map((t) => t.id)).size).toBe(q.tracks.length);
        // The start is at least 4 dB of balance away (four just-noticeable steps) and scores 0.
        expect(balanceError(q.startDb, q.referenceDb).errorDb).toBeGreaterThanOrEqual(4);
        expect(check(q, { fadersDb: q.startDb }).score).toBe(0);
      }
    }
    expect(Math.min(...counts)).toBe(3);
    expect(Math.max(...counts)).toBe(8);
  });
});
