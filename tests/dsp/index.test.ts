import { describe, expect, it } from 'vitest';
import * as dsp from '../../src/dsp';

describe('the dsp public API', () => {
  it('exports the names other code and outside checks rely on', () => {
    for (const name of [
      'biquadCoefficients',
      'biquadMagnitudeDb',
      'compressorGainDb',
      'renderCompressorGain',
      'integratedLoudness',
      'encodeWav',
      'decodeWav',
      'createRng',
      'renderPinkNoise',
      'bandLevelDb',
      'panGains',
      'dbToGain',
    ]) {
      expect(typeof (dsp as Record<string, unknown>)[name], name).toBe('function');
    }
  });
  it('a peaking filter read through the index answers at its centre with its gain', () => {
    const c = dsp.biquadCoefficients('peaking', 1000, 1.4, 6, 48000);
    expect(dsp.biquadMagnitudeDb(c, 1000, 48000)).toBeCloseTo(6, 6);
  });
  it('a 1 kHz stereo sine at −23 dBFS measures −23 LUFS through the index', () => {
    const sr = 48000;
    const a = 10 ** (-23 / 20);
    const x = new Float32Array(sr * 3).map((_, i) => a * Math.sin((2 * Math.PI * 1000 * i) / sr));
    expect(dsp.integratedLoudness([x, x], sr)).toBeCloseTo(-23, 1);
  });
  it('a hard-knee 4:1 compressor above threshold gives the analytic gain change', () => {
    expect(dsp.compressorGainDb(-10, { thresholdDb: -20, ratio: 4, kneeDb: 0 })).toBeCloseTo(-7.5, 9);
  });
});
