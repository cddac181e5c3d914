/**
 * A seeded good mix of an imported song's stems, read from its summary alone (pure, deterministic): the mix
 * kinds (fix-mix, mix-match) start from it on an imported song, as they start from a rough mix on Headroom's
 * own songs. Per part: a fader over a realistic spread (GOOD_FADER_DB), a pan for parts that need not sit in
 * the centre, gentle EQ moves (GOOD_EQ_DB) only in bands where the part has sound, reverb and delay sends on
 * most parts (GOOD_SEND_DB), no compressor (the summary keeps too little of each part to grade one). The
 * faders are balanced on the loop's loudness per part: no part buried (a 3 dB move of it must be heard, by
 * level-change's rule, and it stays within BURIED_BELOW_DB of the loudest part) and none dominating (the
 * loudest part at most DOMINATES_DB above the next). Nothing is left at its default by design, so a fault
 * planted on this mix is not the one control off its default.
 */
import { exactCentre } from '../../dsp/bands';
import { biquadCoefficients, biquadMagnitudeDb } from '../../dsp/biquad';
import type { Rng } from '../../dsp/random';
import type { Decibels, Hz, Seconds } from '../../dsp/units';
import type { TrackId } from '../../production/types';
import {
  bandBelowLoudestDb,
  EQ_ENERGY_BELOW_DB,
  KEEP_SHARE,
  largestBandChangeDb,
  sumBands,
  weightedPower,
} from './audibility';
import { loopFreeEchoShare, loopRoomShare } from './imported-notes';
import {
  type ImportedLoop,
  type ImportedSongSummary,
  type ImportedTrackSummary,
  importedTrackId,
  loopBands,
  SEGMENT_S,
} from './imported-song';
import { MIX_EQ_TYPES, type TrackMix, untouchedTrack } from './mix-spec';
import { roundTo } from './scoring';
import { ANALYSIS_CENTRES } from './song-analysis';

/** The range a good mix's faders take, dB from the stem as exported. */
export const GOOD_FADER_DB: readonly [Decibels, Decibels] = [-12, 0];
/** The largest EQ move of a good mix, ±dB (gentle). */
export const GOOD_EQ_DB: Decibels = 6;
/** The range a good mix's reverb and delay sends take, dB (a part may also have none). */
export const GOOD_SEND_DB: readonly [Decibels, Decibels] = [-28, -6];
/** A part more than this above every other part (loudness in the mix) dominates it, dB. */
export const DOMINATES_DB: Decibels = 8;
/** A part more than this below the loudest part (loudness in the mix) is buried, dB. */
export const BURIED_BELOW_DB: Decibels = 15;
/** A part is heard in the mix when a fader move of this much changes some band by half of it (level-change's rule). */
export const PROBE_DB: Decibels = 3;
/** A delay echo on an imported song, s: the desk's 1/4 note at the 120 bpm an imported excerpt plays at. */
export const IMPORTED_DELAY_S: Seconds = 0.5;
/** Parts whose guessed role stays in the centre of a good mix. */
export const CENTRED_ROLES: readonly string[] = ['kick', 'snare', 'bass', 'vocal'];

/** What the good mix (and the faults planted on it) knows of one part, read from the summary. */
export interface ImportedMixPart {
  /** The part's id in questions (its key). */
  id: TrackId;
  name: string;
  /** The role guessed from its name ('kick', 'bass', …, or 'audio'). */
  role: string;
  /** Band powers over the loop at ANALYSIS_CENTRES (linear mean square, the stem as exported). */
  bands: number[];
  /** Share of its notes in the loop followed by room for a reverb tail (0 when the summary keeps no notes). */
  roomShare: number;
  /** Share of its first echoes (IMPORTED_DELAY_S later) landing in silence (0 when the summary keeps no notes). */
  echoShare: number;
}

/** The parts `ids` of `song` over `loop`, as the good mix reads them. */
export function importedMixParts(
  song: ImportedSongSummary,
  loop: ImportedLoop,
  ids: readonly TrackId[],
): ImportedMixPart[] {
  return ids.map((id) => {
    const t = song.tracks.find((x) => importedTrackId(x) === id) as ImportedTrackSummary | undefined;
    if (!t) throw new Error(`“${song.name}” has no part ${id}.`);
    const notes = song.version >= 2 && Array.isArray(t.notes);
    return {
      id,
      name: t.name,
      role: t.role,
      bands: loopBands(t, loop),
      roomShare: notes ? loopRoomShare(t, loop) : 0,
      echoShare: notes ? loopFreeEchoShare(t, loop, SEGMENT_S, IMPORTED_DELAY_S) : 0,
    };
  });
}

/** Power gain per ANALYSIS_CENTRES band of a track's whole EQ (the strip's four bands, at 48 kHz). */
export function eqPowerGains(eq: TrackMix['eq']): number[] {
  const gains = ANALYSIS_CENTRES.map(() => 1);
  eq.forEach((band, i) => {
    if (band.gainDb === 0) return;
    const c = biquadCoefficients(MIX_EQ_TYPES[i] as never, band.frequencyHz, band.q, band.gainDb, 48000);
    ANALYSIS_CENTRES.forEach((f, k) => {
      gains[k] = (gains[k] as number) * 10 ** (biquadMagnitudeDb(c, exactCentre(f), 48000) / 10);
    });
  });
  return gains;
}

/** A part's band powers through its fader and EQ. */
export function partBands(part: ImportedMixPart, t: TrackMix): number[] {
  const g = eqPowerGains(t.eq);
  const fader = 10 ** (t.faderDb / 10);
  return part.bands.map((v, k) => v * (g[k] as number) * fader);
}

/** The mix's band powers (parts uncorrelated: powers add; pan and sends left out). */
export function mixBands(parts: readonly ImportedMixPart[], mix: readonly TrackMix[]): number[] {
  return sumBands(parts.map((p, i) => ({ bands: partBands(p, mix[i] as TrackMix) })));
}

/** A part's loudness in the mix (K-weighted power through its fader and EQ), dB. */
export function partLoudnessDb(part: ImportedMixPart, t: TrackMix): Decibels {
  const p = weightedPower(partBands(part, t));
  return p > 0 ? 10 * Math.log10(p) : Number.NEGATIVE_INFINITY;
}

/** A part's plain power in the mix (unweighted sum of its bands through its fader and EQ), dB. */
export function partPowerDb(part: ImportedMixPart, t: TrackMix): Decibels {
  const p = partBands(part, t).reduce((s, v) => s + v, 0);
  return p > 0 ? 10 * Math.log10(p) : Number.NEGATIVE_INFINITY;
}

/** Why `mix` is not a sensible balance of `parts` (a part buried or dominating, in plain words), or null. */
export function balanceProblem(parts: readonly ImportedMixPart[], mix: readonly TrackMix[]): string | null {
  const loud = parts.map((p, i) => partLoudnessDb(p, mix[i] as TrackMix));
  const order = loud.map((_, i) => i).sort((a, b) => (loud[b] as number) - (loud[a] as number));
  const top = order[0] as number;
  if (parts.length >= 2 && (loud[top] as number) - (loud[order[1] as number] as number) > DOMINATES_DB)
    return `${parts[top]?.name} dominates the mix`;
  const a = mixBands(parts, mix);
  for (let i = 0; i < parts.length; i++) {
    if ((loud[i] as number) < (loud[top] as number) - BURIED_BELOW_DB) return `${parts[i]?.name} is buried`;
    const moved = mix.map((t, k) => (k === i ? { ...t, faderDb: t.faderDb + PROBE_DB } : t));
    if (largestBandChangeDb(a, mixBands(parts, moved), false) < KEEP_SHARE * PROBE_DB)
      return `${parts[i]?.name} is not heard in the mix`;
  }
  return null;
}

const half = (x: number) => roundTo(x, 0.5);
const pan2 = (x: number) => roundTo(x, 0.05);

/** Analysis centres in [lo, hi] where the part has sound (within EQ_ENERGY_BELOW_DB of its loudest band). */
function soundingCentres(part: ImportedMixPart, lo: Hz, hi: Hz): Hz[] {
  return ANALYSIS_CENTRES.filter(
    (f) => f >= lo && f <= hi && bandBelowLoudestDb(part.bands, f) >= -EQ_ENERGY_BELOW_DB,
  );
}

/** Where each EQ band of a good mix may move (Hz), by band. */
export const GOOD_EQ_SPANS: readonly (readonly [Hz, Hz])[] = [
  [50, 160],
  [160, 500],
  [1600, 5000],
  [6300, 10000],
];

/** A gentle EQ move, never exactly 0 (a move the desk shows), ±GOOD_EQ_DB. */
function gentle(rng: Rng): Decibels {
  const g = half(rng.range(1, GOOD_EQ_DB)) * (rng.chance(0.5) ? 1 : -1);
  return g;
}

/**
 * A send of a good mix: none (1 − `chance`), or a low one (the lower third of GOOD_SEND_DB) or a clear one (its
 * upper third), as mixes send a little to most parts and clearly to a few.
 */
function send(rng: Rng, chance: number): Decibels | null {
  if (!rng.chance(chance)) return null;
  const [lo, hi] = GOOD_SEND_DB;
  const third = (hi - lo) / 3;
  return half(rng.chance(0.5) ? rng.range(lo, lo + third) : rng.range(hi - third, hi));
}

/** The parts' good EQ, pans and sends (faders at 0), seeded. */
function dressing(rng: Rng, parts: readonly ImportedMixPart[]): TrackMix[] {
  let side = rng.chance(0.5) ? 1 : -1;
  return parts.map((p) => {
    const t = untouchedTrack();
    if (!CENTRED_ROLES.includes(p.role)) {
      t.pan = pan2(side * rng.range(0.2, 0.7));
      side = -side;
    }
    GOOD_EQ_SPANS.forEach(([lo, hi], b) => {
      const where = soundingCentres(p, lo, hi);
      // A band moves only where the part has sound (and most of the time: some bands stay flat).
      if (where.length === 0 || !rng.chance(b === 0 || b === 3 ? 0.6 : 0.85)) return;
      const band = t.eq[b] as TrackMix['eq'][number];
      t.eq[b] = {
        frequencyHz: rng.pick(where),
        gainDb: gentle(rng),
        q: b === 1 || b === 2 ? rng.pick([0.7, 1, 1.4]) : band.q,
      };
    });
    t.reverbDb = send(rng, 0.8);
    t.delayDb = send(rng, 0.5);
    return t;
  });
}

/** Faders drawn over GOOD_FADER_DB; then, if the balance fails, nudged towards equal loudness (seeded, bounded). */
function balanceFaders(rng: Rng, parts: readonly ImportedMixPart[], mix: TrackMix[]): void {
  const [lo, hi] = GOOD_FADER_DB;
  for (let attempt = 0; attempt < 40; attempt++) {
    for (const t of mix) t.faderDb = half(rng.range(lo, hi));
    if (!balanceProblem(parts, mix)) return;
  }
  // Stems exported at very different levels: move each fader towards the parts' mean loudness until balanced.
  for (let step = 0; step < 48 && balanceProblem(parts, mix); step++) {
    const loud = parts.map((p, i) => partLoudnessDb(p, mix[i] as TrackMix));
    const mean = loud.reduce((s, x) => s + x, 0) / loud.length;
    mix.forEach((t, i) => {
      t.faderDb = half(Math.min(hi, Math.max(lo, t.faderDb - 0.25 * ((loud[i] as number) - mean))));
    });
  }
}

/**
 * A good mix of `parts` (one TrackMix per part, in order), seeded: see the file's note. Deterministic; the
 * balance holds (balanceProblem null) whenever the parts can be balanced within GOOD_FADER_DB.
 */
export function goodImportedMix(rng: Rng, parts: readonly ImportedMixPart[]): TrackMix[] {
  const mix = dressing(rng.fork('dressing'), parts);
  balanceFaders(rng.fork('faders'), parts, mix);
  return mix;
}

/**
 * The parts a good mix can balance: those whose loudness as exported lies within GOOD_FADER_DB's span plus
 * BURIED_BELOW_DB (less 3 dB of margin) of the loudest (a stem far quieter than the rest could only be buried).
 */
export function balanceableParts<P extends ImportedMixPart>(parts: readonly P[]): P[] {
  const flat = untouchedTrack();
  const loud = parts.map((p) => partLoudnessDb(p, flat));
  const top = Math.max(...loud);
  const span = GOOD_FADER_DB[1] - GOOD_FADER_DB[0];
  return parts.filter((_, i) => (loud[i] as number) >= top - span - BURIED_BELOW_DB + 3);
}
