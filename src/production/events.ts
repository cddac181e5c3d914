/** Small helpers for event lists: swing, rounding, de-duplication, chord lookup. */
import type { Chord, NoteEvent, Section } from './types';

/** Beats per bar (every song is in 4/4). */
export const BEATS_PER_BAR = 4;

const GRID = 1e6;

/** Rounds a time in beats to a micro-beat grid so lists print and compare stably. */
export function roundBeats(beats: number): number {
  return Math.round(beats * GRID) / GRID;
}

/**
 * Moves the second sixteenth of every eighth-note pair later: ratio 0.5 leaves time straight, 0.667
 * gives a triplet shuffle. Eighth-note positions (and so beats and bars) never move.
 */
export function swingTime(beats: number, ratio: number): number {
  if (ratio === 0.5) return beats;
  const pair = Math.floor(beats * 2 + 1e-9) / 2;
  const pos = beats - pair;
  const warped = pos <= 0.25 ? pos * 2 * ratio : ratio * 0.5 + (pos - 0.25) * 2 * (1 - ratio);
  return pair + warped;
}

/** Applies swing to a whole event list (starts and ends both move, so notes keep touching). */
export function swingEvents(events: readonly NoteEvent[], ratio: number): NoteEvent[] {
  if (ratio === 0.5) return events.slice();
  return events.map((e) => {
    const start = swingTime(e.time, ratio);
    const end = swingTime(e.time + e.duration, ratio);
    const swung: NoteEvent = {
      time: start,
      duration: Math.max(end - start, 1e-3),
      pitch: e.pitch,
      velocity: e.velocity,
    };
    if (e.vowel) swung.vowel = e.vowel;
    if (e.consonant) swung.consonant = e.consonant;
    return swung;
  });
}

/**
 * Rounds, clamps velocity to [0.05, 1], keeps one event per (time, pitch) — the louder — and sorts by
 * time then pitch.
 */
export function finaliseEvents(events: readonly NoteEvent[]): NoteEvent[] {
  const byKey = new Map<number, NoteEvent>();
  for (const e of events) {
    const time = roundBeats(e.time);
    const velocity = Math.round(Math.min(1, Math.max(0.05, e.velocity)) * 1000) / 1000;
    const clean: NoteEvent = { time, duration: roundBeats(e.duration), pitch: e.pitch, velocity };
    if (e.vowel) clean.vowel = e.vowel;
    if (e.consonant) clean.consonant = e.consonant;
    const key = Math.round(time * GRID) * 256 + e.pitch;
    const old = byKey.get(key);
    if (!old || old.velocity < clean.velocity) byKey.set(key, clean);
  }
  return [...byKey.values()].sort((a, b) => a.time - b.time || a.pitch - b.pitch);
}

/** The section a time (in beats) falls in, or undefined past the end. */
export function sectionAt(sections: readonly Section[], beats: number): Section | undefined {
  return sections.find(
    (s) => beats >= s.startBar * BEATS_PER_BAR && beats < (s.startBar + s.bars) * BEATS_PER_BAR,
  );
}

/** The chord sounding at a time (in beats), or undefined past the end. */
export function chordAt(sections: readonly Section[], beats: number): Chord | undefined {
  const section = sectionAt(sections, beats);
  if (!section) return undefined;
  return section.chords[Math.floor(beats / BEATS_PER_BAR) - section.startBar];
}

/** Scales a velocity by a random factor in [1 − amount, 1 + amount/2] (humans rarely hit harder than meant). */
export function humanise(velocity: number, amount: number, next: () => number): number {
  return Math.min(1, velocity * (1 - amount + next() * amount * 1.5));
}
