import { describe, expect, it } from 'vitest';
import { bandEdges, bandLevelDb, exactCentre } from '../../../src/dsp/bands';
import { biquadCoefficients, biquadMagnitudeDb } from '../../../src/dsp/biquad';
import { powerSpectrum } from '../../../src/dsp/fft';
import { CURVE_POINTS_HZ } from '../../../src/exercises/eq-match/curve-distance';
import { generate } from '../../../src/exercises/fix-mix/generate';
import { play } from '../../../src/exercises/fix-mix/play';
import { solve } from '../../../src/exercises/fix-mix/solve';
import { eqCurveDb } from '../../../src/exercises/shared/mix-grade';
import { MIX_EQ_TYPES } from '../../../src/exercises/shared/mix-spec';
import { renderLR, sideRmsDb, soloTrack, testEnv } from './fixtures';

const SR = 16_000;

/** The first seed whose question on `level` plants `fault` (and nothing in the parts). */
function seedWith(level: number, fault: string): number {
  for (let seed = 1; seed < 500; seed++) {
    const q = generate(seed, level);
    if (q.faults.some((f) => f.fault === fault) && !q.production) return seed;
  }
  throw new Error(`no ${fault} on level ${level}`);
}

describe('fix-mix play', () => {
  it('a fader fault: that track alone is louder in B by the planted amount, the others unchanged', async () => {
    const q = generate(seedWith(1, 'loud'), 1);
    const fault = q.faults[0]!;
    const i = q.tracks.findIndex((t) => t.id === fault.track);
    const planted = q.start[i]!.faderDb - q.reference[i]!.faderDb;
    expect(planted).toBeGreaterThanOrEqual(7);
    const prepared = await play.prepare(q, testEnv(SR));
    const { a, b } = prepared.question;
    for (let k = 0; k < q.tracks.length; k++) {
      const delta = (await sideRmsDb(soloTrack(b, k), SR)) - (await sideRmsDb(soloTrack(a, k), SR));
      expect(delta, q.tracks[k]!.name).toBeCloseTo(k === i ? planted : 0, 0);
    }
    // The answer's desk plays in B: the good mix on the desk sounds like A.
    const fixed = prepared.withAnswer!(solve(q));
    const back = (await sideRmsDb(soloTrack(fixed, i), SR)) - (await sideRmsDb(soloTrack(a, i), SR));
    expect(back).toBeCloseTo(0, 1);
  }, 60_000);

  it('a harsh vocal: B raises the vocal around 3 kHz by the planted EQ difference, not its low end', async () => {
    const q = generate(seedWith(2, 'harsh'), 2);
    const i = q.tracks.findIndex((t) => t.id === 'vocal');
    const prepared = await play.prepare(q, testEnv(SR));
    // 18 dB down on both sides, so the boosted vocal's consonants stay under the master's safety limiter
    // (the EQ is linear: the difference between the sides does not change).
    const down = (side: typeof prepared.question.a) => {
      const solo = soloTrack(side, i);
      return {
        ...solo,
        tracks: solo.tracks.map((t) => ({ ...t, channels: t.channels.map((c) => c.map((x) => x * 0.125)) })),
      };
    };
    const a = await renderLR(down(prepared.question.a), SR);
    const b = await renderLR(down(prepared.question.b), SR);
    expect(b.left.reduce((m, x) => Math.max(m, Math.abs(x)), 0)).toBeLessThan(0.85);
    const diff = (hz: number) => {
      const k = CURVE_POINTS_HZ.findIndex((f) => f >= hz);
      return eqCurveDb(q.start[i]!.eq)[k]! - eqCurveDb(q.reference[i]!.eq)[k]!;
    };
    const centre = exactCentre(3150);
    const measured = bandLevelDb(b.left, SR, centre, 3) - bandLevelDb(a.left, SR, centre, 3);
    expect(diff(centre)).toBeGreaterThan(5);
    // The band's change is the two EQs' difference weighted by where the vocal has energy inside the band
    // (the difference slopes across it: the start peaks at 3.1 kHz, the reference at 3.5 kHz).
    const eqDb = (eq: (typeof q.start)[number]['eq'], f: number) =>
      eq.reduce(
        (sum, band, k) =>
          sum +
          biquadMagnitudeDb(
            biquadCoefficients(MIX_EQ_TYPES[k]!, band.frequencyHz, band.q, band.gainDb, SR),
            f,
            SR,
          ),
        0,
      );
    const spectrum = powerSpectrum(a.left, SR, { size: 4096 });
    const [lo, hi] = bandEdges(centre, 3);
    let plain = 0;
    let raised = 0;
    spectrum.frequencies.forEach((f, k) => {
      if (f < lo || f >= hi) return;
      plain += spectrum.power[k]!;
      raised += spectrum.power[k]! * 10 ** ((eqDb(q.start[i]!.eq, f) - eqDb(q.reference[i]!.eq, f)) / 10);
    });
    const expected = 10 * Math.log10(raised / plain);
    expect(Math.abs(measured - expected), `${measured} vs ${expected}`).toBeLessThan(0.5);
    const low = exactCentre(200);
    const lowMeasured = bandLevelDb(b.left, SR, low, 3) - bandLevelDb(a.left, SR, low, 3);
    expect(Math.abs(lowMeasured)).toBeLessThan(1);
  }, 60_000);

  it('too many parts: B plays the two parts the good version leaves out', async () => {
    let seed = 1;
    while (generate(seed, 4).faults.every((f) => f.production !== 'too-many')) seed++;
    const q = generate(seed, 4);
    const prepared = await play.prepare(q, testEnv(SR));
    expect(prepared.question.b.tracks).toHaveLength(9);
    expect(prepared.question.a.tracks).toHaveLength(7);
    const extra = q.production!.tracks.map((id) => q.tracks.find((t) => t.id === id)!.name);
    expect(prepared.question.a.tracks.map((t) => t.name)).not.toContain(extra[0]);
    expect(prepared.question.b.tracks.map((t) => t.name)).toContain(extra[0]);
  }, 60_000);
});
