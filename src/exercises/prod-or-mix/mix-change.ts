/** Builds the one mixing move version B gets on top of the rough mix. */
import { formatHz, OCTAVE_CENTRES } from '../../dsp/bands';
import { formatDb } from '../../dsp/db';
import { formatPan } from '../../dsp/pan';
import type { Rng } from '../../dsp/random';
import { TRACK_NAMES } from '../../production/generate-song';
import type { TrackId } from '../../production/types';
import { thresholdBelowPeakFor } from '../shared/relative-compressor';
import { roundTo } from '../shared/scoring';
import type { MixChange, MixingChange } from './meta';

/** The move and its sentence. */
export interface MixMove {
  mixChange: MixChange;
  description: string;
}

function name(track: TrackId): string {
  return TRACK_NAMES[track].toLowerCase();
}

/** A seeded mixing move of the given kind; `subtle` makes it smaller. */
export function mixMove(rng: Rng, change: MixingChange, subtle: boolean): MixMove {
  switch (change) {
    case 'level': {
      const track = rng.pick<TrackId>(['kick', 'snare', 'bass', 'chords', 'keys', 'lead', 'vocal']);
      const size = roundTo(subtle ? rng.range(3, 4.5) : rng.range(6, 9), 0.5);
      const deltaDb = rng.chance(0.5) ? size : -size;
      return {
        mixChange: { type: 'level', track, deltaDb },
        description: `The ${name(track)} fader moved ${formatDb(deltaDb)}.`,
      };
    }
    case 'pan': {
      const track = rng.pick<TrackId>(['hats', 'perc', 'chords', 'keys', 'lead']);
      const size = roundTo(subtle ? rng.range(0.4, 0.6) : rng.range(0.8, 1), 0.05);
      const pan = rng.chance(0.5) ? size : -size;
      return {
        mixChange: { type: 'pan', track, pan },
        description: `The ${name(track)} was panned to ${formatPan(pan)}.`,
      };
    }
    case 'eq': {
      const track = rng.pick<TrackId>(['snare', 'bass', 'chords', 'keys', 'lead', 'vocal']);
      const frequencyHz = rng.pick(OCTAVE_CENTRES.slice(3, 9));
      const size = roundTo(subtle ? rng.range(4, 6) : rng.range(8, 10), 0.5);
      const gainDb = rng.chance(0.6) ? size : -size;
      return {
        mixChange: { type: 'eq', track, band: { type: 'peaking', frequencyHz, gainDb, q: 1 } },
        description: `The ${name(track)} got an EQ ${gainDb > 0 ? 'boost' : 'cut'} of ${formatDb(gainDb)} at ${formatHz(frequencyHz)}.`,
      };
    }
    case 'compression': {
      const track = rng.pick<TrackId>(['kick', 'snare', 'bass', 'vocal']);
      const reduction = subtle ? 6 : 10;
      const ratio = subtle ? 3 : 6;
      return {
        mixChange: {
          type: 'compression',
          track,
          compressor: {
            thresholdBelowPeakDb: thresholdBelowPeakFor(reduction, ratio),
            ratio,
            kneeDb: 2,
            attackMs: 2,
            releaseMs: 80,
            makeupDb: 0,
          },
        },
        description: `The ${name(track)} was compressed by about ${reduction} dB.`,
      };
    }
    case 'reverb': {
      const track = rng.pick<TrackId>(['snare', 'keys', 'lead', 'vocal']);
      const sendDb = subtle ? -12 : -4;
      const decayS = subtle ? 1.2 : 2.2;
      return {
        mixChange: { type: 'reverb', track, sendDb, decayS, preDelayMs: 20, seed: rng.int(1, 999_999) },
        description: `The ${name(track)} was sent to a ${decayS} s reverb.`,
      };
    }
    case 'delay': {
      const track = rng.pick<TrackId>(['snare', 'keys', 'lead', 'vocal']);
      const note = rng.pick(['1/4', '1/8d'] as const);
      return {
        mixChange: { type: 'delay', track, sendDb: subtle ? -12 : -5, note, feedback: subtle ? 0.25 : 0.4 },
        description: `The ${name(track)} was sent to a ${note} delay.`,
      };
    }
  }
}
