import { describe, expect, it } from 'vitest';
import { generateSong } from '../../../src/production/generate-song';
import { listProgressions } from '../../../src/production/styles';
import type { Song, TrackId } from '../../../src/production/types';
import {
  arrangementOverrides,
  createArrangement,
  currentPattern,
  cycleStep,
  decodeArrangement,
  encodeArrangement,
  nextVelocity,
  resetDrums,
  setBars,
  setBpm,
  setInstrument,
  setProgression,
  setSeed,
  setStyle,
  toggleMute,
  toggleStep,
} from '../../../src/state/produce/arrangement';
import { arrangeSong } from '../../../src/state/produce/arranger';

const base = createArrangement('pop', 7);
const song = arrangeSong(base);

const eventsOf = (s: Song, id: TrackId) => s.tracks.find((t) => t.id === id)!.events;
const timesOf = (s: Song, id: TrackId, from: number, to: number) =>
  eventsOf(s, id)
    .filter((e) => e.time >= from && e.time < to)
    .map((e) => e.time);

describe('arrangement → overrides', () => {
  it('a fresh arrangement asks only for its length, and makes the seed’s song', () => {
    expect(arrangementOverrides(base)).toEqual({ bars: 16 });
    expect(song).toEqual(generateSong(7, 'pop', { bars: 16 }));
    expect(song.sections.map((s) => s.name)).toEqual(['intro', 'verse', 'chorus', 'outro']);
  });

  it('tempo changes the bpm and the id, not a single note or sound', () => {
    const faster = setBpm(base, song.bpm + 20);
    expect(arrangementOverrides(faster)).toEqual({ bars: 16, bpm: song.bpm + 20 });
    const s = arrangeSong(faster);
    expect(s.bpm).toBe(song.bpm + 20);
    expect(s.id).not.toBe(song.id);
    expect(s.tracks).toEqual(song.tracks);
    expect(s.sections).toEqual(song.sections);
    expect(setBpm(base, 500).bpm).toBe(240);
    expect(setBpm(base, 10).bpm).toBe(40);
    expect(setBpm(base, Number.NaN)).toBe(base);
  });

  it('a progression changes the chords (verse and chorus alike) but not the drums', () => {
    const choices = listProgressions('pop');
    const index = choices.findIndex((c) => c.romans.join() !== song.arrangement.progression.join());
    const s = arrangeSong(setProgression(base, index));
    expect(s.arrangement.progression).toEqual(choices[index]!.romans);
    expect(s.arrangement.chorusProgression).toEqual(choices[index]!.romans);
    expect(eventsOf(s, 'chords')).not.toEqual(eventsOf(song, 'chords'));
    for (const id of ['kick', 'snare', 'hats', 'perc'] as const)
      expect(eventsOf(s, id)).toEqual(eventsOf(song, id));
    expect(setProgression(setProgression(base, index), null)).toEqual(base);
    expect(setProgression(base, 99)).toEqual(base);
  });

  it('toggling a step adds exactly that hit (in a bar where the row plays) and toggling back removes it', () => {
    const pattern = currentPattern(base, song);
    const kick = pattern.findIndex((r) => r.track === 'kick');
    const step = [2, 4, 6, 10, 12, 14].find((k) => pattern[kick]!.steps[k] === 0)!;
    const on = toggleStep(base, pattern, kick, step);
    expect(on.drumPattern![kick]!.steps[step]).toBe(0.85);
    // Only that one cell of the grid differs.
    const diff = on.drumPattern!.flatMap((r, i) =>
      r.steps.map((v, k) => (v !== pattern[i]!.steps[k] ? [i, k] : null)),
    );
    expect(diff.filter(Boolean)).toEqual([[kick, step]]);
    const s = arrangeSong(on);
    const verseBar = song.sections.find((x) => x.name === 'verse')!.startBar; // first verse bar: no fill, no crash
    const from = verseBar * 4;
    const expected = [...timesOf(song, 'kick', from, from + 4), from + step / 4].sort((a, b) => a - b);
    expect(timesOf(s, 'kick', from, from + 4)).toEqual(expected);
    for (const id of ['snare', 'hats', 'bass', 'chords', 'vocal'] as const)
      expect(timesOf(s, id, 0, 64)).toEqual(timesOf(song, id, 0, 64));
    for (const id of ['bass', 'chords', 'keys', 'lead', 'vocal'] as const)
      expect(eventsOf(s, id)).toEqual(eventsOf(song, id));
    const off = toggleStep(on, on.drumPattern!, kick, step);
    expect(arrangeSong(off).tracks.find((t) => t.id === 'kick')!.events).toEqual(eventsOf(song, 'kick'));
    expect(resetDrums(on)).toEqual(base);
  });

  it('shift-click cycles a step soft → medium → normal → accent → soft', () => {
    expect([0, 0.35, 0.65, 0.85, 1].map(nextVelocity)).toEqual([0.35, 0.65, 0.85, 1, 0.35]);
    const pattern = currentPattern(base, song);
    const once = cycleStep(base, pattern, 0, 1);
    expect(once.drumPattern![0]!.steps[1]).toBe(nextVelocity(pattern[0]!.steps[1]!));
  });

  it('a sound changes only that track’s instrument; the style default clears the override', () => {
    const s = arrangeSong(setInstrument(base, 'bass', 'bass-sub'));
    expect(s.tracks.find((t) => t.id === 'bass')!.instrument).toBe('bass-sub');
    expect(s.tracks.map((t) => t.events)).toEqual(song.tracks.map((t) => t.events));
    expect(setInstrument(setInstrument(base, 'bass', 'bass-sub'), 'bass', 'bass-finger')).toEqual(base);
    expect(setInstrument(base, 'bass', 'kick-808')).toEqual(base); // a kick sound does not fit the bass
  });

  it('mute marks the track muted and keeps its notes; muting twice is a no-op', () => {
    const muted = toggleMute(toggleMute(base, 'vocal'), 'bass');
    expect(muted.mutedTracks).toEqual(['bass', 'vocal']);
    const s = arrangeSong(muted);
    expect(s.tracks.filter((t) => t.muted).map((t) => t.id)).toEqual(['bass', 'vocal']);
    expect(eventsOf(s, 'vocal')).toEqual(eventsOf(song, 'vocal'));
    expect(toggleMute(toggleMute(base, 'vocal'), 'vocal')).toEqual(base);
  });

  it('style and seed start over; length keeps the edits', () => {
    const edited = setBpm(toggleMute(base, 'keys'), 90);
    expect(setStyle(edited, 'rock')).toEqual({ style: 'rock', seed: 7, bars: 16, mutedTracks: ['keys'] });
    expect(setSeed(edited, 8)).toEqual(createArrangement('pop', 8));
    expect(setBars(edited, 32)).toEqual({ ...edited, bars: 32 });
    expect(setBars(edited, 20).bars).toBe(16);
    expect(arrangeSong(setStyle(base, 'rock')).style).toBe('rock');
    expect(arrangeSong(setSeed(base, 8)).tracks).not.toEqual(song.tracks);
  });
});

describe('arrangement as text (picker ids and /mix?song=…)', () => {
  it('round-trips every edit', () => {
    const pattern = currentPattern(base, song);
    const spec = setInstrument(
      toggleMute(
        cycleStep(toggleStep(setProgression(setBpm(base, 133), 2), pattern, 0, 3), pattern, 1, 5),
        'lead',
      ),
      'keys',
      'keys-organ',
    );
    const text = encodeArrangement(spec);
    expect(text).toMatch(/^style=pop&seed=7&bars=16&bpm=133&prog=2&drums=36k/);
    expect(decodeArrangement(text)).toEqual(spec);
    expect(arrangeSong(decodeArrangement(text)!).id).toBe(arrangeSong(spec).id);
  });

  it('refuses or cleans what a URL could carry', () => {
    expect(decodeArrangement('style=jazz&seed=1')).toBeNull();
    expect(decodeArrangement('style=pop&seed=-3')).toBeNull();
    expect(decodeArrangement('style=pop&seed=1&drums=36kXX')).toBeNull();
    expect(decodeArrangement('style=pop&seed=1&drums=99kX...............')).toBeNull();
    const cleaned = decodeArrangement(
      'style=pop&seed=1&bpm=9999&prog=42&mute=bass.nope&sound=bass:kick-808.lead:lead-saw',
    );
    expect(cleaned).toEqual({
      style: 'pop',
      seed: 1,
      bars: 16,
      bpm: 240,
      mutedTracks: ['bass'],
      instruments: { lead: 'lead-saw' },
    });
  });
});
