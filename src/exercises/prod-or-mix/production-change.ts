/** Builds version B for a production change: the same song with one generateSong override changed. */
import type { Rng } from '../../dsp/random';
import { TRACK_NAMES } from '../../production/generate-song';
import { drumPatternOf, styleGrooves } from '../../production/grooves';
import { findPreset, presetsForTrack } from '../../production/presets';
import { listProgressions, styleSpec } from '../../production/styles';
import type { TrackId } from '../../production/types';
import { barsToSeconds, sourceBpm } from '../shared/sources';
import type { SongSource } from '../types';
import type { ProductionChange } from './meta';

/** Versions A and B and what differs. */
export interface ProductionPair {
  versionA: SongSource;
  versionB: SongSource;
  description: string;
}

function otherIndex(rng: Rng, count: number, not: number): number {
  return (not + rng.int(1, Math.max(1, count - 1))) % count;
}

function withOverrides(source: SongSource, extra: SongSource['overrides']): SongSource {
  return { ...source, overrides: { ...source.overrides, ...extra } };
}

/** Pins the chosen setting in A too, so A and B differ in exactly that override. */
export function productionPair(
  rng: Rng,
  base: SongSource,
  change: ProductionChange,
  subtle: boolean,
): ProductionPair {
  const style = base.style;
  switch (change) {
    case 'notes': {
      const list = listProgressions(style);
      const i = rng.int(0, list.length - 1);
      const differs = list.map((_, k) => k).filter((k) => list[k]?.romans.join() !== list[i]?.romans.join());
      const j = differs.length > 0 ? rng.pick(differs) : otherIndex(rng, list.length, i);
      return {
        versionA: withOverrides(base, { progression: i }),
        versionB: withOverrides(base, { progression: j }),
        description: `The chords changed: ${list[i]?.romans.join('–')} became ${list[j]?.romans.join('–')}.`,
      };
    }
    case 'drums': {
      const count = styleGrooves(style).drums.length;
      const i = rng.int(0, count - 1);
      const j = otherIndex(rng, count, i);
      return {
        versionA: withOverrides(base, { drumPattern: drumPatternOf(style, i) }),
        versionB: withOverrides(base, { drumPattern: drumPatternOf(style, j) }),
        description: 'The drummer played a different groove.',
      };
    }
    case 'sound': {
      const track = rng.pick<TrackId>(['bass', 'chords', 'keys', 'lead', 'snare', 'kick']);
      const current = styleSpec(style).instruments[track];
      const options = presetsForTrack(track).filter((p) => p.id !== current);
      const preset = rng.pick(options);
      return {
        versionA: base,
        versionB: withOverrides(base, { instruments: { [track]: preset.id } }),
        description: `The ${TRACK_NAMES[track].toLowerCase()} part is played on another sound: ${findPreset(current)?.label ?? current} became ${preset.label}.`,
      };
    }
    case 'arrangement': {
      const track = rng.pick<TrackId>(['hats', 'perc', 'chords', 'keys', 'lead']);
      const removed = rng.chance(0.5);
      const muted = { mutedTracks: [track] };
      return {
        versionA: removed ? base : withOverrides(base, muted),
        versionB: removed ? withOverrides(base, muted) : base,
        description: `The ${TRACK_NAMES[track].toLowerCase()} part was ${removed ? 'taken out' : 'added'}.`,
      };
    }
    case 'tempo': {
      const bpm = sourceBpm(base);
      const amount = subtle ? rng.range(0.06, 0.1) : rng.range(0.15, 0.22);
      const faster = rng.chance(0.5);
      const newBpm = Math.round(Math.min(240, Math.max(40, bpm * (faster ? 1 + amount : 1 - amount))));
      const barS = barsToSeconds(1, newBpm);
      const bars = Math.round(base.startS / barsToSeconds(1, bpm));
      return {
        versionA: base,
        versionB: {
          ...withOverrides(base, { bpm: newBpm }),
          startS: barS * bars,
          durationS: barsToSeconds(Math.round(base.durationS / barsToSeconds(1, bpm)), newBpm),
        },
        description: `The tempo went ${faster ? 'up' : 'down'} from ${bpm} to ${newBpm} BPM.`,
      };
    }
  }
}
