/**
 * Which drills take an imported multitrack as their music, and why the others do not (in plain words, as
 * the Train page shows them). Each accepting kind generates from the song's summary alone
 * (generateImported(seed, level, summary)): pure, deterministic and audible by the same rules as a
 * generated song.
 */
import { generateImported as compMatchImported, importedCompMatchProblem } from '../comp-match/imported';
import {
  generateImported as compSpotImported,
  generateImportedAt as compSpotImportedAt,
} from '../comp-spot/generate';
import { generateImported as delayTimeImported } from '../delay-time/generate';
import {
  generateImported as eqBoostImported,
  generateImportedAt as eqBoostImportedAt,
} from '../eq-boost/generate';
import { generateImported as eqMatchImported } from '../eq-match/generate';
import {
  generateImported as eqTwoBandsImported,
  generateImportedAt as eqTwoBandsImportedAt,
} from '../eq-two-bands/generate';
import { generateImported as faderBalanceImported } from '../fader-balance/generate';
import {
  generateImported as filtersImported,
  generateImportedAt as filtersImportedAt,
} from '../filters/generate';
import {
  generateImported as fixMixImported,
  importedFixMixLevelProblem,
  importedFixMixLevelText,
  importedFixMixProblem,
} from '../fix-mix/imported';
import {
  generateImported as levelChangeImported,
  generateImportedAt as levelChangeImportedAt,
} from '../level-change/generate';
import {
  generateImported as loudnessImported,
  generateImportedAt as loudnessImportedAt,
} from '../loudness/generate';
import { generateImported as loudnessMatchImported } from '../loudness-match/generate';
import {
  importedMixFitProblem,
  generateImported as mixMatchImported,
  importedLevelProblem as mixMatchLevelProblem,
  importedLevelText as mixMatchLevelText,
} from '../mix-match/imported';
import {
  generateImported as panPositionImported,
  generateImportedAt as panPositionImportedAt,
} from '../pan-position/generate';
import { generateImported as resonanceImported } from '../resonance/generate';
import { generateImported as reverbTimeImported } from '../reverb-time/generate';
import {
  generateImported as reverbTypeImported,
  generateImportedAt as reverbTypeImportedAt,
} from '../reverb-type/generate';
import {
  generateImported as saturationImported,
  generateImportedAt as saturationImportedAt,
} from '../saturation/generate';
import {
  importedWidthProblem,
  generateImported as stereoWidthImported,
  generateImportedAt as stereoWidthImportedAt,
} from '../stereo-width/generate';
import type { QuestionBase } from '../types';
import { dynamicsProblem, type ImportedSongSummary, mostActiveTracks, summaryProblem } from './imported-song';

/** How a kind makes questions on an imported song. */
export interface ImportedGenerators {
  generate(seed: number, level: number, song: ImportedSongSummary): QuestionBase;
  /** Adaptive mode, for kinds that have it. */
  generateAt?(seed: number, value: number, song: ImportedSongSummary): QuestionBase;
  /** Fewest parts that must play together in a loop of the song's body. */
  minTracks: number;
  /**
   * Why this song cannot carry the kind (at `level`, when given) beyond its parts (plain words), or null;
   * absent: no further rule.
   */
  fitProblem?(song: ImportedSongSummary, level?: number): string | null;
  /** Why no imported song can carry `level` (plain words: that level plays only Headroom's songs), or null; absent: every level can. */
  levelProblem?(level: number): string | null;
  /** A level's name and description on an imported song, when its own name Headroom's tracks; absent or null: the level's own. */
  levelText?(level: number): { name: string; description: string } | null;
}

/** The kinds that take imported songs, by id. */
export const IMPORTED_KINDS: Readonly<Record<string, ImportedGenerators>> = {
  'level-change': { generate: levelChangeImported, generateAt: levelChangeImportedAt, minTracks: 2 },
  'fader-balance': { generate: faderBalanceImported, minTracks: 2 },
  loudness: { generate: loudnessImported, generateAt: loudnessImportedAt, minTracks: 1 },
  'eq-boost': { generate: eqBoostImported, generateAt: eqBoostImportedAt, minTracks: 1 },
  'eq-two-bands': { generate: eqTwoBandsImported, generateAt: eqTwoBandsImportedAt, minTracks: 1 },
  filters: { generate: filtersImported, generateAt: filtersImportedAt, minTracks: 1 },
  'loudness-match': { generate: loudnessMatchImported, minTracks: 1 },
  'reverb-type': {
    generate: reverbTypeImported,
    generateAt: reverbTypeImportedAt,
    minTracks: 1,
    fitProblem: dynamicsProblem,
  },
  'reverb-time': { generate: reverbTimeImported, minTracks: 1, fitProblem: dynamicsProblem },
  saturation: {
    generate: saturationImported,
    generateAt: saturationImportedAt,
    minTracks: 1,
    fitProblem: dynamicsProblem,
  },
  'delay-time': { generate: delayTimeImported, minTracks: 1, fitProblem: dynamicsProblem },
  'comp-match': { generate: compMatchImported, minTracks: 1, fitProblem: importedCompMatchProblem },
  'comp-spot': {
    generate: compSpotImported,
    generateAt: compSpotImportedAt,
    minTracks: 1,
    fitProblem: dynamicsProblem,
  },
  'pan-position': { generate: panPositionImported, generateAt: panPositionImportedAt, minTracks: 1 },
  'stereo-width': {
    generate: stereoWidthImported,
    generateAt: stereoWidthImportedAt,
    minTracks: 2,
    fitProblem: importedWidthProblem,
  },
  'eq-match': { generate: eqMatchImported, minTracks: 1 },
  resonance: { generate: resonanceImported, minTracks: 1 },
  'mix-match': {
    generate: mixMatchImported,
    minTracks: 3,
    fitProblem: importedMixFitProblem,
    levelProblem: mixMatchLevelProblem,
    levelText: mixMatchLevelText,
  },
  'fix-mix': {
    generate: fixMixImported,
    minTracks: 3,
    fitProblem: importedFixMixProblem,
    levelProblem: importedFixMixLevelProblem,
    levelText: importedFixMixLevelText,
  },
};

/** Why each other kind plays only generated songs (or pink noise), for the learner. */
export const IMPORTED_REASONS: Readonly<Record<string, string>> = {
  'prod-or-mix': 'Changes the song’s notes and instruments, which only a generated song can do.',
};

/** A level's name and description when it plays an imported song, or null to show the level's own. */
export function levelTextOnImported(
  kind: string,
  level: number,
): { name: string; description: string } | null {
  return IMPORTED_KINDS[kind]?.levelText?.(level) ?? null;
}

/** Whether a kind takes imported songs. */
export function takesImported(kind: string): boolean {
  return kind in IMPORTED_KINDS;
}

/**
 * Why no imported song can be the music of `kind` at `level` (plain words), or null when a suitable one can:
 * the kind takes none, or that level plays only Headroom's songs (mix-match's compression levels).
 */
export function importedLevelProblem(kind: string, level: number): string | null {
  const generators = IMPORTED_KINDS[kind];
  if (!generators) return IMPORTED_REASONS[kind] ?? 'This drill plays only Headroom’s own songs.';
  return generators.levelProblem?.(level) ?? null;
}

/** Why `song` cannot be the music of `kind` (at `level`, when given) in plain words, or null when it can. */
export function importedFitProblem(kind: string, song: ImportedSongSummary, level?: number): string | null {
  const generators = IMPORTED_KINDS[kind];
  if (!generators) return IMPORTED_REASONS[kind] ?? 'This drill plays only Headroom’s own songs.';
  const levelBad = level !== undefined ? generators.levelProblem?.(level) : null;
  if (levelBad) return levelBad;
  const bad = summaryProblem(song);
  if (bad) return `“${song.name}” cannot be used: ${bad}.`;
  if (mostActiveTracks(song) < generators.minTracks)
    return `Needs ${generators.minTracks} parts playing together for 8 seconds: “${song.name}” has no such stretch.`;
  return generators.fitProblem?.(song, level) ?? null;
}

/** A question of `kind` on an imported song (adaptive at `value` when given and the kind has it). */
export function generateOnImported(
  kind: string,
  seed: number,
  level: number,
  song: ImportedSongSummary,
  value: number | null = null,
): QuestionBase {
  const generators = IMPORTED_KINDS[kind];
  if (!generators) throw new Error(IMPORTED_REASONS[kind] ?? `${kind} does not take imported songs.`);
  const levelBad = value === null ? generators.levelProblem?.(level) : null;
  if (levelBad) throw new Error(levelBad);
  return value !== null && generators.generateAt
    ? generators.generateAt(seed, value, song)
    : generators.generate(seed, level, song);
}
