import { describe, expect, it } from 'vitest';
import { bandLevels, exactCentre, THIRD_OCTAVE_CENTRES } from '../../src/dsp/bands';
import { createRng } from '../../src/dsp/random';
import {
  levelWeight,
  programmeWeights,
  STYLE_SPECTRA_DB,
  styleLevelAt,
} from '../../src/exercises/shared/programme-spectrum';
import { EXERCISE_STYLES, generateSongSource } from '../../src/exercises/shared/sources';
import { generateSong } from '../../src/production/generate-song';
import { renderMix, renderStemsSync } from '../../src/production/render-stems';

const RATE = 44100;

/** Third-octave levels of a fresh song's chorus mix, dB re its loudest band (what the table stores, per song). */
function measure(style: (typeof EXERCISE_STYLES)[number], seed: number): number[] {
  const src = generateSongSource(createRng(seed), { styles: [style] });
  const stems = renderStemsSync(generateSong(src.seed, style, src.overrides), { sampleRate: RATE });
  const mix = renderMix(stems);
  const from = Math.round(src.startS * RATE);
  const excerpt = mix.slice(from, from + Math.round(src.durationS * RATE));
  const levels = bandLevels(excerpt, RATE, THIRD_OCTAVE_CENTRES.map(exactCentre), 3);
  const max = Math.max(...levels);
  return levels.map((l) => l - max);
}

describe('programme weights', () => {
  it('weigh 1 down to 12 dB below the loudest band, 0 from 30 dB below, linear between', () => {
    expect(levelWeight(0)).toBe(1);
    expect(levelWeight(-12)).toBe(1);
    expect(levelWeight(-21)).toBeCloseTo(0.5, 9);
    expect(levelWeight(-30)).toBe(0);
    expect(levelWeight(-60)).toBe(0);
    expect(programmeWeights({ type: 'pink' }, [20, 1000, 20000])).toEqual([1, 1, 1]);
  });

  it('interpolate the style table on log frequency between third-octave centres', () => {
    expect(styleLevelAt('pop', 1000)).toBe(STYLE_SPECTRA_DB.pop[16]);
    const between = styleLevelAt('pop', Math.sqrt(1000 * 1250));
    expect(between).toBeCloseTo(
      ((STYLE_SPECTRA_DB.pop[16] as number) + (STYLE_SPECTRA_DB.pop[17] as number)) / 2,
      9,
    );
    expect(styleLevelAt('pop', 10)).toBe(STYLE_SPECTRA_DB.pop[0]);
  });

  // The table is measured music, not a guess: songs the table never saw land near it wherever it carries
  // weight, so the weights cannot drift from what the synths play.
  it.each(EXERCISE_STYLES)(
    'the %s table matches fresh renders (weights within 0.35 in every band, levels 3 dB apart on average)',
    (style) => {
      const a = measure(style, 424242);
      const b = measure(style, 777);
      const table = STYLE_SPECTRA_DB[style];
      let diff = 0;
      THIRD_OCTAVE_CENTRES.forEach((f, i) => {
        const mean = 10 * Math.log10((10 ** ((a[i] as number) / 10) + 10 ** ((b[i] as number) / 10)) / 2);
        const stored = table[i] as number;
        expect(Math.abs(levelWeight(mean) - levelWeight(stored)), `${style} ${f} Hz`).toBeLessThan(0.35);
        diff += Math.abs(Math.max(mean, -40) - Math.max(stored, -40));
      });
      expect(diff / THIRD_OCTAVE_CENTRES.length).toBeLessThan(3);
    },
    20_000,
  );
});
