/** Friendly song titles from a seed: "Neon Harbour", "Paper Kites", "The Quiet Engine". */
import type { Rng } from '../dsp/random';
import type { StyleId } from './types';

const ADJECTIVES = [
  'Golden',
  'Quiet',
  'Electric',
  'Paper',
  'Velvet',
  'Silver',
  'Midnight',
  'Crystal',
  'Faded',
  'Wild',
  'Lucky',
  'Hidden',
  'Bright',
  'Slow',
  'Broken',
  'Neon',
  'Summer',
  'Early',
  'Gentle',
  'Restless',
];

const NOUNS = [
  'Harbour',
  'Kites',
  'Engine',
  'Skyline',
  'Letters',
  'Rivers',
  'Satellite',
  'Lanterns',
  'Echo',
  'Avenue',
  'Horizon',
  'Signals',
  'Garden',
  'Compass',
  'Tides',
  'Window',
  'Shadows',
  'Daydream',
  'Static',
  'Voyage',
];

const STYLE_WORDS: Record<StyleId, readonly string[]> = {
  pop: ['Heartbeat', 'Sunlight', 'Polaroid', 'Confetti'],
  rock: ['Thunder', 'Highway', 'Amplifier', 'Wildfire'],
  hiphop: ['Corner', 'Cassette', 'Blocks', 'Rhythm'],
  electronic: ['Pulse', 'Circuit', 'Laser', 'Afterglow'],
  ballad: ['Moonlight', 'Homecoming', 'Lullaby', 'Embers'],
};

/** A short, friendly title; the style adds a few words of its own to the pool. */
export function generateTitle(style: StyleId, rng: Rng): string {
  const nouns = [...NOUNS, ...STYLE_WORDS[style]];
  const adjective = rng.pick(ADJECTIVES);
  const noun = rng.pick(nouns);
  switch (rng.int(0, 3)) {
    case 0:
      return `The ${adjective} ${noun}`;
    case 1:
      return `${noun} of ${rng.pick(nouns.filter((n) => n !== noun))}`;
    default:
      return `${adjective} ${noun}`;
  }
}
