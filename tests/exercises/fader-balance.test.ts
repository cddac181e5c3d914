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

describe('fader-balance scoring: E = RMS of (e_i − mean e); 100 at ≤ 1 dB, 0 at ≥ 6 dB', () => {
  const q = question([0, -3, 2, -1.5]);

  it('ignores the overall level: every fader +5 dB (or −20 dB) still scores 100', () => {
    expect(check(q, { fadersDb: [5, 2, 7, 3.5] }).score).toBe(100);
    expect(check(q, { fadersDb: [-20, -23, -18, -21.5] }).score).toBe(100);
    expect(check(q, { fadersDb: [5, 2, 7, 3.5] }).details?.offsetDb).toBe(5);
  });

  it('scores a single fader 3 dB out of four: E = 1.30 dB → 94', () => {
    // e = [3, 0, 0, 0], mean 0.75, deviations [2.25, −0.75, −0.75, −0.75], E = √(6.75/4) = 1.299.
    const r = check(q, { fadersDb: [3, -3, 2, -1.5] });
    expect(r.details?.errorDb).toBe(1.3);
    expect(r.score).toBe(94);
    expect(r.details?.furthestOff).toBe('kick');
    expect(r.feedback).toContain('Kick is furthest out: 2.3 dB too loud');
  });

  it('scores one of two faders 6 dB out: E = 3 dB → 60', () => {
    const two = question([0, 0]);
    expect(check(two, { fadersDb: [0, 6] }).score).toBe(60);
    expect(check(two, { fadersDb: [0, -6] }).score).toBe(60);
    expect(check(two, { fadersDb: [0, 12] }).score).toBe(0); // E = 6
    expect(check(two, { fadersDb: [0, 2] }).score).toBe(100); // E = 1
    expect(check(two, { fadersDb: [0, 2.5] }).score).toBe(95); // E = 1.25
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
    // A muted reference fader and a muted answer fader agree.
    expect(check(question([Number.NEGATIVE_INFINITY, 0]), { fadersDb: [-80, 0] }).score).toBe(100);
  });

  it('leaves untouched (missing) faders where they started', () => {
    expect(check(q, { fadersDb: [0, -3] }).score).toBe(check(q, { fadersDb: [0, -3, 0, 0] }).score);
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
        expect(check(q, { fadersDb: q.startDb }).score).toBeLessThan(100);
      }
    }
    expect(Math.min(...counts)).toBe(3);
    expect(Math.max(...counts)).toBe(8);
  });
});
