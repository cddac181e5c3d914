/**
 * A reference mix that sounds right for a song: seeded variation on how engineers commonly set up a band
 * mix. The vocal sits on top, kick and bass are locked together, hats and percussion are tucked in, the
 * chordal parts make room on either side while kick, snare, bass and vocal stay centred; EQ cleans the mud
 * and lifts presence, the vocal, bass and snare are compressed, and the vocal, snare and chords get reverb.
 */
import type { Rng } from '../../dsp/random';
import type { TrackId } from '../../production/types';
import { copyTrackMix, type TrackMix, untouchedTrack } from '../shared/mix-spec';
import { roundTo } from '../shared/scoring';

const half = (x: number) => roundTo(x, 0.5);
const pan2 = (x: number) => roundTo(x, 0.05);

/** Fader offsets (dB from the rough mix) each track is drawn from. */
const FADER_RANGE: Record<TrackId, [number, number]> = {
  kick: [0, 2],
  snare: [-1, 2],
  hats: [-9, -5],
  perc: [-11, -6],
  bass: [0, 2],
  chords: [-7, -3],
  keys: [-8, -4],
  lead: [-4, -1],
  vocal: [2, 5],
  noise: [-30, -30],
};

/** The reference TrackMix of each of `tracks` (in the same order). */
export function referenceMix(rng: Rng, tracks: readonly TrackId[]): TrackMix[] {
  const side = rng.chance(0.5) ? 1 : -1; // which side the hats (and chords) lean to
  const mix = new Map<TrackId, TrackMix>();
  for (const id of tracks) {
    const t = untouchedTrack();
    const [lo, hi] = FADER_RANGE[id];
    t.faderDb = half(rng.range(lo, hi));
    mix.set(id, t);
  }
  const kick = mix.get('kick');
  const bass = mix.get('bass');
  // Kick and bass locked: within a decibel of each other.
  if (kick && bass) bass.faderDb = half(kick.faderDb + rng.range(-1, 1));
  const set = (id: TrackId, f: (t: TrackMix) => void) => {
    const t = mix.get(id);
    if (t) f(t);
  };
  // Pan: the foundation in the middle, the rest making room.
  set('hats', (t) => (t.pan = pan2(side * rng.range(0.25, 0.5))));
  set('perc', (t) => (t.pan = pan2(-side * rng.range(0.4, 0.7))));
  set('chords', (t) => (t.pan = pan2(-side * rng.range(0.3, 0.6))));
  set('keys', (t) => (t.pan = pan2(side * rng.range(0.3, 0.6))));
  set('lead', (t) => (t.pan = pan2(-side * rng.range(0.1, 0.3))));
  // Tone: weight on kick and bass, mud out of the chords, presence on the vocal.
  set('kick', (t) => {
    t.eq[0] = { frequencyHz: 60, gainDb: half(rng.range(2, 4)), q: Math.SQRT1_2 };
    t.eq[1] = { frequencyHz: 400, gainDb: half(-rng.range(2, 5)), q: 1.4 };
  });
  set('bass', (t) => {
    t.eq[0] = { frequencyHz: 100, gainDb: half(rng.range(1, 3)), q: Math.SQRT1_2 };
    t.eq[1] = { frequencyHz: Math.round(rng.range(250, 350)), gainDb: half(-rng.range(2, 4)), q: 1.4 };
  });
  set('snare', (t) => {
    t.eq[1] = { frequencyHz: 200, gainDb: half(rng.range(2, 4)), q: 1.4 };
    t.eq[3] = { frequencyHz: 6000, gainDb: half(rng.range(1, 3)), q: Math.SQRT1_2 };
  });
  set(
    'chords',
    (t) =>
      (t.eq[1] = { frequencyHz: Math.round(rng.range(250, 450)), gainDb: half(-rng.range(3, 5)), q: 1.2 }),
  );
  set(
    'keys',
    (t) =>
      (t.eq[1] = { frequencyHz: Math.round(rng.range(300, 500)), gainDb: half(-rng.range(2, 4)), q: 1.2 }),
  );
  set(
    'lead',
    (t) =>
      (t.eq[2] = { frequencyHz: Math.round(rng.range(1500, 3000)), gainDb: half(rng.range(2, 4)), q: 1 }),
  );
  set('vocal', (t) => {
    t.eq[0] = { frequencyHz: 150, gainDb: half(-rng.range(2, 4)), q: Math.SQRT1_2 };
    t.eq[2] = { frequencyHz: Math.round(rng.range(2500, 4000)), gainDb: half(rng.range(2, 4)), q: 1 };
  });
  set('hats', (t) => (t.eq[3] = { frequencyHz: 8000, gainDb: half(rng.range(1, 3)), q: Math.SQRT1_2 }));
  // Dynamics: vocal, bass and snare compressed (stems peak at −3 dBFS).
  const comp = (
    t: TrackMix,
    threshold: [number, number],
    ratio: number,
    attack: [number, number],
    makeup: number,
  ) => {
    t.comp = {
      enabled: true,
      thresholdDb: Math.round(rng.range(threshold[0], threshold[1])),
      ratio,
      attackMs: Math.round(rng.range(attack[0], attack[1])),
      releaseMs: 5 * Math.round(rng.range(80, 200) / 5),
      makeupDb: half(makeup),
    };
  };
  set('vocal', (t) => comp(t, [-20, -14], rng.pick([3, 4]), [3, 10], rng.range(2, 4)));
  set('bass', (t) => comp(t, [-20, -14], 4, [10, 30], rng.range(1, 3)));
  set('snare', (t) => comp(t, [-18, -12], 4, [10, 30], rng.range(1, 2)));
  // Space: a room around the vocal, snare and chords; echoes on the lead or the vocal.
  set('vocal', (t) => {
    t.reverbDb = half(rng.range(-14, -10));
    if (rng.chance(0.5)) t.delayDb = half(rng.range(-20, -15));
  });
  set('snare', (t) => (t.reverbDb = half(rng.range(-18, -12))));
  set('chords', (t) => (t.reverbDb = half(rng.range(-16, -11))));
  set('keys', (t) => (t.reverbDb = half(rng.range(-18, -12))));
  set('lead', (t) => (t.delayDb = half(rng.range(-16, -11))));
  return tracks.map((id) => copyTrackMix(mix.get(id) as TrackMix));
}
