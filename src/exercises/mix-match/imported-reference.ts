/**
 * A seeded reference mix of an imported song's stems, off the untouched desk in every dimension: the faders,
 * pans, EQ moves and sends are drawn as for a generated song, but with no part's role assumed (an imported
 * stem is "Gtr 2" as often as "Vocal"), so no mix can be guessed without listening. An EQ move is drawn only
 * where the part has sound (its loop spectrum within EQ_ENERGY_BELOW_DB of its loudest band), a reverb send
 * only on a part that leaves room after its notes, a delay send only where its echoes land in silence.
 * Compression is never set: an imported song's summary cannot grade it.
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
export const IMPORTED_FADER_RANGE: readonly [Decibels, Decibels] = [-6, 4];
/** Share of parts left in the centre; the others are panned 20–80 % to a side drawn per part. */
const CENTRED_SHARE = 0.3;

const half = (x: number) => roundTo(x, 0.5);
const pan2 = (x: number) => roundTo(x, 0.05);

/** One EQ band's move: where it may sit and how far it may go (the sign is drawn). */
interface EqMove {
  band: 0 | 1 | 2 | 3;
  frequencyHz: readonly [Hz, Hz];
  gainDb: readonly [Decibels, Decibels];
  q: number;
}

/** The moves the reference draws from: a low shelf, a low-mid and an upper-mid peak, a high shelf. */
const EQ_MOVES: readonly EqMove[] = [
  { band: 0, frequencyHz: [50, 160], gainDb: [2, 4], q: Math.SQRT1_2 },
  { band: 1, frequencyHz: [160, 1000], gainDb: [2.5, 5], q: 1.2 },
  { band: 2, frequencyHz: [1000, 5000], gainDb: [2.5, 5], q: 1 },
  { band: 3, frequencyHz: [5000, 10000], gainDb: [2, 4], q: Math.SQRT1_2 },
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

/** The reference TrackMix of each part (in the same order); see the file comment. */
export function importedReferenceMix(rng: Rng, parts: readonly ImportedPart[]): TrackMix[] {
  const balance = rng.fork('balance');
  const pan = rng.fork('pan');
  const tone = rng.fork('tone');
  const space = rng.fork('space');
  const mix = parts.map((part) => {
    const t = untouchedTrack();
    t.faderDb = half(balance.range(IMPORTED_FADER_RANGE[0], IMPORTED_FADER_RANGE[1]));
    if (!pan.chance(CENTRED_SHARE)) t.pan = pan2((pan.chance(0.5) ? 1 : -1) * pan.range(0.2, 0.8));
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
        gain: half((tone.chance(0.5) ? 1 : -1) * tone.range(m.gainDb[0], m.gainDb[1])),
        on: tone.chance(0.6),
        sounds: where.length > 0,
      };
    }).filter((d) => d.sounds);
    // At least one move on a part with sound anywhere a band acts.
    const first = drawn.length > 0 ? tone.int(0, drawn.length - 1) : -1;
    drawn.forEach((d, i) => {
      if (d.on || i === first) t.eq[d.m.band] = { frequencyHz: d.f, gainDb: d.gain, q: d.m.q };
    });
    const reverb = half(space.range(-16, -8));
    const delay = half(space.range(-18, -10));
    if (part.reverbRoom && space.chance(0.75)) t.reverbDb = reverb;
    if (part.echoRoom && space.chance(0.6)) t.delayDb = delay;
    return t;
  });
  // At least one send when a part has room for one.
  if (mix.every((t) => t.reverbDb === null && t.delayDb === null)) {
    const i = parts.findIndex((p) => p.reverbRoom || p.echoRoom);
    const t = mix[i];
    if (t) {
      const level = half(space.range(-14, -8));
      if (parts[i]?.reverbRoom) t.reverbDb = level;
      else t.delayDb = level;
    }
  }
  return mix.map(copyTrackMix);
}
