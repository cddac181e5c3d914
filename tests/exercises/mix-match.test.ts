/** mix-match and the mix grader, from the learner's side and against hand-made cases. */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/dsp/random';
import { loudnessWeights } from '../../src/exercises/comp-match/loudness-weights';
import { CURVE_POINTS_HZ } from '../../src/exercises/eq-match/curve-distance';
import { check } from '../../src/exercises/mix-match/check';
import { generate } from '../../src/exercises/mix-match/generate';
import type { MixMatchAnswer } from '../../src/exercises/mix-match/meta';
import { usualMix, variedMix } from '../../src/exercises/mix-match/reference-mix';
import { solve } from '../../src/exercises/mix-match/solve';
import { start } from '../../src/exercises/mix-match/start';
import { gradeMix, type MixGradeInput, type TrackMeasure } from '../../src/exercises/shared/mix-grade';
import {
  copyTrackMix,
  type MixDimension,
  type TrackMix,
  untouchedTrack,
} from '../../src/exercises/shared/mix-spec';
import { hitTrain } from './fixtures';

const samples = { channels: [hitTrain(8000, 1)], sampleRate: 8000 };
const FLAT: TrackMeasure = {
  spectrumWeights: CURVE_POINTS_HZ.map(() => 1),
  samples,
  loudWeights: loudnessWeights(samples),
};

/** A hand-made grading case: `n` tracks, reference untouched except `edit`. */
function input(
  n: number,
  dims: MixDimension[],
  edit: (ref: TrackMix[]) => void,
  measure = FLAT,
): MixGradeInput {
  const reference = Array.from({ length: n }, () => untouchedTrack());
  edit(reference);
  return {
    names: ['Kick', 'Bass', 'Keys', 'Vocal'].slice(0, n),
    reference,
    start: Array.from({ length: n }, () => untouchedTrack()),
    dimensions: dims,
    measures: Array.from({ length: n }, () => measure),
  };
}

describe('the mix grader (hand-made cases)', () => {
  it('fixing one of two equal faults scores half; the start 0; the reference 100', () => {
    const inp = input(4, ['balance'], (r) => {
      r[0]!.faderDb = 6;
      r[1]!.faderDb = -6;
    });
    expect(gradeMix(inp, inp.start).score).toBe(0);
    expect(gradeMix(inp, inp.reference).score).toBe(100);
    // e = [0, −6, 0, 0] after fixing the first: deviations 1.5, −4.5, 1.5, 1.5 → steps 0.5 + 3.5 + 0.5 + 0.5 = 5 of 10.
    const half = gradeMix(inp, [inp.reference[0], inp.start[1], inp.start[2], inp.start[3]]);
    expect(half.startTotal).toBe(10);
    expect(half.total).toBe(5);
    expect(half.score).toBe(50);
    expect(half.worst[0]).toBe('Bass is about 4.5 dB too loud against the rest.');
  });

  it('turning the whole mix up or down changes nothing', () => {
    const inp = input(4, ['balance'], (r) => {
      r[3]!.faderDb = 5;
    });
    const up = inp.reference.map((t) => ({ ...copyTrackMix(t), faderDb: t.faderDb + 9 }));
    const down = inp.reference.map((t) => ({ ...copyTrackMix(t), faderDb: t.faderDb - 12 }));
    expect(gradeMix(inp, up).score).toBe(100);
    expect(gradeMix(inp, down).score).toBe(100);
    const startUp = inp.start.map((t) => ({ ...copyTrackMix(t), faderDb: 7 }));
    expect(gradeMix(inp, startUp).score).toBe(0);
  });

  it('scores pan by the share of the width, space by send level, two equal faults half each', () => {
    const inp = input(2, ['pan', 'space'], (r) => {
      r[0]!.pan = -0.6; // 30 % of the width: 5 steps beyond the first
      r[1]!.reverbDb = -18; // 12 dB above the −30 dB floor on one of two sends: √(144/2) = 8.49 dB
    });
    const g0 = gradeMix(inp, inp.start);
    expect(g0.cells.find((c) => c.dimension === 'pan' && c.track === 0)!.steps).toBeCloseTo(5, 6);
    expect(g0.cells.find((c) => c.dimension === 'space' && c.track === 1)!.distance).toBeCloseTo(8.49, 2);
    const panFixed = gradeMix(inp, [inp.reference[0], inp.start[1]]);
    expect(panFixed.score).toBe(Math.round((100 * 5) / g0.startTotal));
    expect(panFixed.worst[0]).toBe('Bass has less reverb than the reference (about 12 dB).');
  });

  it('weighs EQ where the track has sound: a 10 kHz boost barely counts on a track with nothing up there', () => {
    const dark = { ...FLAT, spectrumWeights: CURVE_POINTS_HZ.map((f) => (f < 2000 ? 1 : 0)) };
    const fault = (r: TrackMix[]) => {
      r[0]!.eq[3] = { frequencyHz: 10000, gainDb: 6, q: Math.SQRT1_2 };
      r[1]!.eq[1] = { frequencyHz: 300, gainDb: -6, q: 1.4 };
    };
    const onFlat = gradeMix(input(2, ['tone'], fault), input(2, ['tone'], fault).start);
    const onDark = gradeMix(input(2, ['tone'], fault, dark), input(2, ['tone'], fault, dark).start);
    const shelf = (g: typeof onFlat) => g.cells.find((c) => c.track === 0)!.distance;
    expect(shelf(onDark)).toBeLessThan(shelf(onFlat) / 3);
    const mud = (g: typeof onFlat) => g.cells.find((c) => c.track === 1)!.distance;
    // Where the track has sound the cut counts alike (only the cut's far skirt, above 2 kHz, drops out).
    expect(Math.abs(mud(onDark) - mud(onFlat))).toBeLessThan(0.05);
    expect(onFlat.worst.some((w) => /Kick's EQ is .* dB too low around/.test(w))).toBe(true);
  });

  it('grades compression where the track is loud, and says which way', () => {
    const inp = input(1, ['dynamics'], (r) => {
      r[0]!.comp = { enabled: true, thresholdDb: -20, ratio: 4, attackMs: 5, releaseMs: 100, makeupDb: 0 };
    });
    const g = gradeMix(inp, inp.start);
    expect(g.cells[0]!.distance).toBeGreaterThan(2);
    expect(g.worst[0]).toBe('Kick is compressed less than in the reference.');
    expect(gradeMix(inp, inp.reference).score).toBe(100);
  });

  it('reads ungraded dimensions from the start: a forged answer cannot move them', () => {
    const inp = input(2, ['balance'], (r) => {
      r[0]!.faderDb = 6;
    });
    const forged = inp.reference.map((t) => ({ ...copyTrackMix(t), pan: 1, reverbDb: 0 }));
    expect(gradeMix(inp, forged).score).toBe(100);
    expect(gradeMix(inp, [null, 'x']).score).toBe(0);
  });
});

describe('mix-match questions from the learner’s side', () => {
  it('levels 1–2: the desk as found 0 and never right, the reference 100, halfway about half', () => {
    for (const level of [1, 2]) {
      for (let seed = 1; seed <= 40; seed++) {
        const q = generate(seed, level);
        expect(check(q, start(q)).score).toBe(0);
        expect(check(q, start(q)).correct).toBe(false);
        expect(check(q, solve(q))).toMatchObject({ score: 100, correct: true });
        const half: MixMatchAnswer = {
          tracks: q.start.map((s, i) => ({
            ...copyTrackMix(s),
            faderDb: (s.faderDb + q.reference[i]!.faderDb) / 2,
            pan: (s.pan + q.reference[i]!.pan) / 2,
          })),
        };
        // Above half: the first just-noticeable step of every cell is free, so half the distance is more than
        // half the steps.
        const score = check(q, half).score;
        expect(score).toBeGreaterThanOrEqual(35);
        expect(score).toBeLessThanOrEqual(88);
      }
    }
  });

  it('a random desk does not pass (mean under 20, at most one right over 60 tries)', () => {
    const rng = createRng(3);
    let total = 0;
    let right = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const q = generate(seed, 1 + (seed % 2));
      const a = {
        tracks: q.start.map((s) => ({
          ...copyTrackMix(s),
          faderDb: rng.range(-12, 8),
          pan: rng.range(-1, 1),
        })),
      };
      const r = check(q, a);
      if (r.correct) right++;
      total += r.score;
    }
    expect(right).toBeLessThanOrEqual(1);
    expect(total / 60).toBeLessThan(20);
  });

  it('levels 3–5 (EQ, compression, sends alone) on rendered songs: the desk as found is 6 steps or more off', () => {
    for (const level of [3, 4, 5]) {
      for (const seed of [1, 2]) {
        const q = generate(seed, level);
        expect(q.dimensions).toHaveLength(1);
        const untouched = check(q, start(q));
        expect(untouched.score).toBe(0);
        expect(untouched.correct).toBe(false);
        expect(untouched.details?.startTotal).toBeGreaterThanOrEqual(6);
        expect(check(q, solve(q)).score).toBe(100);
      }
    }
  }, 60_000);

  it('levels 6–7 (full band) on rendered songs: the desk as found 0, reference 100, and the feedback names what to change', () => {
    for (const [level, seed] of [
      [6, 1],
      [7, 2],
    ] as const) {
      const q = generate(seed, level);
      expect(q.tracks).toHaveLength(9);
      const untouched = check(q, start(q));
      expect(untouched.score).toBe(0);
      expect(untouched.correct).toBe(false);
      expect(untouched.feedback).toMatch(/^You closed 0 % of the gap/);
      expect(check(q, solve(q)).score).toBe(100);
      // Fix every track's level and pan only: part of the way, not all of it.
      const partial = {
        tracks: q.start.map((s, i) => ({
          ...copyTrackMix(s),
          faderDb: q.reference[i]!.faderDb,
          pan: q.reference[i]!.pan,
        })),
      };
      const r = check(q, partial);
      expect(r.score).toBeGreaterThan(10);
      expect(r.score).toBeLessThan(90);
    }
  }, 60_000);

  it('starts at the usual mix and draws the reference symmetrically around it, inside the desk', () => {
    const ids = ['kick', 'snare', 'hats', 'perc', 'bass', 'chords', 'keys', 'lead', 'vocal'] as const;
    const n = 400;
    const sums = ids.map(() => ({ fader: 0, pan: 0, gain: 0, reverb: 0 }));
    let apart = 0;
    for (let seed = 1; seed <= n; seed++) {
      const side = seed % 2 ? 1 : -1;
      const usual = usualMix(ids, side);
      const reference = variedMix(createRng(seed), ids, side);
      const at = (id: (typeof ids)[number]) => ids.indexOf(id);
      // Kick and bass move on their own (locked, "both ±6 dB" was a blind move that passed level 1 a quarter of the time).
      const kick = reference[at('kick')]!.faderDb - usual[at('kick')]!.faderDb;
      const bass = reference[at('bass')]!.faderDb - usual[at('bass')]!.faderDb;
      if (Math.abs(kick - bass) > 3) apart++;
      // The chordal parts on their own sides (or centre), the foundation near the centre.
      expect(Math.sign(reference[at('chords')]!.pan) * side).toBeLessThanOrEqual(0);
      expect(Math.sign(reference[at('keys')]!.pan) * side).toBeGreaterThanOrEqual(0);
      for (const id of ['kick', 'snare', 'bass', 'vocal'] as const)
        expect(Math.abs(reference[at(id)]!.pan)).toBeLessThanOrEqual(0.2);
      reference.forEach((r, i) => {
        const u = usual[i]!;
        expect(r.faderDb).toBeGreaterThanOrEqual(-30);
        expect(r.faderDb).toBeLessThanOrEqual(12);
        expect(Math.abs(r.pan)).toBeLessThanOrEqual(0.95);
        for (const b of r.eq) expect(Math.abs(b.gainDb)).toBeLessThanOrEqual(12);
        for (const send of [r.reverbDb, r.delayDb]) if (send !== null) expect(send).toBeLessThanOrEqual(0);
        if (r.comp.enabled) {
          expect(r.comp.thresholdDb).toBeGreaterThanOrEqual(-50);
          expect(r.comp.ratio).toBeLessThanOrEqual(16);
        }
        sums[i]!.fader += (r.faderDb - u.faderDb) / n;
        sums[i]!.pan += (r.pan - u.pan) / n;
        sums[i]!.gain += r.eq.reduce((g, b, k) => g + b.gainDb - u.eq[k]!.gainDb, 0) / n;
        sums[i]!.reverb += ((r.reverbDb ?? -30) - (u.reverbDb ?? -30)) / n;
      });
    }
    // On average the reference sits on the usual mix: no control leans one way (uniform ±6 dB: mean's sd 0.17 dB).
    for (const s of sums) {
      expect(Math.abs(s.fader)).toBeLessThan(0.6);
      expect(Math.abs(s.pan)).toBeLessThan(0.05);
      expect(Math.abs(s.gain)).toBeLessThan(0.8);
      expect(Math.abs(s.reverb)).toBeLessThan(1);
    }
    // Two independent uniform ±6 dB moves differ by more than 3 dB with probability (9/12)² ≈ 0.56.
    expect(apart / n).toBeGreaterThan(0.45);
  });
});
