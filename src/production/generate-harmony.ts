/** The chords and keys parts: voice-led chord voicings, power chords, arpeggios and comping. */
import type { Rng } from '../dsp/random';
import { BEATS_PER_BAR, humanise } from './events';
import { readPattern } from './grooves';
import { pitchClass } from './theory';
import type { Chord, NoteEvent, Section } from './types';

const STEP = 0.25;
const SUSTAINED = 'C---------------';

/** Chord tones stacked upwards from the root placed at or above `low`. */
export function stackFromRoot(chord: Chord, low: number): number[] {
  const root = low + pitchClass(chord.root - low);
  return chord.pitchClasses.map((pc) => root + pitchClass(pc - chord.root));
}

/**
 * A close-position voicing in [low, high]: every inversion is tried and the one closest to the previous
 * voicing wins (smooth voice leading), or the one nearest the middle of the range for the first chord.
 */
export function voiceChord(
  chord: Chord,
  previous: readonly number[] | null,
  low: number,
  high: number,
): number[] {
  let best: number[] = stackFromRoot(chord, low);
  let bestScore = Number.POSITIVE_INFINITY;
  const n = chord.pitchClasses.length;
  for (let inv = 0; inv < n; inv++) {
    const order = [...chord.pitchClasses.slice(inv), ...chord.pitchClasses.slice(0, inv)];
    for (let base = low; base < low + 12; base++) {
      if (pitchClass(base) !== order[0]) continue;
      const notes = [base];
      for (const pc of order.slice(1)) {
        const prev = notes[notes.length - 1] as number;
        notes.push(prev + 1 + pitchClass(pc - prev - 1));
      }
      if ((notes[notes.length - 1] as number) > high) continue;
      const mean = notes.reduce((a, b) => a + b, 0) / n;
      const score =
        previous && previous.length > 0
          ? notes.reduce(
              (s, x, i) => s + Math.abs(x - (previous[Math.min(i, previous.length - 1)] as number)),
              0,
            )
          : Math.abs(mean - (low + high) / 2);
      if (score < bestScore) {
        bestScore = score;
        best = notes;
      }
    }
  }
  return best;
}

/** Root, fifth and octave in [low, low + 11]: the rock guitar voicing. */
export function powerChord(chord: Chord, low: number): number[] {
  const root = low + pitchClass(chord.root - low);
  const fifth = root + pitchClass((chord.pitchClasses[2] as number) - chord.root);
  return [root, fifth, root + 12];
}

/** Options for the chords and keys parts. */
export interface HarmonyOptions {
  pattern: string;
  voicing: 'close' | 'power' | 'arpeggio';
  low: number;
  high: number;
  baseVelocity: number;
}

function isQuiet(section: Section, bar: number, isLastBar: boolean): boolean {
  return isLastBar || (section.name === 'bridge' && bar < section.bars / 2) || section.name === 'intro';
}

/**
 * Plays every bar's chord in the pattern's rhythm: 'C' sounds the whole voicing, digits one chord tone
 * counted up from the root (arpeggios), '-' holds. Intros, the first half of bridges and the last bar
 * hold whole-bar chords when `sustainQuiet` is set.
 */
export function generateHarmony(
  sections: readonly Section[],
  options: HarmonyOptions,
  sustainQuiet: boolean,
  rng: Rng,
): NoteEvent[] {
  const events: NoteEvent[] = [];
  const totalBars = sections.reduce((n, s) => n + s.bars, 0);
  let previous: number[] | null = null;
  for (const section of sections) {
    for (let bar = 0; bar < section.bars; bar++) {
      const absBar = section.startBar + bar;
      const chord = section.chords[bar] as Chord;
      const last = absBar === totalBars - 1;
      const pattern = (sustainQuiet && isQuiet(section, bar, last)) || last ? SUSTAINED : options.pattern;
      const voicing: number[] =
        options.voicing === 'power'
          ? powerChord(chord, options.low)
          : voiceChord(chord, previous, options.low, options.high);
      previous = voicing;
      const stack = stackFromRoot(chord, options.low);
      for (const h of readPattern(pattern)) {
        const index = Number(h.symbol);
        const pitches = Number.isNaN(index)
          ? voicing
          : [(stack[index % stack.length] as number) + 12 * Math.floor(index / stack.length)];
        const accent = h.step % 4 === 0 ? 1 : 0.85;
        const gap = h.steps >= 4 ? 0 : 0.05;
        // One velocity per onset: a chord is struck as one gesture (and renders as one cached sound).
        const velocity = humanise(options.baseVelocity * accent, 0.05, rng.next);
        const time = absBar * BEATS_PER_BAR + h.step * STEP;
        for (const pitch of pitches) events.push({ time, duration: h.steps * STEP - gap, pitch, velocity });
      }
    }
  }
  return events;
}
