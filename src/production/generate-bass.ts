/** The bass part: chord roots and fifths in a style rhythm, with scale-step approaches to the next root. */
import type { Rng } from '../dsp/random';
import { BEATS_PER_BAR, humanise } from './events';
import { readPattern } from './grooves';
import { pitchClass, scaleOverChord } from './theory';
import type { Chord, Key, NoteEvent, Section } from './types';

const STEP = 0.25;
const SUSTAINED = 'R---------------';
const TWO_HALVES = 'R-------R-------';

/** Places a chord root in the style's bass range. */
export function bassRoot(chord: Chord, range: readonly [number, number]): number {
  return range[0] + pitchClass(chord.root - range[0]);
}

/** The scale note next to `target` on the side we come from (a step below it, or above if lower is out). */
function approach(key: Key, chord: Chord, target: number, from: number): number {
  const scale = scaleOverChord(key, chord);
  const dir = from < target ? -1 : 1;
  for (let d = 1; d <= 2; d++) {
    const n = target + dir * d;
    if (scale.includes(pitchClass(n))) return n;
  }
  return target - 5;
}

/** Options for the bass line. */
export interface BassOptions {
  key: Key;
  pattern: string;
  range: readonly [number, number];
  /** True when the intro should stay without bass (electronic build-ups). */
  silentIntro: boolean;
}

/**
 * One note per pattern onset: R root, F fifth, O octave, A a scale step leading into the next bar's root
 * (the fifth when the next root is the same). Quiet sections hold long roots; the last bar holds the tonic.
 */
export function generateBass(sections: readonly Section[], options: BassOptions, rng: Rng): NoteEvent[] {
  const events: NoteEvent[] = [];
  const allChords = sections.flatMap((s) => s.chords);
  const totalBars = allChords.length;
  for (const section of sections) {
    if (section.name === 'intro' && options.silentIntro) continue;
    for (let bar = 0; bar < section.bars; bar++) {
      const absBar = section.startBar + bar;
      const chord = section.chords[bar] as Chord;
      const nextChord = allChords[absBar + 1] ?? chord;
      let pattern = options.pattern;
      if (absBar === totalBars - 1 || (section.name === 'bridge' && bar < section.bars / 2))
        pattern = SUSTAINED;
      else if (section.name === 'intro') pattern = TWO_HALVES;
      const root = bassRoot(chord, options.range);
      const nextRoot = bassRoot(nextChord, options.range);
      for (const h of readPattern(pattern)) {
        let pitch = root;
        if (h.symbol === 'F') pitch = root + 7;
        else if (h.symbol === 'O') pitch = root + 12;
        else if (h.symbol === 'A')
          pitch = nextRoot === root ? root + 7 : approach(options.key, chord, nextRoot, root);
        if (h.symbol === 'F' && !chord.pitchClasses.includes(pitchClass(pitch))) pitch = root;
        const accent = h.step === 0 ? 0.95 : h.step % 4 === 0 ? 0.85 : 0.75;
        const legato = h.steps >= 4 ? 0 : 0.04;
        events.push({
          time: absBar * BEATS_PER_BAR + h.step * STEP,
          duration: h.steps * STEP - legato,
          pitch,
          velocity: humanise(accent, 0.05, rng.next),
        });
      }
    }
  }
  return events;
}
