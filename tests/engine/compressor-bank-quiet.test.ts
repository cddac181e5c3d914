import { describe, expect, it } from 'vitest';
import {
  type CompressorSettings,
  createCompressorState,
  processCompressorBlock,
  processCompressorBlockLinear,
  renderCompressorGain,
} from '../../src/dsp/compressor';
import { tableDbToGain } from '../../src/dsp/db-table';

const FS = 8000;
const SETTINGS: CompressorSettings = {
  thresholdDb: -24,
  ratio: 4,
  kneeDb: 6,
  attackMs: 2,
  releaseMs: 5,
  makeupDb: 3,
};

/** Drum-like hits (decaying noise) with silent and quiet stretches between them, 1 s. */
function hits(): Float32Array {
  const out = new Float32Array(FS);
  let seed = 7;
  for (let n = 0; n < out.length; n++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const phase = n % 2000;
    const level = phase < 600 ? 0.9 * Math.exp(-phase / 150) : phase < 1400 ? 0 : 0.001; // hit, silence, hiss
    out[n] = ((seed / 0x7fffffff) * 2 - 1) * level;
  }
  return out;
}

describe('compressor detector: a quiet block with nothing to release is skipped in one fill', () => {
  it('gives bit for bit the gains of one pass over the whole signal (which never skips)', () => {
    const signal = hits();
    const whole = renderCompressorGain([signal], FS, SETTINGS);
    const blocks = new Float32Array(signal.length);
    const state = createCompressorState();
    for (let start = 0; start < signal.length; start += 128)
      processCompressorBlock(
        state,
        [signal.subarray(start, start + 128)],
        FS,
        SETTINGS,
        blocks.subarray(start, start + 128),
      );
    let differing = 0;
    for (let n = 0; n < whole.length; n++) if (whole[n] !== blocks[n]) differing++;
    expect(differing).toBe(0);
    // The signal does have skipped blocks: gain exactly the makeup, and compressed ones below it.
    expect(blocks[1900]).toBe(Math.fround(SETTINGS.makeupDb));
    expect(Math.min(...blocks)).toBeLessThan(SETTINGS.makeupDb - 6);
  });

  it('a skipped block outputs the makeup as a linear gain and reports no reduction', () => {
    const out = new Float32Array(128);
    const reduction = processCompressorBlockLinear(
      createCompressorState(),
      [new Float32Array(128)],
      FS,
      SETTINGS,
      out,
    );
    expect(reduction).toBe(0);
    expect(out.every((g) => g === Math.fround(tableDbToGain(SETTINGS.makeupDb)))).toBe(true);
  });
});
