/** Set B to the same loudness: seeded questions per level, B's matching offset predicted from the spectrum. */
import { biquadCoefficients, biquadMagnitudeDb } from '../../dsp/biquad';
import type { Rng } from '../../dsp/random';
import type { Decibels } from '../../dsp/units';
import { JND_DB, sumBands, weightedPower } from '../shared/audibility';
import {
  type ImportedSongSummary,
  importedLoopAnalysis,
  importedLoopPick,
  loopOf,
} from '../shared/imported-song';
import { clampLevel, levelSpec } from '../shared/levels';
import { isFarEnough } from '../shared/match-score';
import { ANALYSIS_CENTRES, analyseSongLoop } from '../shared/song-analysis';
import { generateSongSource } from '../shared/sources';
import { drawMatch } from './draw';
import { type LoudnessMatchQuestion, meta, type ToneChange } from './meta';

/** Where B's tone shelves act, Hz. */
const HIGH_SHELF_HZ = 3000;
const LOW_SHELF_HZ = 200;
/** Rate the shelf's curve is read at (the engine's). */
const CURVE_RATE = 48000;

/** Third-octave band powers of the question's sound (pink noise: equal power in every third octave). */
export function sourceBands(q: Pick<LoudnessMatchQuestion, 'source'>, song?: ImportedSongSummary): number[] {
  if (q.source.type === 'pink') return ANALYSIS_CENTRES.map(() => 1);
  if (q.source.type === 'imported-song') {
    const loop = song ? loopOf(song, q.source) : null;
    if (!song || !loop) throw new Error('The imported song of this question is not the one given.');
    return sumBands([...importedLoopAnalysis(song, loop).tracks.values()]);
  }
  return sumBands([...analyseSongLoop(q.source).tracks.values()]);
}

/**
 * The fader offset that makes B (through `tone`) as loud as A: −10·log10 of the K-weighted power ratio of the
 * sound's third-octave bands through the shelf (read at each band's centre), rounded to 0.1 dB.
 */
export function matchingOffsetDb(bands: readonly number[], tone: ToneChange | null): Decibels {
  if (!tone) return 0;
  const c = biquadCoefficients(tone.type, tone.frequency, Math.SQRT1_2, tone.gainDb, CURVE_RATE);
  const through = bands.map(
    (p, i) => p * 10 ** (biquadMagnitudeDb(c, ANALYSIS_CENTRES[i] as number, CURVE_RATE) / 10),
  );
  return Math.round(-10 * Math.log10(weightedPower(through) / weightedPower(bands)) * 10) / 10;
}

/** A question for (seed, level): deterministic, plain JSON; its start is at least four JNDs (2 dB) off. */
export function generate(seed: number, level: number): LoudnessMatchQuestion {
  const lvl = clampLevel(meta, level);
  return drawMatch(
    seed,
    (rng) => build(rng, seed, lvl),
    (q) => isFarEnough(Math.abs(q.referenceDb), JND_DB),
  );
}

function build(rng: Rng, seed: number, lvl: number, song?: ImportedSongSummary): LoudnessMatchQuestion {
  const p = levelSpec(meta, lvl).params;
  const source = song
    ? importedLoopPick(rng.fork('loop'), song).source
    : p.source === 'pink'
      ? ({ type: 'pink' } as const)
      : generateSongSource(rng.fork('source'));
  let tone: ToneChange | null = null;
  if (p.toneDb > 0) {
    const high = rng.chance(0.5);
    tone = {
      type: high ? 'highshelf' : 'lowshelf',
      frequency: high ? HIGH_SHELF_HZ : LOW_SHELF_HZ,
      gainDb: rng.chance(0.5) ? p.toneDb : -p.toneDb,
    };
  }
  const match = matchingOffsetDb(sourceBands({ source }, song), tone);
  const away = Math.round(p.startOffsetDb * rng.range(1, 1.5) * 10) / 10;
  const startDb = Math.round((match + (rng.chance(0.5) ? away : -away)) * 10) / 10;
  const referenceDb = Math.round((match - startDb) * 10) / 10;
  return { kind: 'loudness-match', seed, level: lvl, source, tone, referenceDb, startDb };
}

/**
 * A question on an imported song (every level plays the song; the matching offset predicted from the loop's
 * spectrum in its summary): deterministic, plain JSON, its start at least four JNDs off.
 */
export function generateImported(
  seed: number,
  level: number,
  song: ImportedSongSummary,
): LoudnessMatchQuestion {
  const lvl = clampLevel(meta, level);
  return drawMatch(
    seed,
    (rng) => build(rng, seed, lvl, song),
    (q) => isFarEnough(Math.abs(q.referenceDb), JND_DB),
  );
}
