/**
 * Where a programme has energy, by frequency: the weight an EQ difference gets in the matching scores.
 * Pink noise has the same energy in every octave; a generated song's weights come from its style's long-term
 * mix spectrum (the chorus excerpts drills play, of 12-bar songs, third-octave levels averaged over eight songs per style;
 * tests/exercises/programme-spectrum.test.ts re-measures it from renders so it cannot drift from the music).
 */
import { THIRD_OCTAVE_CENTRES } from '../../dsp/bands';
import type { Decibels, Hz } from '../../dsp/units';
import type { StyleId } from '../../production/types';

/** Third-octave levels (25 Hz … 20 kHz, ISO 266 nominal centres) of each style's chorus mix, dB re its loudest band. */
export const STYLE_SPECTRA_DB: Readonly<Record<StyleId, readonly Decibels[]>> = {
  pop: [
    -31, -29, -26, 0, -2, -3, -4, -7, -11, -7, -6, -8, -5, -4, -5, -6, -9, -10, -11, -13, -12, -13, -13, -12,
    -12, -12, -12, -13, -15, -20,
  ],
  rock: [
    -29, -28, -25, 0, -2, -2, -4, -3, -6, -2, -6, -4, -7, -6, -7, -6, -10, -12, -13, -13, -12, -13, -12, -12,
    -12, -13, -13, -13, -15, -23,
  ],
  hiphop: [
    -35, -33, -11, 0, -5, -7, -14, -18, -17, -12, -7, -7, -12, -11, -11, -12, -13, -17, -21, -22, -20, -20,
    -19, -17, -15, -15, -15, -18, -22, -24,
  ],
  electronic: [
    -37, -34, -31, 0, -6, -8, -7, -11, -9, -10, -13, -13, -8, -7, -8, -8, -10, -10, -9, -12, -13, -14, -16,
    -16, -16, -15, -13, -12, -13, -19,
  ],
  ballad: [
    -34, -32, -27, -2, 0, 0, -4, -4, -4, -4, -4, -2, -3, 0, 0, -3, -4, -6, -9, -13, -13, -16, -16, -17, -15,
    -15, -15, -16, -20, -23,
  ],
};

/** A band this far below the programme's loudest still counts fully. */
export const FULL_WEIGHT_BELOW_DB: Decibels = -12;
/** A band this far below the programme's loudest (or further) is not heard in the mix: weight 0. */
export const ZERO_WEIGHT_BELOW_DB: Decibels = -30;

/**
 * What an EQ-matching question plays, as far as weighting goes: pink noise, a generated song of a style, or a
 * measured spectrum (an imported song's loop: third-octave levels at THIRD_OCTAVE_CENTRES, dB re its loudest).
 */
export type ProgrammeKind =
  | { type: 'pink' }
  | { type: 'song'; style: StyleId }
  | { type: 'spectrum'; levelsDb: readonly Decibels[] };

/** Level (dB re loudest) of a style's spectrum at `f`, interpolated on log frequency between third-octave centres. */
export function styleLevelAt(style: StyleId, f: Hz): Decibels {
  return spectrumLevelAt(STYLE_SPECTRA_DB[style], f);
}

/** Level of a third-octave table (at THIRD_OCTAVE_CENTRES) at `f`, interpolated on log frequency. */
export function spectrumLevelAt(table: readonly Decibels[], f: Hz): Decibels {
  if (table.length === 0) return 0;
  const centres = THIRD_OCTAVE_CENTRES;
  if (f <= (centres[0] as number)) return table[0] as number;
  for (let i = 1; i < centres.length; i++) {
    const hi = centres[i] as number;
    if (f <= hi) {
      const lo = centres[i - 1] as number;
      const t = Math.log(f / lo) / Math.log(hi / lo);
      return (table[i - 1] as number) * (1 - t) + (table[i] as number) * t;
    }
  }
  return table[table.length - 1] as number;
}

/** Weight 0 … 1 of a band `levelDb` below the loudest: 1 down to −12 dB, falling linearly to 0 at −30 dB. */
export function levelWeight(levelDb: Decibels): number {
  if (levelDb >= FULL_WEIGHT_BELOW_DB) return 1;
  if (levelDb <= ZERO_WEIGHT_BELOW_DB) return 0;
  return (levelDb - ZERO_WEIGHT_BELOW_DB) / (FULL_WEIGHT_BELOW_DB - ZERO_WEIGHT_BELOW_DB);
}

/** The programme's weight at each frequency in `pointsHz`: 1 everywhere for pink noise. */
export function programmeWeights(programme: ProgrammeKind, pointsHz: readonly Hz[]): number[] {
  if (programme.type === 'pink') return pointsHz.map(() => 1);
  if (programme.type === 'spectrum')
    return pointsHz.map((f) => levelWeight(spectrumLevelAt(programme.levelsDb, f)));
  return pointsHz.map((f) => levelWeight(styleLevelAt(programme.style, f)));
}
