import { describe, expect, it } from 'vitest';
import { renderPinkNoise } from '../../src/dsp/noise';
import { createRng } from '../../src/dsp/random';
import {
  applyWidth,
  effectiveWidth,
  midSideEnergy,
  sideToMidDb,
  widthGains,
} from '../../src/dsp/stereo-width';
import { renderPureStrip } from '../../src/engine/pure-strip';
import { defaultStripSettings, mergeStripSettings } from '../../src/engine/strip-settings';

const N = 8000;

function pair(): [Float32Array, Float32Array] {
  return [renderPinkNoise(createRng(1), N, 0.2), renderPinkNoise(createRng(2), N, 0.2)];
}

describe('stereo width (mid-side)', () => {
  it('keeps the mid and scales the side by the width', () => {
    const [l, r] = pair();
    const before = midSideEnergy(l, r);
    for (const w of [0, 0.5, 1.5, 2]) {
      const [wl, wr] = applyWidth(l, r, w);
      const after = midSideEnergy(wl, wr);
      expect(after.mid / before.mid).toBeCloseTo(1, 5);
      if (w === 0) expect(after.side).toBeLessThan(1e-9 * before.side);
      else expect(10 * Math.log10(after.side / before.side)).toBeCloseTo(20 * Math.log10(w), 3);
    }
  });

  it('width 1 passes the pair untouched; mono is width 0; bad widths are clamped', () => {
    const [l, r] = pair();
    const [wl, wr] = applyWidth(l, r, 1);
    expect(wl).toBe(l);
    expect(wr).toBe(r);
    expect(widthGains(0)).toEqual([0.5, 0.5]);
    expect(effectiveWidth(1.5, true)).toBe(0);
    expect(effectiveWidth(7, false)).toBe(2);
    expect(effectiveWidth(-1, false)).toBe(0);
    expect(effectiveWidth(Number.NaN, false)).toBe(1);
    expect(sideToMidDb(l, l)).toBe(Number.NEGATIVE_INFINITY);
  });

  it('acts on the strip after the pan: a panned mono source narrows, mono sums both sides', () => {
    const x = renderPinkNoise(createRng(3), N, 0.2);
    const strip = (patch: Parameters<typeof mergeStripSettings>[1]) =>
      renderPureStrip([x], mergeStripSettings(defaultStripSettings(), patch), 16000).output;
    const [pl, pr] = strip({ pan: -0.6 });
    const panned = sideToMidDb(pl, pr);
    const [nl, nr] = strip({ pan: -0.6, width: 0.5 });
    expect(sideToMidDb(nl, nr) - panned).toBeCloseTo(20 * Math.log10(0.5), 3);
    const [ml, mr] = strip({ pan: -0.6, width: 1.8, mono: true });
    expect(Array.from(ml)).toEqual(Array.from(mr));
    // A centred mono source has no side: width does nothing to it.
    const [cl, cr] = strip({ width: 2 });
    expect(midSideEnergy(cl, cr).side).toBe(0);
  });

  it('the strip low-pass is a 12 dB/octave Butterworth: −3 dB at the cutoff', () => {
    const fs = 48000;
    const f = 1000;
    const tone = (hz: number) =>
      Float32Array.from({ length: fs / 2 }, (_, i) => Math.sin((2 * Math.PI * hz * i) / fs));
    const rms = (y: Float32Array) => Math.sqrt(y.slice(fs / 4).reduce((s, v) => s + v * v, 0) / (fs / 4));
    const level = (hz: number) => {
      const out = renderPureStrip(
        [tone(hz)],
        mergeStripSettings(defaultStripSettings(), { lowPass: { enabled: true, frequency: f } }),
        fs,
      ).output[0];
      return 20 * Math.log10(rms(out) / rms(tone(hz).map((v) => v * Math.SQRT1_2)));
    };
    expect(level(f)).toBeCloseTo(-3.01, 1);
    expect(level(4 * f)).toBeLessThan(-23);
    expect(level(f / 8)).toBeGreaterThan(-0.1);
  });
});
