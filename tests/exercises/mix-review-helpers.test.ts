import { describe, expect, it } from 'vitest';
import { check as checkFix } from '../../src/exercises/fix-mix/check';
import { generate as generateFix } from '../../src/exercises/fix-mix/generate';
import { solve as solveFix } from '../../src/exercises/fix-mix/solve';
import { check, gradeAnswer } from '../../src/exercises/mix-match/check';
import { generate } from '../../src/exercises/mix-match/generate';
import { mixGradeFromDetails } from '../../src/exercises/shared/mix-grade-view';
import { soloForMeasure, soloPair, soloSide } from '../../src/exercises/shared/play-solo';
import type { SideSpec } from '../../src/exercises/shared/play-types';

const side = (names: string[]): SideSpec => ({
  tracks: names.map((name) => ({ name, channels: [new Float32Array(4)], settings: { faderDb: -3 } })),
  bpm: 100,
});

describe('soloing a review', () => {
  it('mutes every other track and keeps the soloed one and every setting', () => {
    const s = soloSide(side(['Kick', 'Bass', 'Vocal']), 'Bass');
    expect(s.tracks.map((t) => t.settings.mute)).toEqual([true, false, true]);
    expect(s.tracks.every((t) => t.settings.faderDb === -3)).toBe(true);
    expect(s.bpm).toBe(100);
  });
  it('unmutes everything again for the whole mix, on both sides', () => {
    const p = soloPair(
      { a: side(['Kick', 'Bass']), b: side(['Kick', 'Bass']), labels: { a: 'A', b: 'B' } },
      null,
    );
    expect([...p.a.tracks, ...p.b.tracks].map((t) => t.settings.mute)).toEqual([false, false, false, false]);
  });
  it('silences a side that does not have the soloed track', () => {
    expect(soloSide(side(['Kick']), 'Pad').tracks[0]!.settings.mute).toBe(true);
    expect(soloForMeasure(side(['Kick']), 'Pad')).toBeNull();
    expect(soloForMeasure(side(['Kick', 'Pad']), 'Pad')!.tracks.map((t) => t.name)).toEqual(['Pad']);
    expect(soloForMeasure(side(['Kick', 'Pad']), null)!.tracks).toHaveLength(2);
  });
});

describe('the review reads the grade from the check', () => {
  it('rebuilds every cell and the worst sentences of a mix-match check (level 2: faders and pan)', () => {
    const q = generate(7, 2);
    const a = { tracks: q.start.map((t, i) => (i === 0 ? { ...t, faderDb: t.faderDb + 9 } : t)) };
    const g = gradeAnswer(q, a);
    const v = mixGradeFromDetails(check(q, a).details, q.tracks.length);
    expect(v).not.toBeNull();
    expect(v!.cells).toEqual(g.cells.map(({ track, dimension, steps }) => ({ track, dimension, steps })));
    expect(v!.worst).toEqual(g.worst);
    expect(v!.worst.length).toBeGreaterThan(0);
  });
  it('reads a fix-mix check the same way (its repair table)', () => {
    const q = generateFix(11, 1);
    const r = checkFix(q, solveFix(q));
    const v = mixGradeFromDetails(r.details, q.tracks.length);
    expect(v!.cells).toHaveLength(q.tracks.length * q.dimensions.length);
    expect(v!.cells.every((c) => c.steps <= 1)).toBe(true);
  });
  it('gives null for details of another shape (an older record), so the review grades instead', () => {
    expect(mixGradeFromDetails(undefined, 4)).toBeNull();
    expect(mixGradeFromDetails({ dimensions: ['balance'], steps: [0, 0, 0] }, 4)).toBeNull();
    expect(mixGradeFromDetails({ dimensions: ['loudness'], steps: [0, 0, 0, 0] }, 4)).toBeNull();
    expect(mixGradeFromDetails({ dimensions: ['balance'], steps: [0, -1, 0, 0] }, 4)).toBeNull();
    expect(mixGradeFromDetails({ dimensions: ['pan', 'balance'], steps: [1, 2, 3, 4] }, 2)!.cells).toEqual([
      { track: 0, dimension: 'balance', steps: 1 },
      { track: 0, dimension: 'pan', steps: 2 },
      { track: 1, dimension: 'balance', steps: 3 },
      { track: 1, dimension: 'pan', steps: 4 },
    ]);
  });
});
