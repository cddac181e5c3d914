/**
 * The mixing-fault catalogue: each fault is a change of one or more tracks' TrackMix, large enough to hear
 * at once and undoable on the desk. Pure and seeded.
 */
import type { Rng } from '../../dsp/random';
import { TRACK_NAMES } from '../../production/generate-song';
import type { TrackId } from '../../production/types';
import { SEND_FLOOR_DB } from '../shared/mix-grade';
import type { MixDimension, TrackMix } from '../shared/mix-spec';
import { roundTo } from '../shared/scoring';
import type { MixFault, PlantedFault } from './meta';

const half = (x: number) => roundTo(x, 0.5);
const lower = (id: TrackId) => TRACK_NAMES[id].toLowerCase();
/** "was" or "were" for a track's name ("the keys were", "the bass was"). */
const was = (id: TrackId) => (/s$/.test(TRACK_NAMES[id]) && id !== 'bass' ? 'were' : 'was');
/** A track's possessive ("the vocal's", "the keys'"). */
const its = (id: TrackId) => (/s$/.test(lower(id)) ? `${lower(id)}'` : `${lower(id)}'s`);
/** A send as the grader counts it (off or below the floor = the floor). */
const sendOf = (db: number | null) => Math.max(SEND_FLOOR_DB, db ?? SEND_FLOOR_DB);

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

/** The tracks a fault may land on (in preference order where it matters). */
const CANDIDATES: Readonly<Record<MixFault, readonly TrackId[]>> = {
  loud: ['kick', 'snare', 'hats', 'perc', 'bass', 'chords', 'keys', 'lead', 'vocal'],
  buried: ['kick', 'snare', 'bass', 'chords', 'keys', 'lead', 'vocal'],
  muddy: ['chords', 'keys'],
  harsh: ['vocal'],
  masking: ['kick', 'bass'],
  squashed: ['vocal', 'bass', 'snare', 'chords', 'kick'],
  mono: [],
  reverb: ['vocal'],
  delay: ['lead', 'vocal'],
};

/** Whether `fault` can be planted at all on a desk of `ids` with the good mix `reference`. */
export function faultFits(fault: MixFault, ids: readonly TrackId[], reference: readonly TrackMix[]): boolean {
  if (fault === 'mono') return reference.filter((t) => Math.abs(t.pan) >= 0.2).length >= 2;
  if (fault === 'masking') return ids.includes('kick') && ids.includes('bass');
  return CANDIDATES[fault].some((id) => ids.includes(id));
}

/**
 * Plants `fault` in `mix` (a copy of the good mix, changed in place) on a track not in `taken`. Returns the
 * planted fault, or null when no track is left for it.
 */
export function plantMixFault(
  rng: Rng,
  fault: MixFault,
  ids: readonly TrackId[],
  mix: TrackMix[],
  taken: Set<TrackId>,
): PlantedFault | null {
  const at = (id: TrackId) => mix[ids.indexOf(id)] as TrackMix;
  if (fault === 'mono') {
    for (const t of mix) t.pan = 0;
    return {
      fault,
      track: null,
      description: 'Every track was panned to the centre, so nothing has its own place.',
    };
  }
  if (fault === 'masking') {
    if (taken.has('kick') || taken.has('bass')) return null;
    const hz = rng.pick([60, 70, 80, 90]);
    const db = half(rng.range(7, 9));
    for (const id of ['kick', 'bass'] as const) at(id).eq[1] = { frequencyHz: hz, gainDb: db, q: 1 };
    taken.add('kick');
    taken.add('bass');
    return {
      fault,
      track: null,
      description: `Kick and bass were both boosted by ${db} dB at ${hz} Hz, so they blur into one boom.`,
    };
  }
  const options = CANDIDATES[fault].filter((id) => ids.includes(id) && !taken.has(id));
  if (options.length === 0) return null;
  const id = fault === 'harsh' || fault === 'reverb' ? (options[0] as TrackId) : rng.pick(options);
  taken.add(id);
  const t = at(id);
  switch (fault) {
    case 'loud': {
      const db = half(rng.range(7, 10));
      t.faderDb += db;
      return { fault, track: id, description: `The ${lower(id)} ${was(id)} turned up ${db} dB.` };
    }
    case 'buried': {
      const db = half(rng.range(9, 12));
      t.faderDb -= db;
      return { fault, track: id, description: `The ${lower(id)} ${was(id)} turned down ${db} dB.` };
    }
    case 'muddy': {
      const hz = 10 * Math.round(rng.range(22, 35));
      const db = half(rng.range(7, 9));
      t.eq[1] = { frequencyHz: hz, gainDb: db, q: 1 };
      return {
        fault,
        track: id,
        description: `The ${lower(id)} got a boost of ${db} dB at ${hz} Hz (low mids).`,
      };
    }
    case 'harsh': {
      // On top of whatever presence lift the good mix has there.
      const hz = 100 * Math.round(rng.range(28, 34));
      const db = half(Math.max(0, t.eq[2].gainDb) + rng.range(9, 11));
      t.eq[2] = { frequencyHz: hz, gainDb: db, q: 1 };
      return { fault, track: id, description: `The ${lower(id)} got a boost of ${db} dB at ${hz} Hz.` };
    }
    case 'squashed': {
      t.comp = { enabled: true, thresholdDb: -38, ratio: 20, attackMs: 0.5, releaseMs: 40, makeupDb: 14 };
      return {
        fault,
        track: id,
        description: `The ${lower(id)} ${was(id)} squashed: threshold −38 dB at 20:1, fastest attack.`,
      };
    }
    case 'reverb': {
      // 18 to 21 dB over the good mix's send: at least three just-noticeable steps of the grader.
      const db = half(Math.max(rng.range(0, 3), sendOf(t.reverbDb) + rng.range(18, 21)));
      t.reverbDb = db;
      return { fault, track: id, description: `The ${its(id)} reverb send was pushed to ${db} dB.` };
    }
    case 'delay': {
      const db = half(Math.max(rng.range(0, 3), sendOf(t.delayDb) + rng.range(18, 21)));
      t.delayDb = db;
      return { fault, track: id, description: `The ${its(id)} delay send was pushed to ${db} dB.` };
    }
  }
}
