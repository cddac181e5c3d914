/**
 * An imported song's loop as the EQ-matching kinds (eq-match, resonance) weigh it: the third-octave spectrum of
 * every track's mono sum at 0 dB (what the drill plays), summed, read from the song's summary. The question
 * carries it (programmeDb), so its score needs nothing but the question, as on a generated song.
 */
import type { Decibels } from '../../dsp/units';
import { sumBands } from '../shared/audibility';
import { type ImportedLoop, type ImportedSongSummary, loopBands } from '../shared/imported-song';
import type { ProgrammeKind } from '../shared/programme-spectrum';
import type { ImportedSongSource, PinkSource, SongSource } from '../types';

/** Levels further below the loudest band are stored as this (they weigh nothing: −30 dB already weighs 0), dB. */
export const PROGRAMME_FLOOR_DB: Decibels = -60;

/** The loop's programme spectrum: dB re its loudest third-octave (ANALYSIS_CENTRES), in 0.5 dB steps. */
export function importedProgrammeDb(song: ImportedSongSummary, loop: ImportedLoop): Decibels[] {
  const bands = sumBands(song.tracks.map((t) => ({ bands: loopBands(t, loop) })));
  const db = bands.map((p) => (p > 0 ? 10 * Math.log10(p) : Number.NEGATIVE_INFINITY));
  const top = Math.max(...db);
  return db.map((d) => Math.max(PROGRAMME_FLOOR_DB, Math.round((d - top) * 2) / 2) + 0);
}

/** What a question's programme is for weighting: pink noise, a style, or the spectrum an imported question carries. */
export function programmeOf(
  source: PinkSource | SongSource | ImportedSongSource,
  programmeDb: readonly Decibels[] | undefined,
): ProgrammeKind {
  if (source.type === 'song') return { type: 'song', style: source.style };
  if (source.type === 'imported-song') return { type: 'spectrum', levelsDb: programmeDb ?? [] };
  return { type: 'pink' };
}
