import { describe, expect, it } from 'vitest';
import { biquadMagnitudeDb } from '../../src/dsp/biquad';
import { integratedLoudness, kWeightingCoefficients, momentaryLoudness } from '../../src/dsp/loudness';

/** A sine with continuous phase whose amplitude is `amplitudes[k]` during the k-th segment of `seconds[k]`. */
function tone(frequency: number, sampleRate: number, segments: [seconds: number, amplitude: number][]) {
  const total = segments.reduce((n, [s]) => n + Math.round(s * sampleRate), 0);
  const out = new Float32Array(total);
  let i = 0;
  for (const [seconds, amplitude] of segments) {
    const end = i + Math.round(seconds * sampleRate);
    for (; i < end; i++) out[i] = amplitude * Math.sin((2 * Math.PI * frequency * i) / sampleRate);
  }
  return out;
}

const A23 = 10 ** (-23 / 20);

describe('kWeightingCoefficients', () => {
  it('reproduces the BS.1770 coefficients at 48 kHz to 1e-6', () => {
    const { preFilter, rlb } = kWeightingCoefficients(48_000);
    const pre = [preFilter.b0, preFilter.b1, preFilter.b2, preFilter.a1, preFilter.a2];
    const spec = [1.53512485958697, -2.69169618940638, 1.19839281085285, -1.69065929318241, 0.73248077421585];
    pre.forEach((v, i) => {
      expect(Math.abs(v - spec[i]!)).toBeLessThan(1e-6);
    });
    expect([rlb.b0, rlb.b1, rlb.b2]).toEqual([1, -2, 1]);
    expect(Math.abs(rlb.a1 - -1.99004745483398)).toBeLessThan(1e-6);
    expect(Math.abs(rlb.a2 - 0.99007225036621)).toBeLessThan(1e-6);
  });

  it('has the same response at 44.1 kHz as at 48 kHz where it matters (shelf +4 dB, RLB high-pass)', () => {
    const total = (sr: number, f: number) => {
      const k = kWeightingCoefficients(sr);
      return biquadMagnitudeDb(k.preFilter, f, sr) + biquadMagnitudeDb(k.rlb, f, sr);
    };
    for (const f of [20, 100, 1000, 3000, 8000]) expect(total(44_100, f)).toBeCloseTo(total(48_000, f), 1);
    // The −0.691 offset cancels the K-filter's gain at 1 kHz.
    expect(Math.abs(total(48_000, 1000) - 0.691)).toBeLessThan(0.01);
    expect(total(48_000, 10_000) - total(48_000, 1000)).toBeGreaterThan(3);
  });
});

describe('integratedLoudness', () => {
  it('reads a 1 kHz stereo sine at −23 dBFS peak as −23.0 LUFS at 48, 44.1 and 22.05 kHz', () => {
    for (const sr of [48_000, 44_100, 22_050]) {
      const x = tone(1000, sr, [[2, A23]]);
      expect(Math.abs(integratedLoudness([x, x], sr) - -23)).toBeLessThan(0.1);
    }
  });

  it('reads a full-scale 1 kHz stereo sine as 0 LUFS and the mono version as −3.01 LUFS', () => {
    const sr = 16_000;
    const x = tone(1000, sr, [[1, 1]]);
    const stereo = integratedLoudness([x, x], sr);
    expect(Math.abs(stereo)).toBeLessThan(0.1);
    expect(stereo - integratedLoudness([x], sr)).toBeCloseTo(3.0103, 3);
  });

  it('halving the amplitude lowers the loudness by 6.02 LU', () => {
    const sr = 16_000;
    const x = tone(1000, sr, [[1, 0.5]]);
    const y = tone(1000, sr, [[1, 0.25]]);
    expect(integratedLoudness([x, x], sr) - integratedLoudness([y, y], sr)).toBeCloseTo(6.0206, 3);
  });

  it('weights the surround channels (4th and 5th) by 1.41', () => {
    const sr = 16_000;
    const x = tone(1000, sr, [[1, 0.5]]);
    const z = new Float32Array(x.length);
    const front = integratedLoudness([x, z, z, z, z], sr);
    const surround = integratedLoudness([z, z, z, x, z], sr);
    expect(surround - front).toBeCloseTo(10 * Math.log10(1.41), 3);
    expect(() => integratedLoudness([x, x, x, x, x, x], sr)).toThrow(RangeError);
  });

  it('returns −Infinity for silence, for signals shorter than one block and for no channels', () => {
    const sr = 16_000;
    const silence = new Float32Array(sr);
    expect(integratedLoudness([silence, silence], sr)).toBe(Number.NEGATIVE_INFINITY);
    const short = tone(1000, sr, [[0.39, 1]]);
    expect(integratedLoudness([short], sr)).toBe(Number.NEGATIVE_INFINITY);
    expect(integratedLoudness([tone(1000, sr, [[0.4, 1]])], sr)).toBeGreaterThan(-4);
    expect(integratedLoudness([], sr)).toBe(Number.NEGATIVE_INFINITY);
  });

  it('absolute gate: near-silence (−90 dB) after a tone is ignored; only the part-tone blocks count', () => {
    const sr = 16_000;
    const alone = integratedLoudness([tone(1000, sr, [[1, 0.5]])], sr);
    const quiet = 10 ** (-90 / 20);
    const withTail = integratedLoudness(
      [
        tone(1000, sr, [
          [1, 0.5],
          [10, quiet],
        ]),
      ],
      sr,
    );
    // 1 s of tone gives 7 whole-tone blocks; three more hold 3/4, 1/2 and 1/4 of the tone and pass the gates.
    // Ungated, the 10 s tail would pull the result down by about 10 LU.
    expect(withTail - alone).toBeCloseTo(10 * Math.log10(8.5 / 10), 2);
    // With a long tone the edge blocks hardly matter: within 0.1 LU of the tone alone.
    const long = integratedLoudness(
      [
        tone(1000, sr, [
          [10, 0.5],
          [10, quiet],
        ]),
      ],
      sr,
    );
    expect(Math.abs(long - alone)).toBeLessThan(0.1);
  });

  it('relative gate: a section 20 dB quieter than the rest is left out', () => {
    const sr = 16_000;
    const alone = integratedLoudness([tone(1000, sr, [[3, 0.5]])], sr);
    const both = integratedLoudness(
      [
        tone(1000, sr, [
          [3, 0.5],
          [3, 0.05],
        ]),
      ],
      sr,
    );
    // 27 loud blocks + 3 transition blocks (0.7525, 0.505, 0.2575 of the loud power) pass; 27 quiet ones do not.
    expect(both - alone).toBeCloseTo(10 * Math.log10(28.515 / 30), 2);
  });
});

describe('momentaryLoudness', () => {
  it('gives one value per 100 ms hop for every whole 400 ms block, constant for a steady tone', () => {
    const sr = 16_000;
    const x = tone(1000, sr, [[2.05, 0.5]]);
    const m = momentaryLoudness([x, x], sr);
    expect(m.length).toBe(20 - 3);
    const integrated = integratedLoudness([x, x], sr);
    for (const v of m) expect(v).toBeCloseTo(integrated, 2);
    expect(momentaryLoudness([new Float32Array(sr)], sr).every((v) => v === Number.NEGATIVE_INFINITY)).toBe(
      true,
    );
  });
});
