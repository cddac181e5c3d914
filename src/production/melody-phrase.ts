/** Melody phrases: rhythms from style cells, pitches by a scale walk that lands on chord tones. */
import type { Rng } from '../dsp/random';
import { notesInRange, pitchClass, scaleOverChord } from './theory';
import type { Chord, Consonant, Key, Vowel } from './types';

/** A melody note with its time relative to the start of its section, in beats. */
export interface MelodyNote {
  time: number;
  duration: number;
  pitch: number;
  vowel?: Vowel;
  consonant?: Consonant;
}

/** Where a phrase heads and how it ends: an open question (3rd/5th), a close on the root, or home. */
export interface PhraseShape {
  contour: 'rise' | 'fall' | 'arch';
  ending: 'open' | 'close' | 'tonic';
}

/** What a phrase is built against. */
export interface PhraseContext {
  key: Key;
  range: readonly [number, number];
  /** The chord at a time relative to the phrase start. */
  chordAt: (beats: number) => Chord;
}

/** The entry in `notes` nearest to `target` (ties go to the lower note). */
export function nearest(notes: readonly number[], target: number): number {
  let best = notes[0] ?? target;
  for (const n of notes) if (Math.abs(n - target) < Math.abs(best - target)) best = n;
  return best;
}

/**
 * Onsets and lengths of a phrase that sings for `singBeats` beats: one cell per beat (maybe a rest on the
 * first beat as a pickup), at least three notes, each note held until the next onset.
 */
export function phraseRhythm(
  cells: readonly string[],
  singBeats: number,
  rng: Rng,
): { time: number; duration: number }[] {
  const onsets: number[] = [];
  const lateStart = rng.chance(0.25);
  for (let beat = 0; beat < singBeats; beat++) {
    const cell = beat === 0 && lateStart ? '....' : rng.pick(cells);
    for (let i = 0; i < 4; i++)
      if (cell[i] === 'x' && beat + i * 0.25 < singBeats - 0.25) onsets.push(beat + i * 0.25);
  }
  if (onsets.length === 0 || (onsets[0] as number) > 1) onsets.unshift(lateStart ? 1 : 0);
  for (let beat = 0; onsets.length < 3 && beat < singBeats; beat++) {
    if (!onsets.includes(beat)) onsets.push(beat);
    onsets.sort((a, b) => a - b);
  }
  return onsets.map((time, i) => ({ time, duration: (onsets[i + 1] ?? singBeats) - time }));
}

function ending(shape: PhraseShape['ending'], ctx: PhraseContext, chord: Chord, around: number): number {
  const [lo, hi] = ctx.range;
  let pcs: number[];
  if (shape === 'open') pcs = chord.pitchClasses.slice(1, 3);
  else if (shape === 'tonic' && chord.pitchClasses.includes(ctx.key.tonic)) pcs = [ctx.key.tonic];
  else pcs = [chord.root];
  return nearest(notesInRange(pcs, lo, hi), around);
}

const STEPS = [-2, -1, -1, -1, 0, 1, 1, 1, 2];

function stepBias(contour: PhraseShape['contour'], progress: number): number {
  if (contour === 'rise') return 0.6;
  if (contour === 'fall') return -0.6;
  return progress < 0.5 ? 0.7 : -0.7;
}

/**
 * Gives each onset a pitch: first note a chord tone near `start`, then mostly steps along the scale that
 * fits the current chord, strong beats (1 and 3) snapped to chord tones, leaps over a fifth pulled back,
 * and the last note set by the shape's ending.
 * Leaps wider than a fourth are pulled back to a third, so the line stays singable.
 */
export function phrasePitches(
  rhythm: readonly { time: number }[],
  ctx: PhraseContext,
  start: number,
  shape: PhraseShape,
  rng: Rng,
): number[] {
  const [lo, hi] = ctx.range;
  const out: number[] = [];
  let cur = start;
  rhythm.forEach(({ time }, i) => {
    const chord = ctx.chordAt(time);
    const chordNotes = notesInRange(chord.pitchClasses, lo, hi);
    const scaleNotes = notesInRange(scaleOverChord(ctx.key, chord), lo, hi);
    let pitch: number;
    if (i === 0) pitch = nearest(chordNotes, cur);
    else if (i === rhythm.length - 1) pitch = ending(shape.ending, ctx, chord, cur);
    else {
      const bias = stepBias(shape.contour, i / rhythm.length);
      let step = rng.pick(STEPS) + (rng.next() < Math.abs(bias) ? Math.sign(bias) : 0);
      if (cur >= hi - 2 && step > 0) step = -step;
      if (cur <= lo + 2 && step < 0) step = -step;
      const index = scaleNotes.indexOf(nearest(scaleNotes, cur));
      const target = scaleNotes[Math.max(0, Math.min(scaleNotes.length - 1, index + step))] as number;
      const strong = time % 2 === 0;
      pitch = strong ? nearest(chordNotes, target) : target;
      if (pitch === out[i - 1] && pitch === out[i - 2]) pitch = nearest(chordNotes, pitch + 3);
    }
    const prev = out[i - 1];
    if (prev !== undefined && Math.abs(pitch - prev) > 5) {
      pitch = nearest(i === rhythm.length - 1 ? chordNotes : scaleNotes, prev + Math.sign(pitch - prev) * 3);
    }
    out.push(pitch);
    cur = pitch;
  });
  return out;
}

/**
 * Fits an existing phrase to other chords (a repeated call, a hook in another section): strong-beat
 * notes move to the nearest chord tone, other notes to the nearest scale note, the last to the ending.
 */
export function refitPhrase(
  notes: readonly MelodyNote[],
  ctx: PhraseContext,
  end: PhraseShape['ending'],
): MelodyNote[] {
  const [lo, hi] = ctx.range;
  return notes.map((note, i) => {
    const chord = ctx.chordAt(note.time);
    const strong = note.time % 2 === 0;
    const pcs = strong ? chord.pitchClasses : scaleOverChord(ctx.key, chord);
    let pitch =
      pcs.includes(pitchClass(note.pitch)) && note.pitch >= lo && note.pitch <= hi
        ? note.pitch
        : nearest(notesInRange(pcs, lo, hi), note.pitch);
    if (i === notes.length - 1) pitch = ending(end, ctx, chord, pitch);
    return { ...note, pitch };
  });
}
