/**
 * The mixing-fault catalogue. The desk as found (B, found-desk.ts) is drawn first; a fault is planted by
 * UNDOING it from B to make the good mix (A = B − fault), so the description says how B differs from A. Each
 * difference is large enough to hear at once (at least three just-noticeable steps of the grader) and every
 * good value stays on the desk. A fault fits only where B can carry it (its decoy is on the desk). Pure, seeded.
 */
import type { Rng } from '../../dsp/random';
import { TRACK_NAMES } from '../../production/generate-song';
import type { TrackId } from '../../production/types';
import type { MixDimension, TrackMix } from '../shared/mix-spec';
import { roundTo } from '../shared/scoring';
import { DESK_FADER_DB, FAULT_TRACKS, type FoundDesk } from './found-desk';
import type { MixFault, PlantedFault } from './meta';

const half = (x: number) => roundTo(x, 0.5);
const lower = (id: TrackId) => TRACK_NAMES[id].toLowerCase();
/** "was" or "were" for a track's name ("the keys were", "the bass was"). */
const was = (id: TrackId) => (/s$/.test(TRACK_NAMES[id]) && id !== 'bass' ? 'were' : 'was');
/** A track's possessive ("the vocal's", "the keys'"). */
const its = (id: TrackId) => (/s$/.test(lower(id)) ? `${lower(id)}'` : `${lower(id)}'s`);
/** A number of decibels with a true minus sign. */
const signedDb = (x: number) => (x < 0 ? `−${-x}` : `${x}`);

/** The dimension each fault needs on the desk (a level plants only faults it lets the learner repair). */
export const FAULT_DIMENSION: Readonly<Record<MixFault, MixDimension>> = {
  loud: 'balance',
  buried: 'balance',
  muddy: 'tone',
  harsh: 'tone',
  masking: 'tone',
  squashed: 'dynamics',
  mono: 'pan',
  reverb: 'space',
  delay: 'space',
};

/** Faders: how much louder (loud) or quieter (buried) B is than A, dB. */
const LOUD_DB: readonly [number, number] = [7, 10];
const BURIED_DB: readonly [number, number] = [9, 12];
/** What makes a control a decoy its fault can hide in (found-desk.ts draws them well inside these). */
const lowMidBoost = (t: TrackMix) =>
  t.eq[1].frequencyHz >= 200 && t.eq[1].frequencyHz <= 400 && t.eq[1].gainDb >= 8;
const upperMidBoost = (t: TrackMix) => t.eq[2].frequencyHz >= 2000 && t.eq[2].gainDb >= 10;
const lowEndBoost = (t: TrackMix) => t.eq[1].frequencyHz <= 100 && t.eq[1].gainDb >= 8;
const heavy = (t: TrackMix) =>
  t.comp.enabled && t.comp.ratio >= 8 && t.comp.thresholdDb <= -30 && t.comp.makeupDb >= 10;
const highSend = (db: number | null) => db !== null && db >= -4.5;

/** Whether B's track `id` can carry `fault` (mono and masking are checked on the whole desk). */
function carries(fault: MixFault, t: TrackMix): boolean {
  switch (fault) {
    case 'loud':
      return t.faderDb - LOUD_DB[1] >= DESK_FADER_DB[0];
    case 'buried':
      return t.faderDb + BURIED_DB[1] <= DESK_FADER_DB[1];
    case 'muddy':
      return lowMidBoost(t);
    case 'harsh':
      return upperMidBoost(t);
    case 'squashed':
      return heavy(t);
    case 'reverb':
      return highSend(t.reverbDb);
    case 'delay':
      return highSend(t.delayDb);
    default:
      return false;
  }
}

/** Whether `fault` can be planted at all on the desk as found (`desk`, one TrackMix per id). */
export function faultFits(fault: MixFault, ids: readonly TrackId[], found: FoundDesk): boolean {
  const at = (id: TrackId) => found.desk[ids.indexOf(id)] as TrackMix;
  if (fault === 'mono')
    return found.desk.every((t) => t.pan === 0) && found.spread.filter((p) => Math.abs(p) >= 0.2).length >= 2;
  if (fault === 'masking')
    return ids.includes('kick') && ids.includes('bass') && lowEndBoost(at('kick')) && lowEndBoost(at('bass'));
  return FAULT_TRACKS[fault].some((id) => ids.includes(id) && carries(fault, at(id)));
}

/**
 * Plants `fault` by undoing it in `good` (a copy of the desk as found, changed in place) on a track not in
 * `taken`. Returns the planted fault, or null when no track can carry it.
 */
export function plantMixFault(
  rng: Rng,
  fault: MixFault,
  ids: readonly TrackId[],
  found: FoundDesk,
  good: TrackMix[],
  taken: Set<TrackId>,
): PlantedFault | null {
  const b = (id: TrackId) => found.desk[ids.indexOf(id)] as TrackMix;
  const a = (id: TrackId) => good[ids.indexOf(id)] as TrackMix;
  if (fault === 'mono') {
    if (!faultFits('mono', ids, found)) return null;
    good.forEach((t, i) => {
      t.pan = found.spread[i] as number;
    });
    return {
      fault,
      track: null,
      description: 'Every track was panned to the centre, so nothing has its own place.',
    };
  }
  if (fault === 'masking') {
    if (taken.has('kick') || taken.has('bass') || !faultFits('masking', ids, found)) return null;
    const db = half(rng.range(7, 9));
    const hz = b('kick').eq[1].frequencyHz;
    for (const id of ['kick', 'bass'] as const)
      a(id).eq[1] = { ...b(id).eq[1], gainDb: half(b(id).eq[1].gainDb - db) };
    taken.add('kick');
    taken.add('bass');
    return {
      fault,
      track: null,
      description: `Kick and bass were both boosted by ${db} dB more at ${hz} Hz than in the good mix, so they blur into one boom.`,
    };
  }
  const options = FAULT_TRACKS[fault].filter(
    (id) => ids.includes(id) && !taken.has(id) && carries(fault, b(id)),
  );
  if (options.length === 0) return null;
  const id = rng.pick(options);
  taken.add(id);
  const t = a(id);
  const found0 = b(id);
  switch (fault) {
    case 'loud': {
      const db = half(rng.range(LOUD_DB[0], LOUD_DB[1]));
      t.faderDb = found0.faderDb - db;
      return { fault, track: id, description: `The ${lower(id)} ${was(id)} turned up ${db} dB.` };
    }
    case 'buried': {
      const db = half(rng.range(BURIED_DB[0], BURIED_DB[1]));
      t.faderDb = found0.faderDb + db;
      return { fault, track: id, description: `The ${lower(id)} ${was(id)} turned down ${db} dB.` };
    }
    case 'muddy':
    case 'harsh': {
      const k = fault === 'muddy' ? 1 : 2;
      const band = found0.eq[k] as TrackMix['eq'][number];
      const db = half(fault === 'muddy' ? rng.range(7, 9) : rng.range(9, 11));
      t.eq[k] = { ...band, gainDb: half(band.gainDb - db) };
      return {
        fault,
        track: id,
        description: `The ${lower(id)} got ${db} dB more at ${band.frequencyHz} Hz than in the good mix${fault === 'muddy' ? ' (low mids)' : ''}.`,
      };
    }
    case 'squashed': {
      const light = found.light[ids.indexOf(id)] as TrackMix['comp'];
      const off = !light.enabled || rng.chance(0.4);
      t.comp = off ? { ...light, enabled: false } : { ...light };
      const c = found0.comp;
      return {
        fault,
        track: id,
        description: `The ${lower(id)} ${was(id)} squashed: threshold ${signedDb(c.thresholdDb)} dB at ${c.ratio}:1 with ${c.makeupDb} dB of makeup, where the good mix ${off ? 'leaves it uncompressed' : `compresses it lightly (${light.ratio}:1)`}.`,
      };
    }
    case 'reverb':
    case 'delay': {
      // 18 to 21 dB over the good mix's send: at least three just-noticeable steps of the grader.
      const key = fault === 'reverb' ? 'reverbDb' : 'delayDb';
      const sent = found0[key] as number;
      const db = half(rng.range(18, 21));
      t[key] = sent - db;
      return {
        fault,
        track: id,
        description: `The ${its(id)} ${fault} send was pushed ${db} dB over the good mix's (to ${signedDb(sent)} dB).`,
      };
    }
  }
}
