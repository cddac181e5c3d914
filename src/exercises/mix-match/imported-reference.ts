/**
 * A seeded reference mix of an imported song's stems, and the desk the learner finds it from. The desk as found
 * is the centre of what the reference draws (importedStartMix: the stems as exported, centred, flat, and a
 * send at its middle level on each part with room for one); the reference moves every control from there
 * uniformly and symmetrically (as likely up as down, by as much), so no answer set without listening beats the
 * desk as found. No part's role is assumed (an imported stem is "Gtr 2" as often as "Vocal"). An EQ move is
 * drawn only where the part has sound (its loop spectrum within EQ_ENERGY_BELOW_DB of its loudest band), a
 * reverb send only on a part that leaves room after its notes, a delay send only where its echoes land in
 * silence. Compression is never set: an imported song's summary cannot grade it.
 */
import type { Rng } from '../../dsp/random';
import type { Decibels, Hz } from '../../dsp/units';
import { EQ_ENERGY_BELOW_DB } from '../shared/audibility';
import { copyTrackMix, type TrackMix, untouchedTrack } from '../shared/mix-spec';
import { roundTo } from '../shared/scoring';
import { ANALYSIS_CENTRES } from '../shared/song-analysis';

/** What the reference may do with one part, read from the song's summary. */
export interface ImportedPart {
  /** The part's loop spectrum, dB re its loudest third-octave band (ANALYSIS_CENTRES). */
  bandsDb: readonly Decibels[];
  /** Notes leave room for a reverb tail to be heard. */
  reverbRoom: boolean;
  /** Echoes of a quarter note land in silence. */
  echoRoom: boolean;
}

/** Fader offsets are drawn from this range, dB from the stems as exported. */
export const IMPORTED_FADER_RANGE: readonly [Decibels, Decibels] = [-5, 5];
/** Pans are drawn uniformly from −IMPORTED_PAN_SPREAD … IMPORTED_PAN_SPREAD around the centre. */
export const IMPORTED_PAN_SPREAD = 0.7;
/** A part's send on the desk as found (where it has room), and how far the reference moves it either way, dB. */
export const IMPORTED_SEND_START = { reverbDb: -15, delayDb: -15 } as const;
export const IMPORTED_SEND_SPREAD_DB: Decibels = 15;

const half = (x: number) => roundTo(x, 0.5);
const pan2 = (x: number) => roundTo(x, 0.05);

/** One EQ band's move: where it may sit and how far it may go (uniform from −gainDb to +gainDb). */
interface EqMove {
  band: 0 | 1 | 2 | 3;
  frequencyHz: readonly [Hz, Hz];
  gainDb: Decibels;
  q: number;
}

/** The moves the reference draws from: a low shelf, a low-mid and an upper-mid peak, a high shelf. */
const EQ_MOVES: readonly EqMove[] = [
  { band: 0, frequencyHz: [50, 160], gainDb: 5, q: Math.SQRT1_2 },
  { band: 1, frequencyHz: [160, 1000], gainDb: 6, q: 1.2 },
  { band: 2, frequencyHz: [1000, 5000], gainDb: 6, q: 1 },
  { band: 3, frequencyHz: [5000, 10000], gainDb: 5, q: Math.SQRT1_2 },
];

/** The analysis centres in [lo, hi] where the part has sound (within EQ_ENERGY_BELOW_DB of its loudest band). */
export function soundingCentres(bandsDb: readonly Decibels[], lo: Hz, hi: Hz): Hz[] {
  return ANALYSIS_CENTRES.filter((c, k) => c >= lo && c <= hi && (bandsDb[k] ?? -200) >= -EQ_ENERGY_BELOW_DB);
}

/** Third-octaves with sound in the EQ moves' spans for a part's EQ to be heard well: an octave. */
export const MIN_EQ_CENTRES = 3;

/** Whether the part has sound over at least MIN_EQ_CENTRES third-octaves where the reference's EQ moves act. */
export function eqAudible(bandsDb: readonly Decibels[]): boolean {
  const n = EQ_MOVES.reduce(
    (sum, m) => sum + soundingCentres(bandsDb, m.frequencyHz[0], m.frequencyHz[1]).length,
    0,
  );
  return n >= MIN_EQ_CENTRES;
}

/** The desk as found on an imported song: the stems as exported, centred, flat, each send with room at its start level. */
export function importedStartMix(parts: readonly ImportedPart[]): TrackMix[] {
  return parts.map((part) => {
    const t = untouchedTrack();
    if (part.reverbRoom) t.reverbDb = IMPORTED_SEND_START.reverbDb;
    if (part.echoRoom) t.delayDb = IMPORTED_SEND_START.delayDb;
    return t;
  });
}

/** The reference TrackMix of each part (in the same order), drawn around importedStartMix; see the file comment. */
export function importedReferenceMix(rng: Rng, parts: readonly ImportedPart[]): TrackMix[] {
  const balance = rng.fork('balance');
  const pan = rng.fork('pan');
  const tone = rng.fork('tone');
  const space = rng.fork('space');
  const send = (start: Decibels) =>
    half(start + space.range(-IMPORTED_SEND_SPREAD_DB, IMPORTED_SEND_SPREAD_DB));
  const mix = importedStartMix(parts).map((t, p) => {
    const part = parts[p] as ImportedPart;
    t.faderDb = half(balance.range(IMPORTED_FADER_RANGE[0], IMPORTED_FADER_RANGE[1])) + 0;
    t.pan = pan2(pan.range(-IMPORTED_PAN_SPREAD, IMPORTED_PAN_SPREAD)) + 0;
    // Each move at a sounding centre of its span, up to a sixth of an octave off it (within the span).
    const drawn = EQ_MOVES.map((m) => {
      const where = soundingCentres(part.bandsDb, m.frequencyHz[0], m.frequencyHz[1]);
      const centre = where.length > 0 ? tone.pick(where) : 0;
      const f = Math.min(
        m.frequencyHz[1],
        Math.max(m.frequencyHz[0], centre * 2 ** tone.range(-1 / 6, 1 / 6)),
      );
      return {
        m,
        f: Math.round(f),
        gain: half(tone.range(-m.gainDb, m.gainDb)) + 0,
        on: tone.chance(0.6),
        sounds: where.length > 0,
      };
    }).filter((d) => d.sounds);
    // At least one move on a part with sound anywhere a band acts.
    const first = drawn.length > 0 ? tone.int(0, drawn.length - 1) : -1;
    drawn.forEach((d, i) => {
      if (d.on || i === first) t.eq[d.m.band] = { frequencyHz: d.f, gainDb: d.gain, q: d.m.q };
    });
    if (t.reverbDb !== null) t.reverbDb = send(t.reverbDb);
    if (t.delayDb !== null) t.delayDb = send(t.delayDb);
    return t;
  });
  return mix.map(copyTrackMix);
}
