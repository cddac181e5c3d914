import { describe, expect, it } from 'vitest';
import { powerSpectrum, spectrumBandPower } from '../../../src/dsp/fft';
import { generate, generateAt } from '../../../src/exercises/filters/generate';
import type { FiltersQuestion } from '../../../src/exercises/filters/meta';
import { play } from '../../../src/exercises/filters/play';
import { renderLR, testEnv } from './fixtures';

const SR = 32_000;

/**
 * The −3 dB point of B against the unfiltered mix, read on the renders: the power ratio in 1/12-octave
 * bands on a 1/24-octave grid, the first crossing of −3 dB interpolated in log frequency.
 */
function measuredCutoff(dry: Float32Array, wet: Float32Array, type: 'highpass' | 'lowpass'): number {
  const a = powerSpectrum(dry, SR, { size: 8192 });
  const b = powerSpectrum(wet, SR, { size: 8192 });
  const grid: [number, number][] = [];
  for (let f = 30; f < SR / 2.4; f *= 2 ** (1 / 24)) {
    const lo = f * 2 ** (-1 / 24);
    const hi = f * 2 ** (1 / 24);
    grid.push([f, 10 * Math.log10(spectrumBandPower(b, lo, hi) / spectrumBandPower(a, lo, hi))]);
  }
  // High-pass: rising through −3 dB; low-pass: falling through it.
  for (let i = 1; i < grid.length; i++) {
    const [f0, d0] = grid[i - 1]!;
    const [f1, d1] = grid[i]!;
    const crosses = type === 'highpass' ? d0 < -3 && d1 >= -3 : d0 >= -3 && d1 < -3;
    if (crosses) return f0 * (f1 / f0) ** ((-3 - d0) / (d1 - d0));
  }
  return Number.NaN;
}

async function check(q: FiltersQuestion, name: string): Promise<void> {
  const prepared = await play.prepare(q, testEnv(SR));
  const dry = q.filterA
    ? { ...prepared.question.b, tracks: prepared.question.b.tracks.map((t) => ({ ...t, settings: {} })) }
    : prepared.question.a;
  const dryRender = await renderLR(dry, SR);
  for (const [side, filter] of [
    [prepared.question.b, q.filterB],
    ...(q.filterA ? [[prepared.question.a, q.filterA] as const] : []),
  ] as const) {
    const wet = await renderLR(side, SR);
    const f = measuredCutoff(dryRender.left, wet.left, filter.type);
    const octaves = Math.log2(f / filter.frequencyHz);
    console.info(
      `${name}: ${filter.type} named ${filter.frequencyHz} Hz, −3 dB measured at ${f.toFixed(0)} Hz (${octaves.toFixed(3)} octave)`,
    );
    expect(Math.abs(octaves), name).toBeLessThan(1 / 12);
  }
}

describe('filters play', () => {
  it('the −3 dB point measured on B (and A) is the cutoff the question names', async () => {
    const hp = generate(4, 3);
    const lp = generate(6, 4);
    expect(hp.filterB.type).toBe('highpass');
    expect(lp.filterB.type).toBe('lowpass');
    await check(hp, 'high-pass cutoff');
    await check(lp, 'low-pass cutoff');
    const which = generateAt(9, 0.5);
    await check(which, 'which, 0.5 octave');
    const [fa, fb] = [which.filterA!.frequencyHz, which.filterB.frequencyHz];
    expect(Math.log2(Math.max(fa, fb) / Math.min(fa, fb))).toBeCloseTo(0.5, 1);
    expect(which.correct).toBe(fa > fb ? 'A' : 'B');
  });
});
