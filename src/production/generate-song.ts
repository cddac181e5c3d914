/** Songs as data: a seed and a style (plus arranger overrides) in, a complete Song out. */
import { createRng, hashString, type Rng } from '../dsp/random';
import { isDrumTrack } from './drum-hits';
import { BEATS_PER_BAR, finaliseEvents, swingEvents } from './events';
import { generateBass } from './generate-bass';
import { generateDrums } from './generate-drums';
import { generateHarmony } from './generate-harmony';
import { generateMelody } from './generate-melody';
import { generateTitle } from './generate-title';
import { drumPatternOf, styleGrooves } from './grooves';
import { findPreset } from './presets';
import { shapeSections } from './section-dynamics';
import { DEFAULT_BARS, normaliseBars, planForm } from './song-form';
import { listProgressions, styleSpec } from './styles';
import { chordFromRoman, createKey, parseRoman } from './theory';
import type {
  DrumPattern,
  Key,
  Mode,
  NoteEvent,
  Section,
  Song,
  SongOverrides,
  StyleId,
  Track,
  TrackId,
} from './types';
import { SONG_TRACK_IDS } from './types';

/** Display names of the tracks, in mixer order. */
export const TRACK_NAMES: Readonly<Record<TrackId, string>> = {
  kick: 'Kick',
  snare: 'Snare',
  hats: 'Hi-hats',
  perc: 'Percussion',
  bass: 'Bass',
  chords: 'Chords',
  keys: 'Keys',
  lead: 'Lead',
  vocal: 'Vocal',
  noise: 'Pink noise',
};

function modeOf(romans: readonly string[]): Mode {
  const parsed = romans.map(parseRoman);
  const tonic = parsed.find((r) => r?.degree === 0);
  return tonic && !tonic.upper ? 'minor' : 'major';
}

function rotate<T>(items: readonly T[], by: number): T[] {
  return items.map((_, i) => items[(i + by) % items.length] as T);
}

function chooseProgressions(style: StyleId, overrides: SongOverrides, rng: Rng) {
  const choices = listProgressions(style);
  const given = overrides.progression;
  if (Array.isArray(given)) {
    const bad = given.find((r) => parseRoman(r) === null);
    if (given.length === 0 || given.length > 8 || bad !== undefined) {
      throw new RangeError(`Bad progression: ${bad ?? 'needs 1 to 8 roman numerals'}`);
    }
    return { index: null, mode: modeOf(given), verse: [...given], chorus: [...given] };
  }
  const raw = typeof given === 'number' ? given : rng.fork('progression').int(0, choices.length - 1);
  const index = ((Math.floor(raw) % choices.length) + choices.length) % choices.length;
  const main = choices[index] as (typeof choices)[number];
  const others = choices.filter((c, i) => i !== index && c.mode === main.mode);
  const chorus = typeof given === 'number' || others.length === 0 ? main : rng.fork('chorus').pick(others);
  return { index, mode: main.mode, verse: [...main.romans], chorus: [...chorus.romans] };
}

function buildSections(
  bars: number,
  key: Key,
  verse: readonly string[],
  chorus: readonly string[],
): Section[] {
  const tonic = key.mode === 'major' ? 'I' : 'i';
  return planForm(bars).map((slot) => {
    const romans =
      slot.name === 'chorus' || slot.name === 'outro'
        ? chorus
        : slot.name === 'bridge'
          ? rotate(chorus, Math.floor(chorus.length / 2))
          : verse;
    const chords = Array.from({ length: slot.bars }, (_, bar) => {
      const isEnd = slot.name === 'outro' && bar === slot.bars - 1;
      return chordFromRoman(isEnd ? tonic : (romans[bar % romans.length] as string), key);
    });
    return { ...slot, chords };
  });
}

function cleanPattern(pattern: DrumPattern): DrumPattern {
  return pattern
    .filter((row) => isDrumTrack(row.track))
    .map((row) => ({
      track: row.track,
      hit: Math.round(row.hit),
      steps: Array.from({ length: 16 }, (_, i) => Math.min(1, Math.max(0, Number(row.steps[i]) || 0))),
    }));
}

function instrumentFor(track: TrackId, style: StyleId, overrides: SongOverrides): string {
  const chosen = overrides.instruments?.[track];
  if (chosen === undefined) return styleSpec(style).instruments[track];
  if (!findPreset(chosen)?.tracks.includes(track))
    throw new RangeError(`Preset "${chosen}" does not fit track "${track}"`);
  return chosen;
}

/** Cuts notes (sorted by time) at the end of the section they start in, so every note belongs to one section. */
function clipToSections(events: NoteEvent[], sections: readonly Section[]): NoteEvent[] {
  const out: NoteEvent[] = [];
  let index = 0;
  for (const e of events) {
    while (index < sections.length && e.time >= sectionEnd(sections[index] as Section)) index++;
    const section = sections[index];
    if (!section) break;
    const end = sectionEnd(section);
    out.push(e.time + e.duration > end ? { ...e, duration: end - e.time } : e);
  }
  return out;
}

function sectionEnd(section: Section): number {
  return (section.startBar + section.bars) * BEATS_PER_BAR;
}

/** JSON with object keys sorted at every level and undefined fields left out. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** '' without overrides, else '-' and a short hash of them, so edited songs get their own id (and cache). */
function overridesSuffix(overrides: object): string {
  const json = stableJson(overrides);
  return json === '{}' ? '' : `-${hashString(json).toString(36)}`;
}

/**
 * Generates a song from a seed and a style. Every choice (tempo, key, progression, groove, patterns,
 * melodies, title) comes from its own forked generator, so overriding one (say the tempo) leaves the
 * others as they were. Throws RangeError on an unknown preset or a malformed progression.
 */
export function generateSong(seed: number, style: StyleId, overrides: SongOverrides = {}): Song {
  const spec = styleSpec(style);
  const grooves = styleGrooves(style);
  const rng = createRng(seed).fork(style);
  const bars = normaliseBars(overrides.bars ?? DEFAULT_BARS);
  const [minBpm, maxBpm] = spec.bpmRange;
  const bpm = Math.round(Math.min(240, Math.max(40, overrides.bpm ?? rng.fork('bpm').int(minBpm, maxBpm))));
  const swingDraw = rng.fork('swing').range(spec.swingRange[0], spec.swingRange[1]);
  const swing = Math.round(Math.min(0.75, Math.max(0.5, overrides.swing ?? swingDraw)) * 100) / 100;
  const progressions = chooseProgressions(style, overrides, rng);
  const key = createKey(rng.fork('key').int(0, 11), progressions.mode);
  const sections = buildSections(bars, key, progressions.verse, progressions.chorus);
  const drumPattern = cleanPattern(
    overrides.drumPattern ?? drumPatternOf(style, rng.fork('groove').int(0, grooves.drums.length - 1)),
  );
  const picks = rng.fork('patterns');
  const parts: Record<TrackId, NoteEvent[]> = {
    ...generateDrums(sections, drumPattern, grooves.fill, rng.fork('drums')),
    bass: generateBass(
      sections,
      { key, pattern: picks.pick(grooves.bass), range: spec.bassRange, silentIntro: style === 'electronic' },
      rng.fork('bass'),
    ),
    chords: generateHarmony(
      sections,
      style === 'rock'
        ? { pattern: picks.pick(grooves.chords), voicing: 'power', low: 40, high: 64, baseVelocity: 0.8 }
        : { pattern: picks.pick(grooves.chords), voicing: 'close', low: 52, high: 69, baseVelocity: 0.75 },
      true,
      rng.fork('chords'),
    ),
    keys: generateHarmony(
      sections,
      { pattern: picks.pick(grooves.keys), voicing: 'arpeggio', low: 60, high: 79, baseVelocity: 0.7 },
      false,
      rng.fork('keys'),
    ),
    ...generateMelody(
      sections,
      {
        key,
        cells: grooves.cells,
        vocalRange: spec.vocalRange,
        leadRange: [spec.vocalRange[0] + 12, Math.min(88, spec.vocalRange[1] + 12)],
      },
      rng.fork('melody'),
    ),
    noise: sections.map((s) => ({ time: s.startBar * 4, duration: s.bars * 4, pitch: 0, velocity: 0.8 })),
  };
  const muted = new Set(overrides.mutedTracks ?? []);
  const ids = overrides.includeNoise ? [...SONG_TRACK_IDS, 'noise' as const] : SONG_TRACK_IDS;
  const tracks: Track[] = ids.map((id) => ({
    id,
    name: TRACK_NAMES[id],
    instrument: instrumentFor(id, style, overrides),
    muted: muted.has(id),
    events: clipToSections(
      finaliseEvents(id === 'noise' ? parts[id] : swingEvents(shapeSections(id, parts[id], sections), swing)),
      sections,
    ),
  }));
  return {
    id: `${style}-${seed}${overridesSuffix(overrides)}`,
    seed,
    style,
    title: generateTitle(style, rng.fork('title')),
    bpm,
    key,
    timeSignature: [4, 4],
    sections,
    tracks,
    arrangement: {
      bars,
      progressionIndex: progressions.index,
      progression: progressions.verse,
      chorusProgression: progressions.chorus,
      drumPattern,
      swing,
    },
  };
}

/** A neutral test signal as a song: only the pink-noise track, over the same form as a pop song. */
export function generateTestSong(seed: number, overrides: Pick<SongOverrides, 'bars' | 'bpm'> = {}): Song {
  const song = generateSong(seed, 'pop', { ...overrides, includeNoise: true });
  return {
    ...song,
    id: `noise-${seed}${overridesSuffix(overrides)}`,
    title: 'Pink noise',
    tracks: song.tracks.filter((t) => t.id === 'noise'),
  };
}
