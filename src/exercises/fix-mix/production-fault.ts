/**
 * Production faults: problems in the parts themselves, which no setting on the desk can fix. Each is made
 * with generateSong overrides on B's song: two parts fighting in the same register (the keys played on the
 * chords' sound), a part playing the wrong notes (taken from the song with other chords), and too many parts
 * at once (A leaves two parts out; B plays them).
 */
import type { Rng } from '../../dsp/random';
import { TRACK_NAMES } from '../../production/generate-song';
import { findPreset, presetsForTrack } from '../../production/presets';
import { listProgressions, styleSpec } from '../../production/styles';
import type { SongOverrides, TrackId } from '../../production/types';
import type { SongSource } from '../types';
import type { PlantedFault, ProductionFault, ProductionSwap } from './meta';

/** A production fault: A's song (possibly pinned), B's changed parts, and the answer key. */
export interface PlantedProduction {
  source: SongSource;
  swap: ProductionSwap;
  fault: PlantedFault;
  /** Desk tracks that are absent from A (mixing faults stay off them). */
  absentInA: TrackId[];
}

function withOverrides(source: SongSource, extra: SongOverrides): SongSource {
  return { ...source, overrides: { ...source.overrides, ...extra } };
}

/** Plants one production fault of a kind the desk allows; null when none fits (e.g. a desk without keys). */
export function plantProductionFault(
  rng: Rng,
  base: SongSource,
  ids: readonly TrackId[],
): PlantedProduction | null {
  const kinds: ProductionFault[] = [];
  if (ids.includes('keys') && ids.includes('chords')) kinds.push('register');
  if (ids.some((id) => id === 'bass' || id === 'keys')) kinds.push('wrong-notes');
  if (ids.filter((id) => id === 'perc' || id === 'keys' || id === 'lead').length >= 2) kinds.push('too-many');
  if (kinds.length === 0) return null;
  const kind = rng.pick(kinds);
  const style = base.style;
  switch (kind) {
    case 'register': {
      const chords = styleSpec(style).instruments.chords;
      const keys = styleSpec(style).instruments.keys;
      // The keys on the chords' own sound; if they already share one, both parts on another pad.
      const same = chords === keys;
      const pad = same
        ? rng.pick(presetsForTrack('keys').filter((p) => p.id !== chords && p.tracks.includes('chords'))).id
        : chords;
      const overrides: SongOverrides = same
        ? { instruments: { chords: pad, keys: pad } }
        : { instruments: { keys: pad } };
      return {
        source: base,
        swap: { source: withOverrides(base, overrides), tracks: same ? ['chords', 'keys'] : ['keys'] },
        fault: {
          fault: 'production',
          track: null,
          production: 'register',
          description: `The keys play on the same sound as the chords (${findPreset(pad)?.label ?? pad}) in the same range: the two parts fight, and no fader or EQ can pull them apart.`,
        },
        absentInA: [],
      };
    }
    case 'wrong-notes': {
      const list = listProgressions(style);
      const i = rng.int(0, list.length - 1);
      const mode = list[i]?.mode;
      const other = list.map((_, k) => k).filter((k) => list[k]?.romans.join() !== list[i]?.romans.join());
      const sameMode = other.filter((k) => list[k]?.mode === mode);
      const j = rng.pick(sameMode.length > 0 ? sameMode : other.length > 0 ? other : [(i + 1) % list.length]);
      const part = rng.pick(ids.filter((id) => id === 'bass' || id === 'keys'));
      return {
        source: withOverrides(base, { progression: i }),
        swap: { source: withOverrides(base, { progression: j }), tracks: [part] },
        fault: {
          fault: 'production',
          track: null,
          production: 'wrong-notes',
          description: `The ${TRACK_NAMES[part].toLowerCase()} ${part === 'keys' ? 'play' : 'plays'} the notes of other chords (${list[j]?.romans.join('–')} instead of ${list[i]?.romans.join('–')}): wrong notes are a production problem.`,
        },
        absentInA: [],
      };
    }
    case 'too-many': {
      const extra = rng
        .shuffle(ids.filter((id) => id === 'perc' || id === 'keys' || id === 'lead'))
        .slice(0, 2)
        .sort((a, b) => ids.indexOf(a) - ids.indexOf(b));
      return {
        source: withOverrides(base, { mutedTracks: extra }),
        swap: { source: base, tracks: extra },
        fault: {
          fault: 'production',
          track: null,
          production: 'too-many',
          description: `Too many parts at once: the good version leaves out the ${extra.map((id) => TRACK_NAMES[id].toLowerCase()).join(' and the ')}. That is an arrangement decision, not a mixing one.`,
        },
        absentInA: extra,
      };
    }
  }
}
