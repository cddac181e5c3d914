/**
 * Reference mixes of a band song. `usualMix` is how engineers commonly set one up, with no randomness: the
 * vocal on top, kick and bass locked, hats and percussion tucked in, the chordal parts making room on either
 * side while kick, snare, bass and vocal stay centred; EQ cleans the mud and lifts presence, the vocal, bass
 * and snare are compressed (the keys gently), and the vocal, snare, chords, keys and lead go to the reverb or
 * the delay.
 * `variedMix` draws a reference widely and symmetrically around it (every control as likely above its usual
 * setting as below, by as much), so that no answer set without listening beats the usual one on average:
 * mix-match starts the learner at the usual mix, and only listening says which way each control goes.
 */
import type { Rng } from '../../dsp/random';
import type { Decibels, Hz } from '../../dsp/units';
import type { TrackId } from '../../production/types';
import { copyTrackMix, type MixCompressor, type TrackMix, untouchedTrack } from '../shared/mix-spec';
import { roundTo } from '../shared/scoring';

const half = (x: number) => roundTo(x, 0.5);
const pan2 = (x: number) => roundTo(x, 0.05);
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** Usual fader offsets, dB from the rough mix. */
const USUAL_FADER_DB: Record<TrackId, Decibels> = {
  kick: 1,
  snare: 0.5,
  hats: -7,
  perc: -8.5,
  bass: 1,
  chords: -5,
  keys: -6,
  lead: -2.5,
  vocal: 3.5,
  noise: -30,
};

/** Usual pans with the hats on the right (side = 1); side = −1 mirrors every one. */
const USUAL_PAN: Partial<Record<TrackId, number>> = {
  hats: 0.4,
  perc: -0.5,
  chords: -0.45,
  keys: 0.45,
  lead: -0.2,
};

/** Usual EQ moves per track: band index, frequency, gain, Q. */
const USUAL_EQ: Partial<Record<TrackId, [0 | 1 | 2 | 3, Hz, Decibels, number][]>> = {
  kick: [
    [0, 60, 3, Math.SQRT1_2],
    [1, 400, -3.5, 1.4],
  ],
  bass: [
    [0, 100, 2, Math.SQRT1_2],
    [1, 300, -3, 1.4],
  ],
  snare: [
    [1, 200, 3, 1.4],
    [3, 6000, 2, Math.SQRT1_2],
  ],
  chords: [[1, 350, -4, 1.2]],
  keys: [[1, 400, -3, 1.2]],
  lead: [[2, 2200, 3, 1]],
  vocal: [
    [0, 150, -3, Math.SQRT1_2],
    [2, 3200, 3, 1],
  ],
  hats: [[3, 8000, 2, Math.SQRT1_2]],
};

/** Usual compressors (stems peak at −3 dBFS): vocal, bass and snare, and the keys gently; the rest uncompressed. */
const USUAL_COMP: Partial<Record<TrackId, Omit<MixCompressor, 'enabled'>>> = {
  vocal: { thresholdDb: -17, ratio: 3.5, attackMs: 6, releaseMs: 140, makeupDb: 3 },
  bass: { thresholdDb: -17, ratio: 4, attackMs: 20, releaseMs: 140, makeupDb: 2 },
  snare: { thresholdDb: -15, ratio: 4, attackMs: 20, releaseMs: 140, makeupDb: 1.5 },
  keys: { thresholdDb: -18, ratio: 2.5, attackMs: 15, releaseMs: 160, makeupDb: 2 },
};

/**
 * Usual send levels, dB; a track not listed has no send. Every part that usually has one gets both, the less
 * usual one low, so that either may go up or down.
 */
const USUAL_SENDS: Partial<Record<TrackId, { reverbDb: Decibels; delayDb: Decibels }>> = {
  vocal: { reverbDb: -14, delayDb: -18 },
  snare: { reverbDb: -16, delayDb: -22 },
  chords: { reverbDb: -15, delayDb: -22 },
  keys: { reverbDb: -16, delayDb: -22 },
  lead: { reverbDb: -20, delayDb: -15 },
};

/** How far variedMix moves a fader either way from its usual offset, dB. */
export const FADER_SPREAD_DB: Decibels = 6;
/** How far variedMix moves a pan either way: most of the width for the parts off centre, less for the foundation. */
export const PAN_SPREAD = { side: 0.45, centre: 0.2 } as const;
/** How far variedMix moves an EQ band's gain either way, dB; its frequency moves up to half an octave. */
export const EQ_SPREAD_DB: Decibels = 6;
const EQ_FREQUENCY_SPREAD_OCTAVES = 0.5;
/** Share of the bands without a usual move that get one (either sign), and how big. */
const EXTRA_EQ_SHARE = 0.25;
const EXTRA_EQ_GAIN_DB: [Decibels, Decibels] = [2, 5];
/** Where a band without a usual move may act (low shelf, low-mid, upper-mid, high shelf), Hz. */
const EXTRA_EQ_SPAN: readonly [Hz, Hz][] = [
  [60, 200],
  [200, 800],
  [1000, 5000],
  [5000, 12000],
];
/**
 * How far variedMix moves a send either way, dB (the grader hears 3 dB, so a narrower spread leaves a sends-only
 * question too close to the usual mix); a send drawn at or below SEND_OFF_BELOW_DB is off (the grader counts
 * both as −30 dB).
 */
export const SEND_SPREAD_DB: Decibels = 12;
const SEND_OFF_BELOW_DB: Decibels = -28;
/**
 * A usual compressor's amount is moved by a ∈ [−1, 1] in what it does: the threshold's distance below the
 * stems' peak (STEM_PEAK_DB) scales by 1 + a, so the gain taken off the loudest notes goes from none (a = −1)
 * to twice the usual (a = 1) evenly (a range symmetric in the threshold instead would give far more extra
 * compression on the heavy side than it can take away on the light side, and a learned answer a little heavier
 * than the usual would beat the desk as found). Makeup moves COMP_MAKEUP_PER_UNIT_DB per unit with it; below
 * COMP_OFF_BELOW the compressor is off. The ratio varies on its own, up to COMP_RATIO_SPREAD_OCTAVES either way.
 */
const STEM_PEAK_DB: Decibels = -3;
const COMP_MAKEUP_PER_UNIT_DB: Decibels = 2;
const COMP_OFF_BELOW = -0.85;
const COMP_RATIO_SPREAD_OCTAVES = 0.3;

/** The usual mix of `tracks` (same order): no randomness; side −1 mirrors the pans. */
export function usualMix(tracks: readonly TrackId[], side: 1 | -1 = 1): TrackMix[] {
  return tracks.map((id) => {
    const t = untouchedTrack();
    t.faderDb = USUAL_FADER_DB[id];
    t.pan = side * (USUAL_PAN[id] ?? 0) + 0;
    for (const [band, frequencyHz, gainDb, q] of USUAL_EQ[id] ?? []) t.eq[band] = { frequencyHz, gainDb, q };
    const comp = USUAL_COMP[id];
    if (comp) t.comp = { enabled: true, ...comp };
    const sends = USUAL_SENDS[id];
    if (sends) {
      t.reverbDb = sends.reverbDb;
      t.delayDb = sends.delayDb;
    }
    return t;
  });
}

/** A compressor moved by `a` ∈ [−1, 1] from the usual one (see COMP_OFF_BELOW), with its ratio and times varied. */
function variedComp(rng: Rng, usual: MixCompressor): MixCompressor {
  const a = rng.range(-1, 1);
  const below = (STEM_PEAK_DB - usual.thresholdDb) * (1 + a);
  const ratio = usual.ratio * 2 ** rng.range(-COMP_RATIO_SPREAD_OCTAVES, COMP_RATIO_SPREAD_OCTAVES);
  const attack = usual.attackMs * 2 ** rng.range(-1, 1);
  const release = usual.releaseMs * 2 ** rng.range(-0.5, 0.5);
  return {
    enabled: a >= COMP_OFF_BELOW,
    thresholdDb: Math.round(clamp(STEM_PEAK_DB - below, -50, STEM_PEAK_DB)),
    ratio: roundTo(clamp(ratio, 1.2, 16), 0.5),
    attackMs: Math.round(clamp(attack, 1, 100)),
    releaseMs: 5 * Math.round(clamp(release, 40, 500) / 5),
    makeupDb: half(clamp(usual.makeupDb + COMP_MAKEUP_PER_UNIT_DB * a, -6, 12)),
  };
}

/** A send moved up to SEND_SPREAD_DB either way from its usual level (off at the low end); off stays off. */
function variedSend(rng: Rng, usual: Decibels | null): Decibels | null {
  if (usual === null) return null;
  const db = half(usual + rng.range(-SEND_SPREAD_DB, SEND_SPREAD_DB));
  return db <= SEND_OFF_BELOW_DB ? null : db;
}

/**
 * A reference mix of `tracks` (same order) drawn around usualMix(tracks, side): faders ±FADER_SPREAD_DB, each
 * on its own (bass once followed kick, which made "kick and bass ±6 dB together" a blind move that passed a
 * quarter of level 1), pans ±PAN_SPREAD, each usual EQ move's gain ±EQ_SPREAD_DB at a frequency up to half an octave
 * off, a quarter of the other bands given a move of either sign, the usual compressors from off through light
 * to heavy, the usual sends ±SEND_SPREAD_DB. Every draw is uniform around the usual value and stays inside the
 * desk's ranges.
 */
export function variedMix(rng: Rng, tracks: readonly TrackId[], side: 1 | -1 = 1): TrackMix[] {
  const balance = rng.fork('balance');
  const pan = rng.fork('pan');
  const tone = rng.fork('tone');
  const dynamics = rng.fork('dynamics');
  const space = rng.fork('space');
  const usual = usualMix(tracks, side);
  const kickMove = balance.range(-FADER_SPREAD_DB, FADER_SPREAD_DB);
  return usual.map((u, i) => {
    const id = tracks[i] as TrackId;
    const t = copyTrackMix(u);
    const move =
      id === 'noise' ? 0 : id === 'kick' ? kickMove : balance.range(-FADER_SPREAD_DB, FADER_SPREAD_DB);
    t.faderDb = half(u.faderDb + move);
    const spread = USUAL_PAN[id] === undefined ? PAN_SPREAD.centre : PAN_SPREAD.side;
    t.pan = pan2(clamp(u.pan + pan.range(-spread, spread), -0.95, 0.95)) + 0;
    const usualBands = new Set((USUAL_EQ[id] ?? []).map(([band]) => band));
    t.eq = u.eq.map((b, k) => {
      if (usualBands.has(k as 0 | 1 | 2 | 3)) {
        const f = b.frequencyHz * 2 ** tone.range(-EQ_FREQUENCY_SPREAD_OCTAVES, EQ_FREQUENCY_SPREAD_OCTAVES);
        return {
          frequencyHz: Math.round(f),
          gainDb: half(b.gainDb + tone.range(-EQ_SPREAD_DB, EQ_SPREAD_DB)) + 0,
          q: b.q,
        };
      }
      if (id === 'noise' || !tone.chance(EXTRA_EQ_SHARE)) return { ...b };
      const [lo, hi] = EXTRA_EQ_SPAN[k] as [Hz, Hz];
      const sign = tone.chance(0.5) ? 1 : -1;
      return {
        frequencyHz: Math.round(lo * (hi / lo) ** tone.next()),
        gainDb: half(sign * tone.range(EXTRA_EQ_GAIN_DB[0], EXTRA_EQ_GAIN_DB[1])),
        q: b.q,
      };
    }) as TrackMix['eq'];
    if (u.comp.enabled) t.comp = variedComp(dynamics.fork(id), u.comp);
    t.reverbDb = variedSend(space, u.reverbDb);
    t.delayDb = variedSend(space, u.delayDb);
    return t;
  });
}
