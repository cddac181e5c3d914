/** Music theory the generators need: scales, keys, roman numerals → chords, note names. */
import type { Chord, Key, Mode, PitchClass } from './types';

/** Semitone offsets of the major and natural minor scales from their tonic. */
export const SCALE_STEPS: Readonly<Record<Mode, readonly number[]>> = {
  major: [0, 2, 4, 5, 7, 9, 11],
  minor: [0, 2, 3, 5, 7, 8, 10],
};

const SHARP_NAMES = ['C', 'C♯', 'D', 'D♯', 'E', 'F', 'F♯', 'G', 'G♯', 'A', 'A♯', 'B'];
const FLAT_NAMES = ['C', 'D♭', 'D', 'E♭', 'E', 'F', 'G♭', 'G', 'A♭', 'A', 'B♭', 'B'];
/** Major keys (by tonic) spelled with flats; minor keys use their relative major's spelling. */
const FLAT_MAJOR_TONICS = new Set([1, 3, 5, 8, 10]);

/** Wraps any integer into a pitch class 0..11. */
export function pitchClass(note: number): PitchClass {
  return ((note % 12) + 12) % 12;
}

function usesFlats(key: Pick<Key, 'tonic' | 'mode'>): boolean {
  const relativeMajor = key.mode === 'major' ? key.tonic : pitchClass(key.tonic + 3);
  return FLAT_MAJOR_TONICS.has(relativeMajor);
}

/**
 * The name of a pitch class, spelled with sharps or flats to suit the key ("B♭" in F major); the raised
 * leading tone of a minor key is always a sharp ("C♯" in D minor).
 */
export function pitchClassName(pc: PitchClass, key?: Pick<Key, 'tonic' | 'mode'>): string {
  const leadingTone = key?.mode === 'minor' && pitchClass(pc) === pitchClass(key.tonic - 1);
  const names = key && usesFlats(key) && !leadingTone ? FLAT_NAMES : SHARP_NAMES;
  return names[pitchClass(pc)] as string;
}

/** A MIDI note's name with octave (60 → "C4"). */
export function noteName(midi: number, key?: Pick<Key, 'tonic' | 'mode'>): string {
  return `${pitchClassName(midi, key)}${Math.floor(midi / 12) - 1}`;
}

/** Builds a key with its readable name. */
export function createKey(tonic: PitchClass, mode: Mode): Key {
  const pc = pitchClass(tonic);
  return { tonic: pc, mode, name: `${pitchClassName(pc, { tonic: pc, mode })} ${mode}` };
}

/** Pitch classes of the key's scale, tonic first. */
export function scalePitchClasses(key: Pick<Key, 'tonic' | 'mode'>): PitchClass[] {
  return SCALE_STEPS[key.mode].map((s) => pitchClass(key.tonic + s));
}

const NUMERALS = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii'];
const ROMAN_PATTERN = /^(VII|VI|IV|V|III|II|I|vii|vi|iv|v|iii|ii|i)(°|o)?(7)?$/;

/** A parsed roman numeral: scale degree 0..6 plus the quality it asks for. */
export interface RomanNumeral {
  degree: number;
  upper: boolean;
  diminished: boolean;
  seventh: boolean;
}

/** Parses "vi", "V7", "vii°" (diatonic numerals only); null if it is not one. */
export function parseRoman(text: string): RomanNumeral | null {
  const m = ROMAN_PATTERN.exec(text.trim());
  if (!m) return null;
  const numeral = m[1] as string;
  return {
    degree: NUMERALS.indexOf(numeral.toLowerCase()),
    upper: numeral !== numeral.toLowerCase(),
    diminished: m[2] !== undefined,
    seventh: m[3] !== undefined,
  };
}

/** Result of parsing a progression typed by a person. */
export type ProgressionParse = { ok: true; romans: string[] } | { ok: false; error: string };

/** Parses "I–V–vi–IV" (dashes, spaces or commas between numerals) into a list of 1..8 numerals. */
export function parseProgression(text: string): ProgressionParse {
  const parts = text
    .split(/[\s,–—-]+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (parts.length === 0) return { ok: false, error: 'The progression is empty.' };
  if (parts.length > 8) return { ok: false, error: 'Use at most 8 chords.' };
  const bad = parts.find((p) => parseRoman(p) === null);
  if (bad !== undefined)
    return { ok: false, error: `"${bad}" is not a roman numeral like I, ii, V7 or vii°.` };
  return { ok: true, romans: parts };
}

function qualitySuffix(intervals: readonly number[]): string {
  const [third, fifth, seventh] = [intervals[1], intervals[2], intervals[3]];
  const triad = third === 3 ? (fifth === 6 ? 'dim' : 'm') : fifth === 8 ? 'aug' : '';
  if (seventh === undefined) return triad;
  if (triad === '' && seventh === 11) return 'maj7';
  if (triad === 'dim' && seventh === 10) return 'm7♭5';
  return `${triad}${seventh === 11 ? 'maj7' : '7'}`;
}

/**
 * The chord a roman numeral names in a key, stacked in diatonic thirds; an upper-case numeral on a
 * minor third raises it (V in minor becomes major, with the leading tone), a lower-case one on a
 * major third lowers it, ° flattens the fifth. Throws RangeError on a string that is not a numeral.
 */
export function chordFromRoman(roman: string, key: Pick<Key, 'tonic' | 'mode'>): Chord {
  const parsed = parseRoman(roman);
  if (!parsed) throw new RangeError(`Not a roman numeral: "${roman}"`);
  const steps = SCALE_STEPS[key.mode];
  const at = (d: number): number => (steps[d % 7] as number) + 12 * Math.floor(d / 7);
  const rootStep = at(parsed.degree);
  const intervals = [0, 2, 4, ...(parsed.seventh ? [6] : [])].map((k) => at(parsed.degree + k) - rootStep);
  if (parsed.upper && intervals[1] === 3) intervals[1] = 4;
  if (!parsed.upper && intervals[1] === 4) intervals[1] = 3;
  if (parsed.diminished) intervals[2] = 6;
  else if (intervals[2] === 6 && parsed.upper) intervals[2] = 7;
  const root = pitchClass(key.tonic + rootStep);
  return {
    roman: roman.trim(),
    root,
    pitchClasses: intervals.map((i) => pitchClass(root + i)),
    name: `${pitchClassName(root, key)}${qualitySuffix(intervals)}`,
  };
}

/**
 * The scale melodies use over a chord: the key's scale with any chord tone that is not in it
 * replacing its neighbour (so over V in minor the leading tone replaces the flat seventh).
 */
export function scaleOverChord(key: Pick<Key, 'tonic' | 'mode'>, chord: Chord): PitchClass[] {
  const scale = scalePitchClasses(key);
  for (const pc of chord.pitchClasses) {
    if (scale.includes(pc)) continue;
    const below = scale.indexOf(pitchClass(pc - 1));
    const above = scale.indexOf(pitchClass(pc + 1));
    const replace = below >= 0 ? below : above;
    if (replace >= 0) scale[replace] = pc;
  }
  return scale;
}

/** All MIDI notes in [low, high] whose pitch class is in `pcs`, ascending. */
export function notesInRange(pcs: readonly PitchClass[], low: number, high: number): number[] {
  const out: number[] = [];
  for (let n = low; n <= high; n++) if (pcs.includes(pitchClass(n))) out.push(n);
  return out;
}
