import { describe, expect, it } from 'vitest';
import { bandEdges, bandLevels, exactCentre, THIRD_OCTAVE_CENTRES } from '../../src/dsp/bands';
import { applyBiquad, biquadCoefficients, cascadeMagnitudeDb } from '../../src/dsp/biquad';
import { renderCompressorGain } from '../../src/dsp/compressor';
import { renderPinkNoise } from '../../src/dsp/noise';
import { createRng } from '../../src/dsp/random';
import {
  defaultStripSettings,
  type EqBandSettings,
  type StripSettings,
} from '../../src/engine/channel-strip';
import { renderStrip } from './strip-fixtures';

const FS = 32000;
const CENTRE = 20 * Math.log10(Math.SQRT1_2); // −3.01 dB: equal-power pan, centre

describe('ChannelStrip EQ and high-pass', () => {
  const noise = renderPinkNoise(createRng(42), FS);
  // From 80 Hz: below that, the analyser's own leakage next to a steep high-pass reaches ~0.45 dB (the
  // sample-by-sample test below covers the low end exactly).
  const centres = THIRD_OCTAVE_CENTRES.filter((f) => f >= 80 && f <= 12500).map(exactCentre);
  const base = defaultStripSettings().eq;
  const cases: { name: string; settings: Partial<StripSettings> }[] = [
    { name: 'high-pass 120 Hz', settings: { highPass: { enabled: true, frequency: 120 } } },
    {
      name: 'low shelf +6 dB at 150 Hz',
      settings: { eq: [{ ...base[0], gainDb: 6, frequency: 150 }, base[1], base[2], base[3]] },
    },
    {
      name: 'peaking −9 dB at 500 Hz, Q 1.4',
      settings: { eq: [base[0], { ...base[1], gainDb: -9, frequency: 500, q: 1.4 }, base[2], base[3]] },
    },
    {
      name: 'peaking +5 dB at 2 kHz, Q 0.7',
      settings: { eq: [base[0], base[1], { ...base[2], gainDb: 5, frequency: 2000, q: 0.7 }, base[3]] },
    },
    {
      name: 'high shelf −6 dB at 6 kHz',
      settings: { eq: [base[0], base[1], base[2], { ...base[3], gainDb: -6, frequency: 6000 }] },
    },
    {
      name: 'everything at once',
      settings: {
        highPass: { enabled: true, frequency: 80 },
        eq: [
          { ...base[0], gainDb: -4, frequency: 200 },
          { ...base[1], gainDb: 6, frequency: 700, q: 2 },
          { ...base[2], gainDb: -3, frequency: 3000, q: 1 },
          { ...base[3], gainDb: 4, frequency: 9000 },
        ],
      },
    },
  ];

  /**
   * The band-level change biquadMagnitudeDb predicts: |H|² averaged over the third-octave band with pink
   * weighting (uniform in log frequency), so steep slopes inside a band are accounted for.
   */
  function coefficientsOf(settings: StripSettings) {
    const list = [];
    if (settings.highPass.enabled) {
      list.push(biquadCoefficients('highpass', settings.highPass.frequency, Math.SQRT1_2, 0, FS));
    }
    for (const band of settings.eq as EqBandSettings[]) {
      if (band.enabled) list.push(biquadCoefficients(band.type, band.frequency, band.q, band.gainDb, FS));
    }
    return list;
  }

  function expectedDb(settings: StripSettings, centre: number): number {
    const list = coefficientsOf(settings);
    const [low, high] = bandEdges(centre, 3);
    const points = 64;
    let power = 0;
    for (let k = 0; k < points; k++) {
      const f = low * (high / low) ** ((k + 0.5) / points);
      power += 10 ** (cascadeMagnitudeDb(list, f, FS) / 10);
    }
    return 10 * Math.log10(power / points);
  }

  it('matches biquadMagnitudeDb within 0.5 dB in every third-octave band (pink noise, processed − flat)', async () => {
    const flat = bandLevels((await renderStrip([noise], FS)).out[0]!, FS, centres);
    let worst = 0;
    for (const c of cases) {
      const { out, strip } = await renderStrip([noise], FS, c.settings);
      const levels = bandLevels(out[0]!, FS, centres);
      centres.forEach((f, i) => {
        const error = levels[i]! - flat[i]! - expectedDb(strip.settings, f);
        worst = Math.max(worst, Math.abs(error));
        expect(Math.abs(error), `${c.name} at ${f.toFixed(0)} Hz`).toBeLessThan(0.5);
      });
    }
    console.info(
      `EQ: worst band error ${worst.toFixed(3)} dB over ${cases.length} cases × ${centres.length} bands`,
    );
  });

  it('filters sample by sample like applyBiquad with biquadCoefficients (same formulas as Web Audio)', async () => {
    const everything = cases[cases.length - 1]!;
    const { out, strip } = await renderStrip([noise], FS, everything.settings);
    let expected = noise;
    for (const c of coefficientsOf(strip.settings)) expected = applyBiquad(expected, c);
    let worst = 0;
    for (let i = 0; i < noise.length; i++)
      worst = Math.max(worst, Math.abs(out[0]![i]! / Math.SQRT1_2 - expected[i]!));
    // Pink noise at −20 dBFS RMS: a worst error of 1e-5 is about −80 dB below the signal.
    expect(worst).toBeLessThan(1e-5);
    console.info(`EQ vs applyBiquad cascade: worst sample error ${worst.toExponential(2)}`);
  });
});

describe('ChannelStrip compressor', () => {
  const settings = {
    enabled: true,
    thresholdDb: -18,
    ratio: 3,
    kneeDb: 4,
    attackMs: 3,
    releaseMs: 80,
    makeupDb: 2,
  };

  /** A constant per segment (sign alternating) then a sine, so output/input is the gain at every sample. */
  function steps(length: number): Float32Array {
    const levels = [0.05, 0.7, 0.15, 0.9];
    const segment = Math.floor(length / 6);
    return new Float32Array(length).map((_, i) => {
      const k = Math.floor(i / segment);
      return k < levels.length ? levels[k]! * (k % 2 ? -1 : 1) : 0.6 * Math.sin((2 * Math.PI * 150 * i) / FS);
    });
  }

  it('applies the gain renderCompressorGain computes, within 0.1 dB at every sample', async () => {
    const input = steps(FS / 2);
    const { out, strip } = await renderStrip([input], FS, { compressor: settings });
    const expected = renderCompressorGain([input], FS, settings);
    let worst = 0;
    for (let i = 0; i < input.length; i++) {
      if (Math.abs(input[i]!) < 0.01) continue;
      const applied = 20 * Math.log10(out[0]![i]! / input[i]!) - CENTRE;
      worst = Math.max(worst, Math.abs(applied - expected[i]!));
    }
    expect(worst).toBeLessThan(0.1);
    expect(strip.readGainReductionDb()).toBeLessThan(-3);
    console.info(`strip compressor vs renderCompressorGain: worst ${worst.toExponential(2)} dB`);
  });

  it('disabled, it is bit-transparent (also after being switched on and off again)', async () => {
    const rng = createRng(1);
    const left = new Float32Array(FS / 4).map(() => rng.range(-0.9, 0.9));
    const right = new Float32Array(FS / 4).map(() => rng.range(-0.9, 0.9));
    // Stereo in at centre: the whole default strip passes both channels bit for bit.
    const plain = await renderStrip([left, right], FS, {});
    expect(plain.out[0]).toEqual(left);
    expect(plain.out[1]).toEqual(right);
    // Switched on and off again, the compressor stage is back to bit-transparent once the crossfade is over.
    const toggled = await renderStrip([left, right], FS, { compressor: settings }, (strip) => {
      strip.update({ compressor: { enabled: false } }, 0.05);
    });
    const from = Math.round(0.15 * FS);
    expect(toggled.out[0]!.subarray(from)).toEqual(left.subarray(from));
    expect(toggled.out[1]!.subarray(from)).toEqual(right.subarray(from));
  });
});
