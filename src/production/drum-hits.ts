/** Drum hits are General MIDI percussion note numbers, so songs could be exported as MIDI later. */
import type { DrumTrackId } from './types';

/** The drum hits Headroom synthesises, by name. */
export const DRUM_HITS = {
  kick: 36,
  rim: 37,
  snare: 38,
  clap: 39,
  closedHat: 42,
  pedalHat: 44,
  tomLow: 45,
  openHat: 46,
  tomMid: 47,
  crash: 49,
  tomHigh: 50,
  tambourine: 54,
  shaker: 70,
} as const;

/** Short display names per hit number (for formatSong and the step grid). */
export const DRUM_HIT_NAMES: Readonly<Record<number, string>> = {
  36: 'kick',
  37: 'rim',
  38: 'snare',
  39: 'clap',
  42: 'hat',
  44: 'pedal-hat',
  45: 'tom-lo',
  46: 'open-hat',
  47: 'tom-mid',
  49: 'crash',
  50: 'tom-hi',
  54: 'tambourine',
  70: 'shaker',
};

/** The track each hit belongs on by default. */
export const DRUM_HIT_TRACK: Readonly<Record<number, DrumTrackId>> = {
  36: 'kick',
  37: 'snare',
  38: 'snare',
  39: 'perc',
  42: 'hats',
  44: 'hats',
  45: 'perc',
  46: 'hats',
  47: 'perc',
  49: 'hats',
  50: 'perc',
  54: 'perc',
  70: 'perc',
};

/** Whether a track id is one of the drum tracks. */
export function isDrumTrack(id: string): id is DrumTrackId {
  return id === 'kick' || id === 'snare' || id === 'hats' || id === 'perc';
}

/**
 * Section energy (1 = intro/bridge, 2 = verse/outro, 3 = chorus) from which a grid row plays:
 * closed hats, shaker, tambourine and the kick always (quiet sections keep only its downbeats); snare,
 * toms and open hats from verses on; claps and crashes layered on the perc/hats tracks only in choruses.
 */
export function rowEnergy(track: DrumTrackId, hit: number): 1 | 2 | 3 {
  if (track === 'kick') return 1;
  if (hit === DRUM_HITS.closedHat || hit === DRUM_HITS.pedalHat) return 1;
  if (hit === DRUM_HITS.shaker || hit === DRUM_HITS.tambourine) return 1;
  if (hit === DRUM_HITS.crash) return 3;
  if (hit === DRUM_HITS.clap && track === 'perc') return 3;
  return 2;
}
