/**
 * Fix this mix on an imported song: the desk as found (B), drawn FIRST around the song's desk as exported (every
 * fader at 0 dB, centred, flat) and the same whether or not a control will carry a fault, as found-desk.ts does
 * on Headroom's songs. Faders are drawn uniformly ±IMPORTED_FADER_SPREAD_DB, pans ±IMPORTED_PAN_SPREAD, EQ
 * gains ±IMPORTED_EQ_SPREAD_DB where the part has sound; then the DECOYS of the faults the level offers appear
 * whether or not their fault is planted: every part centred, a low-mid boost or an upper-mid boost where a part
 * has sound there, kick- and bass-named parts boosted at one low frequency. No part's role is assumed beyond its
 * name (an imported stem is "Gtr 2" as often as "Vocal"). A fault is then undone from B to make the good mix
 * (A = B − fault, see plantImportedFault). Pure, seeded.
 */
import type { Rng } from '../../dsp/random';
import type { Decibels, Hz, Pan } from '../../dsp/units';
import type { TrackId } from '../../production/types';
import { EQ_ENERGY_BELOW_DB } from '../shared/audibility';
import { copyTrackMix, type MixDimension, type TrackMix, untouchedTrack } from '../shared/mix-spec';
import { roundTo } from '../shared/scoring';
import { ANALYSIS_CENTRES } from '../shared/song-analysis';
import { DECOY_CHANCE, DESK_FADER_DB } from './found-desk';
import type { MixFault, PlantedFault } from './meta';

/** What the desk knows of one imported part. */
export interface ImportedDeskPart {
  id: TrackId;
  name: string;
  /** The role guessed from its name ('kick', 'bass', …, or 'audio'). */
  role: string;
  /** Its loop spectrum, dB at ANALYSIS_CENTRES (any reference: only the shape counts). */
  bandsDb: readonly Decibels[];
}

/** How far the found desk's faders sit either way of the stems as exported, dB. */
export const IMPORTED_FADER_SPREAD_DB: Decibels = 6;
/** How far the found desk's pans sit either way of the centre. */
export const IMPORTED_PAN_SPREAD = 0.5;
/** How far the found desk's EQ gains sit either way of flat where the part has sound, dB. */
export const IMPORTED_EQ_SPREAD_DB: Decibels = 4;

/** Where each EQ band of the found desk may sit (low shelf, low-mid, upper-mid, high shelf), Hz. */
const EQ_SPANS: readonly (readonly [Hz, Hz])[] = [
  [50, 160],
  [160, 1000],
  [1000, 5000],
  [5000, 10000],
];
/** Where the decoys (and the faults hidden in them) sit, Hz. */
export const LOW_MID_HZ: readonly [Hz, Hz] = [200, 400];
export const UPPER_MID_HZ: readonly [Hz, Hz] = [2000, 4000];
export const LOW_END_HZ: readonly [Hz, Hz] = [50, 100];

const half = (x: number) => roundTo(x, 0.5);
const pan2 = (x: number) => roundTo(x, 0.05);
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** The analysis centres in [lo, hi] where a part has sound (within EQ_ENERGY_BELOW_DB of its loudest band). */
export function soundAt(part: ImportedDeskPart, lo: Hz, hi: Hz): Hz[] {
  const top = Math.max(...part.bandsDb);
  return ANALYSIS_CENTRES.filter(
    (c, k) => c >= lo && c <= hi && (part.bandsDb[k] ?? -200) >= top - EQ_ENERGY_BELOW_DB,
  );
}

/** Whether a part is named as a kick or a bass (the masking fault's pair). */
const isRole = (part: ImportedDeskPart, role: 'kick' | 'bass') => part.role === role;

/** Parts that may carry each EQ fault's decoy (and so the fault): where the part has sound there. */
export function eqFaultParts(fault: 'muddy' | 'harsh', parts: readonly ImportedDeskPart[]): number[] {
  const [lo, hi] = fault === 'muddy' ? LOW_MID_HZ : UPPER_MID_HZ;
  return parts
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => soundAt(p, lo, hi).length > 0 && (fault === 'harsh' || !isRole(p, 'kick')))
    .filter(({ p }) => fault === 'harsh' || !isRole(p, 'bass'))
    .map(({ i }) => i);
}

/** The kick- and bass-named parts and the low centres both have sound at, or null. */
export function lowEndPair(
  parts: readonly ImportedDeskPart[],
): { kick: number; bass: number; hz: Hz[] } | null {
  const kick = parts.findIndex((p) => isRole(p, 'kick'));
  const bass = parts.findIndex((p) => isRole(p, 'bass'));
  if (kick < 0 || bass < 0) return null;
  const both = soundAt(parts[kick] as ImportedDeskPart, LOW_END_HZ[0], LOW_END_HZ[1]).filter((c) =>
    soundAt(parts[bass] as ImportedDeskPart, LOW_END_HZ[0], LOW_END_HZ[1]).includes(c),
  );
  return both.length > 0 ? { kick, bass, hz: both } : null;
}

/** Whether the parts could show `fault`'s decoy at all (what step one offers on this desk, fault or not). */
export function couldCarry(
  fault: MixFault,
  parts: readonly ImportedDeskPart[],
  dims: readonly MixDimension[],
) {
  switch (fault) {
    case 'loud':
    case 'buried':
      return dims.includes('balance');
    case 'mono':
      return dims.includes('pan') && parts.length >= 2;
    case 'muddy':
    case 'harsh':
      return dims.includes('tone') && eqFaultParts(fault, parts).length > 0;
    case 'masking':
      return dims.includes('tone') && lowEndPair(parts) !== null;
    default:
      return false;
  }
}

/** The desk as found on an imported song, and the pans a mono fault's good mix spreads the parts to. */
export interface ImportedFoundDesk {
  desk: TrackMix[];
  spread: Pan[];
}

/** Draws B for the parts on the level's dimensions, then the decoys of the faults offered (see the file note). */
export function drawImportedDesk(
  rng: Rng,
  parts: readonly ImportedDeskPart[],
  dimensions: readonly MixDimension[],
  offered: readonly MixFault[],
): ImportedFoundDesk {
  const on = (d: MixDimension) => dimensions.includes(d);
  const offers = (f: MixFault) => offered.includes(f);
  const balance = rng.fork('balance');
  const pan = rng.fork('pan');
  const tone = rng.fork('tone');
  const desk = parts.map((part) => {
    const t = untouchedTrack();
    const fader = half(balance.range(-IMPORTED_FADER_SPREAD_DB, IMPORTED_FADER_SPREAD_DB)) + 0;
    const p = pan2(pan.range(-IMPORTED_PAN_SPREAD, IMPORTED_PAN_SPREAD)) + 0;
    if (on('balance')) t.faderDb = clamp(fader, DESK_FADER_DB[0], DESK_FADER_DB[1]);
    if (on('pan')) t.pan = p;
    EQ_SPANS.forEach(([lo, hi], k) => {
      const where = soundAt(part, lo, hi);
      const hz = where.length > 0 ? tone.pick(where) : 0;
      const gain = half(tone.range(-IMPORTED_EQ_SPREAD_DB, IMPORTED_EQ_SPREAD_DB)) + 0;
      const used = tone.chance(0.6);
      if (on('tone') && where.length > 0 && used)
        t.eq[k] = { ...(t.eq[k] as TrackMix['eq'][number]), frequencyHz: hz, gainDb: gain };
    });
    return t;
  });
  const spread = desk.map((t) => t.pan);
  const decoy = rng.fork('decoys');
  if (on('pan') && offers('mono') && decoy.fork('centred').chance(DECOY_CHANCE.centred))
    for (const t of desk) t.pan = 0;
  if (on('tone')) {
    for (const [fault, k, [lo, hi], gain, chance] of [
      ['muddy', 1, LOW_MID_HZ, [8, 13], DECOY_CHANCE.lowMid],
      ['harsh', 2, UPPER_MID_HZ, [10, 15], DECOY_CHANCE.upperMid],
    ] as const) {
      const d = decoy.fork(fault);
      const allowed = eqFaultParts(fault, parts);
      parts.forEach((part, i) => {
        const where = soundAt(part, lo, hi);
        const hz = where.length > 0 ? d.pick(where) : 0;
        const db = half(d.range(gain[0], gain[1]));
        const hit = d.chance(chance);
        if (offers(fault) && allowed.includes(i) && hit)
          (desk[i] as TrackMix).eq[k] = { frequencyHz: hz, gainDb: db, q: 1 };
      });
    }
    const low = decoy.fork('low-end');
    const pair = lowEndPair(parts);
    const hz = pair ? low.pick(pair.hz) : 0;
    const gains = [half(low.range(8, 12)), half(low.range(8, 12))];
    if (pair && offers('masking') && low.chance(DECOY_CHANCE.lowEnd)) {
      (desk[pair.kick] as TrackMix).eq[1] = { frequencyHz: hz, gainDb: gains[0] as number, q: 1 };
      (desk[pair.bass] as TrackMix).eq[1] = { frequencyHz: hz, gainDb: gains[1] as number, q: 1 };
    }
  }
  return { desk, spread };
}

/** Faders: how much louder (loud) or quieter (buried) B is than A, dB (as on Headroom's songs). */
const LOUD_DB: readonly [Decibels, Decibels] = [7, 10];
const BURIED_DB: readonly [Decibels, Decibels] = [9, 12];
const lowMidBoost = (t: TrackMix) =>
  t.eq[1].frequencyHz >= LOW_MID_HZ[0] && t.eq[1].frequencyHz <= LOW_MID_HZ[1] && t.eq[1].gainDb >= 8;
const upperMidBoost = (t: TrackMix) =>
  t.eq[2].frequencyHz >= UPPER_MID_HZ[0] && t.eq[2].frequencyHz <= UPPER_MID_HZ[1] && t.eq[2].gainDb >= 10;
const lowEndBoost = (t: TrackMix) => t.eq[1].frequencyHz <= LOW_END_HZ[1] && t.eq[1].gainDb >= 8;

/** The ways `fault` can be planted on B: the parts (one, or kick and bass) whose decoy is there. */
export function faultPlaces(
  fault: MixFault,
  parts: readonly ImportedDeskPart[],
  found: ImportedFoundDesk,
): number[][] {
  const b = found.desk;
  switch (fault) {
    case 'loud':
      return b.flatMap((t, i) => (t.faderDb - LOUD_DB[1] >= DESK_FADER_DB[0] ? [[i]] : []));
    case 'buried':
      return b.flatMap((t, i) => (t.faderDb + BURIED_DB[1] <= DESK_FADER_DB[1] ? [[i]] : []));
    case 'muddy':
      return eqFaultParts('muddy', parts)
        .filter((i) => lowMidBoost(b[i] as TrackMix))
        .map((i) => [i]);
    case 'harsh':
      return eqFaultParts('harsh', parts)
        .filter((i) => upperMidBoost(b[i] as TrackMix))
        .map((i) => [i]);
    case 'masking': {
      const pair = lowEndPair(parts);
      return pair && lowEndBoost(b[pair.kick] as TrackMix) && lowEndBoost(b[pair.bass] as TrackMix)
        ? [[pair.kick, pair.bass]]
        : [];
    }
    case 'mono':
      return b.every((t) => t.pan === 0) && found.spread.filter((p) => Math.abs(p) >= 0.2).length >= 2
        ? [b.map((_, i) => i)]
        : [];
    default:
      return [];
  }
}

const lower = (name: string) => name.toLowerCase();
/** "was" or "were" for a part's name ("the keys were", "the bass was"). */
const wasOf = (name: string) => (/[^s]s$/i.test(name) ? 'were' : 'was');

/**
 * Plants `fault` on `place` by undoing it in `good` (a copy of B, changed in place): A = B − fault. Returns the
 * planted fault with its sentence.
 */
export function plantImportedFault(
  rng: Rng,
  fault: MixFault,
  place: readonly number[],
  parts: readonly ImportedDeskPart[],
  found: ImportedFoundDesk,
  good: TrackMix[],
): PlantedFault {
  const i = place[0] as number;
  const part = parts[i] as ImportedDeskPart;
  const b = found.desk[i] as TrackMix;
  const a = good[i] as TrackMix;
  const name = lower(part.name);
  switch (fault) {
    case 'loud': {
      const db = half(rng.range(LOUD_DB[0], LOUD_DB[1]));
      a.faderDb = b.faderDb - db;
      return { fault, track: part.id, description: `The ${name} ${wasOf(part.name)} turned up ${db} dB.` };
    }
    case 'buried': {
      const db = half(rng.range(BURIED_DB[0], BURIED_DB[1]));
      a.faderDb = b.faderDb + db;
      return { fault, track: part.id, description: `The ${name} ${wasOf(part.name)} turned down ${db} dB.` };
    }
    case 'muddy':
    case 'harsh': {
      const k = fault === 'muddy' ? 1 : 2;
      const band = b.eq[k] as TrackMix['eq'][number];
      const db = half(fault === 'muddy' ? rng.range(7, 9) : rng.range(9, 11));
      a.eq[k] = { ...band, gainDb: half(band.gainDb - db) };
      return {
        fault,
        track: part.id,
        description: `The ${name} got ${db} dB more at ${band.frequencyHz} Hz than in the good mix${fault === 'muddy' ? ' (low mids)' : ''}.`,
      };
    }
    case 'masking': {
      const db = half(rng.range(7, 9));
      const hz = b.eq[1].frequencyHz;
      for (const j of place) {
        const bj = found.desk[j] as TrackMix;
        (good[j] as TrackMix).eq[1] = { ...bj.eq[1], gainDb: half(bj.eq[1].gainDb - db) };
      }
      const [kick, bass] = place.map((j) => (parts[j] as ImportedDeskPart).name);
      return {
        fault,
        track: null,
        description: `The ${lower(kick ?? '')} and the ${lower(bass ?? '')} were both boosted by ${db} dB more at ${hz} Hz than in the good mix, so they blur into one boom.`,
      };
    }
    case 'mono': {
      good.forEach((t, j) => {
        t.pan = found.spread[j] as number;
      });
      return {
        fault,
        track: null,
        description: 'Every part was panned to the centre, so nothing has its own place.',
      };
    }
    default:
      throw new Error(`fix-mix plants no ${fault} fault on an imported song.`);
  }
}

/** A deep copy of a desk. */
export const copyDesk = (desk: readonly TrackMix[]): TrackMix[] => desk.map(copyTrackMix);
