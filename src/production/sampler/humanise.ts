/** Small seeded deviations a player makes: timing (ms) and velocity, per event, the same every render. */
import { hashString } from '../../dsp/random';
import type { Seconds } from '../../dsp/units';
import type { TrackId } from '../types';

/** How far a part drifts from the grid (seconds, ±) and how much its velocities vary (fraction, ±). */
const SPREAD: Record<TrackId, { time: Seconds; velocity: number }> = {
  kick: { time: 0.002, velocity: 0.04 },
  snare: { time: 0.004, velocity: 0.06 },
  hats: { time: 0.006, velocity: 0.1 },
  perc: { time: 0.007, velocity: 0.1 },
  bass: { time: 0.005, velocity: 0.05 },
  chords: { time: 0.008, velocity: 0.05 },
  keys: { time: 0.008, velocity: 0.07 },
  lead: { time: 0.008, velocity: 0.06 },
  vocal: { time: 0, velocity: 0 },
  noise: { time: 0, velocity: 0 },
};

/** One event's deviation: a time offset in seconds, a velocity factor and a take number 0..2. */
export interface Humanised {
  offset: Seconds;
  velocityScale: number;
  take: number;
}

/** The deviation of event `index` of a track in a song with `seed` (uniform within the part's spread). */
export function humanise(seed: number, track: TrackId, index: number): Humanised {
  const h = hashString(`${seed}:${track}:${index}`);
  const a = ((h & 0xffff) / 0xffff) * 2 - 1;
  const b = (((h >>> 16) & 0xff) / 0xff) * 2 - 1;
  const spread = SPREAD[track];
  return { offset: a * spread.time, velocityScale: 1 + b * spread.velocity, take: (h >>> 24) % 3 };
}
