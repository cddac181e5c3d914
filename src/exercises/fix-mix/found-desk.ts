/**
 * Fix this mix: the desk as the learner finds it (B), drawn FIRST and the same whether or not a control will
 * carry a fault. The good mix (A) is made from it afterwards by undoing the planted faults (mix-faults.ts), so a
 * faulty control shows a value like any other and only listening tells which one is off. B is variedMix (wide
 * and symmetric around the usual mix) on the level's dimensions, plus DECOYS that appear whether or not their fault is
 * planted: every part centred (the mono fault fits only there), a low-mid or upper-mid boost, kick and bass
 * boosted at one low frequency, heavy compression, and sends pushed high. A fault fits only a desk that shows its
 * decoy, and is then planted on a minority of those desks, so a decoy says no more than "maybe". Pure, seeded.
 */
import type { Rng } from '../../dsp/random';
import type { Pan } from '../../dsp/units';
import type { TrackId } from '../../production/types';
import { usualMix, variedMix } from '../mix-match/reference-mix';
import { copyTrackMix, type MixCompressor, type MixDimension, type TrackMix } from '../shared/mix-spec';
import { roundTo } from '../shared/scoring';
import type { MixFault } from './meta';

const half = (x: number) => roundTo(x, 0.5);
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** The desk's fader range (dB from the rough mix), as the fix-mix desk shows it. */
export const DESK_FADER_DB: readonly [number, number] = [-30, 18];
/** The highest fader a found desk shows, dB (so a buried fault's good fader stays on the desk). */
const TOP_FADER_DB = 6;

/** Chance of each decoy on a desk whose level offers its fault. */
export const DECOY_CHANCE = {
  /** Every part centred. */
  centred: 0.4,
  /** A chordal part boosted in the low mids (per part). */
  lowMid: 0.5,
  /** The vocal boosted in the upper mids. */
  upperMid: 0.5,
  /** Kick and bass boosted at one low frequency. */
  lowEnd: 0.5,
  /** Heavy compression (per part that may carry it). */
  heavy: 0.3,
  /** A reverb send pushed high (per part that may carry it). */
  reverb: 0.35,
  /** A delay send pushed high (per part that may carry it). */
  delay: 0.5,
} as const;

/** The parts each fault may land on (a decoy for it appears only on these). */
export const FAULT_TRACKS: Readonly<Record<MixFault, readonly TrackId[]>> = {
  loud: ['kick', 'snare', 'hats', 'perc', 'bass', 'chords', 'keys', 'lead', 'vocal'],
  buried: ['kick', 'snare', 'bass', 'chords', 'keys', 'lead', 'vocal'],
  muddy: ['chords', 'keys'],
  harsh: ['vocal'],
  masking: ['kick', 'bass'],
  squashed: ['vocal', 'bass', 'snare', 'chords', 'kick'],
  mono: [],
  reverb: ['vocal', 'snare', 'chords', 'keys'],
  delay: ['lead', 'vocal'],
};

/** The desk as found, and what a fault's good mix takes where B's value cannot be undone by a difference. */
export interface FoundDesk {
  /** B: what the learner finds on the desk. */
  desk: TrackMix[];
  /** The pans a mono fault's good mix spreads the parts to (B's own draw before any centring). */
  spread: Pan[];
  /** The usual (light or no) compressor of each part, for a squashed fault's good mix. */
  light: MixCompressor[];
}

/**
 * Draws the desk as found for a level (its tracks, dimensions and the faults it offers): variedMix (wide and
 * symmetric around usualMix) on the dimensions the level grades, usualMix on the others (the same in A and B),
 * then the decoys of the faults the level offers.
 */
export function drawFoundDesk(
  rng: Rng,
  ids: readonly TrackId[],
  dimensions: readonly MixDimension[],
  faults: readonly MixFault[],
): FoundDesk {
  const side = rng.fork('side').chance(0.5) ? 1 : -1;
  const usual = usualMix(ids, side);
  const varied = variedMix(rng.fork('varied'), ids, side);
  const on = (d: MixDimension) => dimensions.includes(d);
  const offers = (f: MixFault) => faults.includes(f);
  const desk = usual.map((u, i) => {
    const v = varied[i] as TrackMix;
    const t = copyTrackMix(u);
    if (on('balance')) t.faderDb = v.faderDb;
    if (on('pan')) t.pan = v.pan;
    if (on('tone')) t.eq = copyTrackMix(v).eq;
    // The desk's makeup knob starts at 0 dB (variedMix can draw a little under it).
    if (on('dynamics')) t.comp = { ...v.comp, makeupDb: Math.max(0, v.comp.makeupDb) };
    if (on('space')) {
      t.reverbDb = v.reverbDb;
      t.delayDb = v.delayDb;
    }
    return t;
  });
  if (on('balance')) {
    // The whole desk lowered so its loudest fader shows at most TOP_FADER_DB (the grader ignores the overall level).
    const top = Math.max(...desk.map((t) => t.faderDb));
    const shift = Math.min(0, TOP_FADER_DB - top);
    for (const t of desk) t.faderDb = clamp(t.faderDb + shift, DESK_FADER_DB[0], DESK_FADER_DB[1]);
  }
  const spread = desk.map((t) => t.pan);
  const light = usual.map((u) => ({ ...u.comp }));
  const at = (id: TrackId) => (ids.includes(id) ? (desk[ids.indexOf(id)] as TrackMix) : null);
  const decoy = rng.fork('decoys');
  // Each decoy's draw is made whether or not it is used, so one decoy never shifts another's.
  const chance = (p: number, d: Rng) => d.chance(p);
  if (on('pan') && offers('mono') && chance(DECOY_CHANCE.centred, decoy.fork('centred')))
    for (const t of desk) t.pan = 0;
  if (on('tone')) {
    const lowMid = decoy.fork('low-mid');
    for (const id of FAULT_TRACKS.muddy) {
      const hz = 10 * Math.round(lowMid.range(22, 35));
      const db = half(lowMid.range(8, 13));
      const t = at(id);
      if (t && offers('muddy') && chance(DECOY_CHANCE.lowMid, lowMid))
        t.eq[1] = { frequencyHz: hz, gainDb: db, q: 1 };
    }
    const upper = decoy.fork('upper-mid');
    const hz = 100 * Math.round(upper.range(28, 34));
    const db = half(upper.range(10, 15));
    const vocal = at('vocal');
    if (vocal && offers('harsh') && chance(DECOY_CHANCE.upperMid, upper))
      vocal.eq[2] = { frequencyHz: hz, gainDb: db, q: 1 };
    const low = decoy.fork('low-end');
    const lowHz = low.pick([60, 70, 80, 90]);
    const gains = [half(low.range(8, 12)), half(low.range(8, 12))];
    const kick = at('kick');
    const bass = at('bass');
    if (kick && bass && offers('masking') && chance(DECOY_CHANCE.lowEnd, low)) {
      kick.eq[1] = { frequencyHz: lowHz, gainDb: gains[0] as number, q: 1 };
      bass.eq[1] = { frequencyHz: lowHz, gainDb: gains[1] as number, q: 1 };
    }
  }
  if (on('dynamics')) {
    const heavy = decoy.fork('heavy');
    for (const id of FAULT_TRACKS.squashed) {
      const comp = {
        enabled: true,
        thresholdDb: Math.round(heavy.range(-40, -30)),
        ratio: heavy.pick([8, 10, 12, 16, 20]),
        attackMs: roundTo(heavy.range(0.5, 2), 0.1),
        releaseMs: 5 * Math.round(heavy.range(30, 80) / 5),
        makeupDb: half(heavy.range(10, 15)),
      };
      const t = at(id);
      if (t && offers('squashed') && chance(DECOY_CHANCE.heavy, heavy)) t.comp = comp;
    }
  }
  if (on('space')) {
    for (const [kind, key] of [
      ['reverb', 'reverbDb'],
      ['delay', 'delayDb'],
    ] as const) {
      const high = decoy.fork(kind);
      for (const id of FAULT_TRACKS[kind]) {
        const db = half(high.range(-4, 3));
        const t = at(id);
        if (t && offers(kind) && chance(DECOY_CHANCE[kind], high)) t[key] = db;
      }
    }
  }
  return { desk, spread, light };
}
