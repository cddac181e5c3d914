/**
 * How audible a prod-or-mix question's change is, predicted from the analysed loop (shared/audibility.ts):
 * a band change of at least PROD_MIX_REQUIRED_DB for moves the band model sees (level, pan, EQ, a part taken
 * out), the measured gain reduction for compression, and for the rest a part that plays, stands out in the
 * mix and leaves room for its tail or echo.
 */
import { noteValueSeconds } from '../../dsp/delay';
import { panGains } from '../../dsp/pan';
import type { TrackId } from '../../production/types';
import { measuredPeakReductionDb } from '../comp-spot/measured-reduction';
import {
  ACTIVE_SHARE,
  type Audibility,
  freeEchoShare,
  HEARD_BELOW_DB,
  inaudible,
  largestBandChangeDb,
  peakingPowerGains,
  roomAfterShare,
  sumBands,
} from '../shared/audibility';
import { analyseSongLoop, type SongAnalysis, trackProfile } from '../shared/song-analysis';
import type { ProdOrMixQuestion } from './meta';

/** The band change a category question needs, dB (twice a level step's just-noticeable amount). */
export const PROD_MIX_REQUIRED_DB = 1;
/** A part whose sound is judged (a new sound, a send) must reach this share of the mix in some heard band. */
export const PROMINENCE_SHARE = 0.25;
/** A compressed part's measured peak reduction must reach this share of what the description says. */
const REDUCTION_SHARE = 0.7;

/** The largest share of the mix's power the part holds in a heard band (0 … 1). */
export function prominence(analysis: SongAnalysis, id: TrackId): number {
  const mix = sumBands([...analysis.tracks.values()]);
  const part = trackProfile(analysis, id).bands;
  const floor = Math.max(...mix) * 10 ** (-HEARD_BELOW_DB / 10);
  let best = 0;
  mix.forEach((m, i) => {
    if (m >= floor && m > 0) best = Math.max(best, (part[i] as number) / m);
  });
  return best;
}

/** A mix with one part's bands scaled per band (power gains), against the rough mix. */
function bandChange(analysis: SongAnalysis, id: TrackId, gains: readonly number[], matched: boolean): number {
  const parts = [...analysis.tracks.values()];
  const a = sumBands(parts);
  const b = sumBands(
    parts.map((t) => (t.id === id ? { bands: t.bands.map((v, i) => v * (gains[i] as number)) } : t)),
  );
  return largestBandChangeDb(a, b, matched);
}

function panChange(analysis: SongAnalysis, id: TrackId, pan: number): number {
  const [cl] = panGains(0);
  const [l, r] = panGains(pan);
  const flat = (g: number) => trackProfile(analysis, id).bands.map(() => g);
  return Math.max(
    bandChange(analysis, id, flat((l * l) / (cl * cl)), false),
    bandChange(analysis, id, flat((r * r) / (cl * cl)), false),
  );
}

function activePart(analysis: SongAnalysis, id: TrackId): Audibility | null {
  const t = trackProfile(analysis, id);
  return t.activity < ACTIVE_SHARE ? inaudible(`the ${id} plays ${t.activity} of the loop`) : null;
}

/** The planted difference of a question and what it must reach (see the module comment). */
export function audibility(q: ProdOrMixQuestion): Audibility {
  const need = PROD_MIX_REQUIRED_DB;
  const c = q.mixChange;
  if (c) {
    const analysis = analyseSongLoop(q.versionA);
    const idle = activePart(analysis, c.track);
    if (idle) return idle;
    const flat = (g: number) => analysis.tracks.get(c.track)?.bands.map(() => g) ?? [];
    switch (c.type) {
      case 'level':
        return { planted: bandChange(analysis, c.track, flat(10 ** (c.deltaDb / 10)), true), required: need };
      case 'pan':
        return { planted: panChange(analysis, c.track, c.pan), required: need };
      case 'eq': {
        const gains = peakingPowerGains(c.band.frequencyHz, c.band.gainDb, c.band.q);
        return { planted: bandChange(analysis, c.track, gains, true), required: need };
      }
      case 'compression': {
        const said = Number(/about (\d+(?:\.\d+)?) dB/.exec(q.description)?.[1] ?? 6);
        const planted = measuredPeakReductionDb(trackProfile(analysis, c.track).samples, c.compressor);
        return { planted, required: REDUCTION_SHARE * said };
      }
      case 'reverb':
      case 'delay': {
        const t = trackProfile(analysis, c.track);
        const share = prominence(analysis, c.track);
        if (share < PROMINENCE_SHARE) return inaudible(`the ${c.track} holds ${share} of the mix`);
        if (c.type === 'reverb')
          return { planted: roomAfterShare(t.notes, 0.5, analysis.beats), required: 0.25 };
        const beats = (noteValueSeconds(c.note, analysis.bpm) * analysis.bpm) / 60;
        return { planted: freeEchoShare(t.notes, beats, analysis.beats), required: 0.5 };
      }
    }
  }
  const a = q.versionA;
  const b = q.versionB;
  const mutedA = a.overrides?.mutedTracks ?? [];
  const mutedB = b.overrides?.mutedTracks ?? [];
  if (mutedA.length !== mutedB.length) {
    const full = mutedA.length < mutedB.length ? a : b;
    const id = [...mutedA, ...mutedB].find(
      (t) => !(full.overrides?.mutedTracks ?? []).includes(t),
    ) as TrackId;
    const analysis = analyseSongLoop(full);
    const idle = activePart(analysis, id);
    if (idle) return idle;
    return { planted: bandChange(analysis, id, flat0(analysis, id), true), required: need };
  }
  const changed = Object.keys(b.overrides?.instruments ?? {})[0] as TrackId | undefined;
  if (changed) {
    const analysis = analyseSongLoop(a);
    const idle = activePart(analysis, changed);
    if (idle) return idle;
    return { planted: prominence(analysis, changed), required: PROMINENCE_SHARE };
  }
  // New chords, a new groove or a new tempo change every bar of the loop.
  return { planted: 1, required: 1 };
}

/** Power gains that take a part out (a tiny floor keeps the logarithm finite). */
function flat0(analysis: SongAnalysis, id: TrackId): number[] {
  return trackProfile(analysis, id).bands.map(() => 1e-6);
}
