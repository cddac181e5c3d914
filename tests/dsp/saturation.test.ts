import { describe, expect, it } from 'vitest';
import { powerSpectrum } from '../../src/dsp/fft';
import {
  CLEAN_DRIVE_DB,
  createSaturationState,
  distortionDb,
  processSaturation,
  renderSaturation,
  SATURATION_LATENCY,
  saturationCurve,
} from '../../src/dsp/saturation';

const FS = 48000;
const SIZE = 8192;

function sine(hz: number, amplitude: number, length = FS): Float32Array {
  return Float32Array.from({ length }, (_, i) => amplitude * Math.sin((2 * Math.PI * hz * i) / FS));
}

/** Strongest bin outside ±4 bins of every harmonic of `f0` below Nyquist (and above 50 Hz), dB re the fundamental. */
function worstAliasDb(y: Float32Array, f0: number): number {
  const s = powerSpectrum(y.subarray(SIZE), FS, { size: SIZE });
  const bin = (hz: number) => Math.round((hz * SIZE) / FS);
  const harmonics = new Set<number>();
  for (let h = f0; h < FS / 2; h += f0) for (let d = -4; d <= 4; d++) harmonics.add(bin(h) + d);
  const fundamental = Math.max(...[-1, 0, 1].map((d) => s.power[bin(f0) + d] as number));
  let worst = 0;
  for (let k = bin(50); k < s.power.length - 1; k++)
    if (!harmonics.has(k)) worst = Math.max(worst, s.power[k] as number);
  return 10 * Math.log10(worst / fundamental);
}

describe('saturation (tanh at 4×)', () => {
  it('is transparent at the clean drive, delayed by exactly SATURATION_LATENCY samples', () => {
    const x = sine(997, 0.7, 4000);
    const y = renderSaturation(x, CLEAN_DRIVE_DB);
    expect(SATURATION_LATENCY).toBe(64);
    const d = distortionDb(x.subarray(0, x.length - 64 - 200), y.subarray(64, y.length - 200));
    expect(d).toBeLessThan(-70);
  });

  it('keeps aliases far below the signal: a 5 kHz sine at +12 dB drive, every non-harmonic bin under −100 dB', () => {
    // On a bin centre (no window leakage): its 5th harmonic (25 kHz) would fold to 23 kHz, the 7th to 13 kHz.
    const f0 = (854 * FS) / SIZE;
    const x = sine(f0, 0.7);
    const y = renderSaturation(x, 12);
    const naive = x.map((v) => saturationCurve(v, 10 ** (12 / 20)));
    const alias = worstAliasDb(y, f0);
    const naiveAlias = worstAliasDb(naive, f0);
    console.info(
      `worst alias re the fundamental: oversampled ${alias.toFixed(1)} dB, curve at 1× ${naiveAlias.toFixed(1)} dB`,
    );
    expect(alias).toBeLessThan(-100);
    expect(naiveAlias).toBeGreaterThan(-50);
    // And it does distort: the third harmonic is there.
    expect(distortionDb(renderSaturation(x, CLEAN_DRIVE_DB), y)).toBeGreaterThan(-25);
  });

  it('distortion rises with drive; small signals pass at unity', () => {
    const x = sine(220, 0.5);
    const clean = renderSaturation(x, CLEAN_DRIVE_DB);
    const levels = [0, 6, 12, 18].map((d) => distortionDb(clean, renderSaturation(x, d)));
    for (let i = 1; i < levels.length; i++) expect(levels[i]!).toBeGreaterThan(levels[i - 1]! + 3);
    const quiet = sine(220, 0.001, 4000);
    const y = renderSaturation(quiet, 12);
    let peak = 0;
    for (let i = 1000; i < 4000; i++) peak = Math.max(peak, Math.abs(y[i]!));
    expect(peak).toBeCloseTo(0.001, 5);
  });

  it('gives the same samples whatever the block size', () => {
    const x = sine(3100, 0.8, 3000);
    const whole = renderSaturation(x, 9);
    const state = createSaturationState();
    const blocks = new Float32Array(x.length);
    for (let start = 0; start < x.length; start += 128) {
      const n = Math.min(128, x.length - start);
      const out = new Float32Array(n);
      processSaturation(state, x.subarray(start, start + n), out, n, 9);
      blocks.set(out, start);
    }
    expect(Array.from(blocks)).toEqual(Array.from(whole));
  });
});
