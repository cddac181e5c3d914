/** Balance the faders: seeded reference and scrambled start per level. */
import { createRng, type Rng } from '../../dsp/random';
import type { Decibels } from '../../dsp/units';
import {
  ACTIVE_SHARE,
  type Audibility,
  drawAudible,
  inaudible,
  largestBandChangeDb,
  sumBands,
} from '../shared/audibility';
import {
  type ImportedSongSummary,
  importedLoopAnalysis,
  importedLoopPick,
  loopOf,
  pickImportedTracks,
} from '../shared/imported-song';
import { clampLevel, levelSpec } from '../shared/levels';
import { MIN_START_JNDS } from '../shared/match-score';
import { roundTo } from '../shared/scoring';
import { trackProfile } from '../shared/song-analysis';
import { generateSongSource } from '../shared/sources';
import { pickTracks, type TrackRef } from '../shared/tracks';
import { balanceError } from './balance';
import { JND_DB } from './check';
import { type FaderBalanceQuestion, meta } from './meta';

/**
 * A question for (seed, level): deterministic, plain JSON. The faders start at the rough mix (every part at
 * its normalised level, offset 0) and the reference is a balance of its own, each fader up to ±scrambleDb
 * away, whose balance error from the start is at least MIN_START_JNDS just-noticeable amounts (4 dB) and a
 * third of the scramble. So the untouched faders, or faders reset to 0, score nothing.
 */
export function generate(seed: number, level: number): FaderBalanceQuestion {
  const lvl = clampLevel(meta, level);
  const p = levelSpec(meta, lvl).params;
  const rng = createRng(seed);
  const tracks = pickTracks(rng, rng.int(p.tracks[0], p.tracks[1]));
  const { startDb, referenceDb } = balances(rng, tracks, p.scrambleDb);
  return {
    kind: 'fader-balance',
    seed,
    level: lvl,
    tracks,
    referenceDb,
    startDb,
    source: generateSongSource(rng.fork('source')),
  };
}

/** Start at 0 dB and a reference whose balance error from it is at least four JNDs and a third of the scramble. */
function balances(rng: Rng, tracks: readonly TrackRef[], scrambleDb: Decibels) {
  const startDb = tracks.map(() => 0);
  const least = Math.max(MIN_START_JNDS * JND_DB, scrambleDb / 3);
  let referenceDb = startDb;
  for (let attempt = 0; attempt < 500; attempt++) {
    referenceDb = tracks.map(() => roundTo(rng.range(-scrambleDb, scrambleDb), 0.5));
    if (balanceError(startDb, referenceDb).errorDb >= least) break;
  }
  return { startDb, referenceDb };
}

/**
 * On an imported song: every part plays in three quarters of the loop, and the reference balance changes the
 * loudness-matched mix by at least the kind's just-noticeable amount in some band heard (a part far below the
 * others would make its fader moves inaudible).
 */
export function importedAudibility(q: FaderBalanceQuestion, song: ImportedSongSummary): Audibility {
  const loop = q.source.type === 'imported-song' ? loopOf(song, q.source) : null;
  if (!loop) return inaudible('not a loop of this song');
  const analysis = importedLoopAnalysis(song, loop);
  const parts = q.tracks.map((t) => trackProfile(analysis, t.id));
  const idle = parts.find((t) => t.activity < ACTIVE_SHARE);
  if (idle) return inaudible(`${idle.id} plays ${idle.activity} of the loop`);
  const at = (db: readonly number[]) =>
    sumBands(parts.map((t, i) => ({ bands: t.bands, powerGain: 10 ** ((db[i] ?? 0) / 10) })));
  return { planted: largestBandChangeDb(at(q.startDb), at(q.referenceDb), true), required: JND_DB };
}

/** A question on an imported song (read from its summary): deterministic, plain JSON, audible. */
export function generateImported(
  seed: number,
  level: number,
  song: ImportedSongSummary,
): FaderBalanceQuestion {
  const lvl = clampLevel(meta, level);
  const p = levelSpec(meta, lvl).params;
  const draw = (rng: Rng): FaderBalanceQuestion => {
    const { pool, source } = importedLoopPick(rng.fork('loop'), song, 2);
    const count = Math.max(2, Math.min(pool.length, rng.int(p.tracks[0], p.tracks[1])));
    const tracks = pickImportedTracks(rng, count, pool);
    return {
      kind: 'fader-balance',
      seed,
      level: lvl,
      tracks,
      ...balances(rng, tracks, p.scrambleDb),
      source,
    };
  };
  return drawAudible(seed, draw, (q) => importedAudibility(q, song));
}
