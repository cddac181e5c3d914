import { describe, expect, it } from 'vitest';
import { panGains } from '../../src/dsp/pan';
import { sideToMidDb } from '../../src/dsp/stereo-width';
import { generateSong } from '../../src/production/generate-song';
import { renderMix, renderStemsSync } from '../../src/production/render-stems';
import {
  ROUGH_MIX_PAN,
  ROUGH_MIX_REVERB_SEND_DB,
  renderRoughMix,
  roughMixPlacement,
} from '../../src/production/rough-mix';
import { STYLES } from '../../src/production/styles';
import type { Stems } from '../../src/production/types';
import { hashSamples } from './spectrum-helpers';

const RATE = 16000;

function energy(x: Float32Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i] as number) ** 2;
  return s;
}

/** The same stems without their reverb sends. */
function dryOf(stems: Stems): Stems {
  return { ...stems, tracks: stems.tracks.map((t) => ({ ...t, defaultReverbSendDb: undefined })) };
}

describe('the stereo rough mix', () => {
  it.each(STYLES.map((s) => s.id))(
    '%s: stereo (side 10–20 dB under mid), balanced, with a little reverb (8–22 dB under the dry mix), the room wide',
    (style) => {
      const song = generateSong(1, style, { bars: 12 });
      const stems = renderStemsSync(song, { sampleRate: RATE, sampleBank: null });
      for (const t of stems.tracks) {
        expect(t.defaultPan).toBe(ROUGH_MIX_PAN[t.id]);
        expect(t.defaultReverbSendDb).toBe(roughMixPlacement(t.id, style).reverbSendDb);
      }
      const [left, right] = renderRoughMix(stems);
      const width = sideToMidDb(left, right);
      expect(width).toBeGreaterThan(-20);
      expect(width).toBeLessThan(-10);
      // The old rough mix (renderMix) is one channel: no side at all.
      const mono = renderMix(stems);
      expect(sideToMidDb(mono, mono)).toBe(Number.NEGATIVE_INFINITY);
      expect(Math.abs(10 * Math.log10(energy(left) / energy(right)))).toBeLessThan(1);
      const [dryL, dryR] = renderRoughMix(dryOf(stems));
      let wet = 0;
      for (let i = 0; i < left.length; i++)
        wet +=
          ((left[i] as number) - (dryL[i] as number)) ** 2 +
          ((right[i] as number) - (dryR[i] as number)) ** 2;
      const wetDb = 10 * Math.log10(wet / (energy(dryL) + energy(dryR)));
      expect(wetDb).toBeGreaterThan(-22);
      expect(wetDb).toBeLessThan(-8);
      // The return is a room around the mix: its two sides are nearly independent (side ≈ mid).
      const wetL = left.map((x, i) => x - (dryL[i] as number));
      const wetR = right.map((x, i) => x - (dryR[i] as number));
      expect(sideToMidDb(wetL, wetR)).toBeGreaterThan(-3);
    },
    60_000,
  );

  it('places a part where its pan says (equal power) and keeps kick and bass dry', () => {
    const song = generateSong(2, 'pop', {
      bars: 8,
      mutedTracks: ['kick', 'snare', 'perc', 'bass', 'chords', 'keys', 'lead', 'vocal'],
    });
    const stems = renderStemsSync(song, { sampleRate: RATE, sampleBank: null });
    const [left, right] = renderRoughMix(dryOf(stems));
    const [gl, gr] = panGains(ROUGH_MIX_PAN.hats);
    expect(10 * Math.log10(energy(right) / energy(left))).toBeCloseTo(20 * Math.log10(gr / gl), 3);
    expect(ROUGH_MIX_REVERB_SEND_DB.kick).toBe(Number.NEGATIVE_INFINITY);
    expect(ROUGH_MIX_REVERB_SEND_DB.bass).toBe(Number.NEGATIVE_INFINITY);
  });

  it('is deterministic: the same stems give bit-identical stereo', () => {
    const stems = renderStemsSync(generateSong(3, 'ballad', { bars: 8 }), {
      sampleRate: RATE,
      sampleBank: null,
    });
    const a = renderRoughMix(stems);
    const b = renderRoughMix(stems);
    expect(hashSamples(a)).toBe(hashSamples(b));
  });
});
