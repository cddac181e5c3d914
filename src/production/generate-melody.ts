/** The vocal and lead lines: call-and-answer phrases per section, hooks reused, lead licks in the gaps. */
import type { Rng } from '../dsp/random';
import { BEATS_PER_BAR, humanise } from './events';
import {
  type MelodyNote,
  nearest,
  type PhraseContext,
  phrasePitches,
  phraseRhythm,
  refitPhrase,
} from './melody-phrase';
import { notesInRange, scaleOverChord } from './theory';
import type { Chord, Consonant, Key, NoteEvent, Section, Vowel } from './types';

/** What the melody generators need. */
export interface MelodyOptions {
  key: Key;
  cells: readonly string[];
  vocalRange: readonly [number, number];
  leadRange: readonly [number, number];
}

const PHRASE_BEATS = 8;
const VOWELS: readonly Vowel[] = ['a', 'a', 'a', 'o', 'o', 'e', 'e', 'i', 'u'];
/** Syllable onsets, weighted roughly as in sung English; null: the vowel starts the syllable (or a slur). */
const CONSONANTS: readonly (Consonant | null)[] = [
  null,
  null,
  'l',
  'l',
  'm',
  'n',
  'n',
  'd',
  't',
  't',
  'k',
  'b',
  's',
  's',
  'sh',
  'f',
  'w',
  'y',
  'r',
  'h',
];

function context(
  options: MelodyOptions,
  range: readonly [number, number],
  chords: readonly Chord[],
  fromBar: number,
): PhraseContext {
  return {
    key: options.key,
    range,
    chordAt: (beats) =>
      chords[Math.min(chords.length - 1, fromBar + Math.floor(beats / BEATS_PER_BAR))] as Chord,
  };
}

function shift(notes: readonly MelodyNote[], by: number): MelodyNote[] {
  return notes.map((n) => ({ ...n, time: n.time + by }));
}

/** Moves a line by whole octaves so its average sits nearest the middle of `range`. */
function toRange(notes: readonly MelodyNote[], range: readonly [number, number]): MelodyNote[] {
  if (notes.length === 0) return [];
  const mean = notes.reduce((s, n) => s + n.pitch, 0) / notes.length;
  const octaves = Math.round(((range[0] + range[1]) / 2 - mean) / 12);
  return notes.map((n) => ({ ...n, pitch: n.pitch + 12 * octaves }));
}

/** Keeps the notes starting before `end` and shortens any that would ring past it. */
function clip(notes: readonly MelodyNote[], end: number): MelodyNote[] {
  return notes
    .filter((n) => n.time < end)
    .map((n) => ({ ...n, duration: Math.min(n.duration, end - n.time) }));
}

/** A fresh phrase of up to two bars starting at `fromBar` of the section. */
function freshPhrase(
  options: MelodyOptions,
  range: readonly [number, number],
  chords: readonly Chord[],
  fromBar: number,
  cells: readonly string[],
  start: number,
  shape: Parameters<typeof phrasePitches>[3],
  rng: Rng,
): MelodyNote[] {
  const rest = shape.ending === 'open' ? rng.pick([1, 1.5, 2]) : 2;
  const rhythm = phraseRhythm(cells, PHRASE_BEATS - rest, rng);
  const pitches = phrasePitches(rhythm, context(options, range, chords, fromBar), start, shape, rng);
  // Syllables from their own generator, so the tune (rhythm, pitches, vowels) is what it was without them.
  const syllables = rng.fork(`syllables:${fromBar}:${start}:${shape.contour}`);
  return rhythm.map((r, i) => {
    const note: MelodyNote = {
      ...r,
      pitch: pitches[i] as number,
      vowel: r.duration >= 1.5 ? rng.pick(['a', 'o'] as const) : rng.pick(VOWELS),
    };
    const consonant = syllables.pick(CONSONANTS);
    if (consonant) note.consonant = consonant;
    return note;
  });
}

/**
 * A section's melody, in two-bar phrases A B A' B'': A rises to an open ending (a question), B falls to
 * the root (the answer), the repeats are refitted to their chords and the last phrase comes home to the
 * tonic. Choruses sit higher and hold longer notes. Times are relative to the section start.
 */
export function sectionMelody(
  section: Section,
  options: MelodyOptions,
  range: readonly [number, number],
  rng: Rng,
): MelodyNote[] {
  const chorus = section.name === 'chorus';
  const cells = chorus ? [...options.cells, '....', 'x...'] : options.cells;
  const center = Math.round(range[0] + (chorus ? 0.6 : 0.4) * (range[1] - range[0]));
  const phrases = Math.max(1, Math.floor(section.bars / 2));
  const a = freshPhrase(
    options,
    range,
    section.chords,
    0,
    cells,
    center,
    { contour: 'rise', ending: 'open' },
    rng,
  );
  const aEnd = a[a.length - 1]?.pitch ?? center;
  const b = freshPhrase(
    options,
    range,
    section.chords,
    2,
    cells,
    aEnd,
    { contour: 'fall', ending: 'close' },
    rng,
  );
  const out: MelodyNote[] = [];
  for (let p = 0; p < phrases; p++) {
    const ctx = context(options, range, section.chords, p * 2);
    const last = p === phrases - 1;
    let notes: readonly MelodyNote[];
    if (p % 2 === 0) notes = p === 0 && !last ? a : refitPhrase(a, ctx, last ? 'tonic' : 'open');
    else notes = p === 1 && !last ? b : refitPhrase(b, ctx, last ? 'tonic' : 'close');
    out.push(...shift(notes, p * PHRASE_BEATS));
  }
  return out;
}

/** Long "ooh" notes, one chord tone per bar, voice-led around the middle of the range: a bridge backing line. */
function oohs(section: Section, range: readonly [number, number], start: number): MelodyNote[] {
  let cur = start;
  const middle = (range[0] + range[1]) / 2;
  return section.chords.map((chord, bar) => {
    cur = nearest(notesInRange(chord.pitchClasses, range[0], range[1]), (cur + middle) / 2);
    return { time: bar * BEATS_PER_BAR, duration: BEATS_PER_BAR - 0.5, pitch: cur, vowel: 'u' as const };
  });
}

/** Melody notes as events; `gate` < 1 detaches them (instruments), 1 keeps them legato with vowels (the voice). */
function toEvents(
  notes: readonly MelodyNote[],
  offset: number,
  gate: number,
  velocity: number,
  rng: Rng,
): NoteEvent[] {
  return notes.map((n) => {
    const e: NoteEvent = {
      time: offset + n.time,
      duration: n.duration * gate,
      pitch: n.pitch,
      velocity: humanise(n.time % 2 === 0 ? velocity : velocity * 0.88, 0.05, rng.next),
    };
    if (gate === 1 && n.vowel) e.vowel = n.vowel;
    if (gate === 1 && n.consonant) e.consonant = n.consonant;
    return e;
  });
}

/** Short answering licks in the lead range, filling the gaps between vocal phrases. */
function licks(
  section: Section,
  vocal: readonly MelodyNote[],
  options: MelodyOptions,
  rng: Rng,
): MelodyNote[] {
  const out: MelodyNote[] = [];
  const end = section.bars * BEATS_PER_BAR;
  const [lo, hi] = options.leadRange;
  vocal.forEach((note, i) => {
    const gapStart = note.time + note.duration + 0.5;
    const gapEnd = (vocal[i + 1]?.time ?? end) - 0.25;
    if (gapEnd - gapStart < 1 || (section.name === 'verse' && rng.chance(0.4))) return;
    const count = Math.min(4, Math.floor((gapEnd - gapStart) / 0.5));
    let cur = nearest(notesInRange([note.pitch % 12], lo, hi), note.pitch + 12);
    for (let k = 0; k < count; k++) {
      const time = gapStart + k * 0.5;
      const chord = section.chords[Math.floor(time / BEATS_PER_BAR)] as Chord;
      const last = k === count - 1;
      const notes = notesInRange(last ? chord.pitchClasses : scaleOverChord(options.key, chord), lo, hi);
      const index = notes.indexOf(nearest(notes, cur));
      cur = last ? nearest(notes, cur) : (notes[Math.max(0, index - 1)] as number);
      out.push({ time, duration: last ? Math.min(1, gapEnd - time) : 0.5, pitch: cur });
    }
  });
  return out;
}

/** Both melodic lines of a song. */
export interface MelodyParts {
  vocal: NoteEvent[];
  lead: NoteEvent[];
}

/**
 * Vocal: verses and choruses sing section melodies (repeated sections sing the same tune), bridges hold
 * "ooh"s, the outro sings the chorus hook once. Lead: the hook in the intro, licks between vocal phrases,
 * the tune in the bridge, and the answer that ends the song on the tonic.
 */
export function generateMelody(sections: readonly Section[], options: MelodyOptions, rng: Rng): MelodyParts {
  const vocal: NoteEvent[] = [];
  const lead: NoteEvent[] = [];
  const tunes = new Map<string, MelodyNote[]>();
  const tuneOf = (section: Section, range: readonly [number, number], tag: string): MelodyNote[] => {
    const id = `${tag}:${section.name}:${section.bars}:${section.chords.map((c) => c.roman).join(' ')}`;
    let tune = tunes.get(id);
    if (!tune) {
      tune = sectionMelody(section, options, range, rng.fork(id));
      tunes.set(id, tune);
    }
    return tune;
  };
  const chorus = sections.find((s) => s.name === 'chorus') ?? sections.find((s) => s.name === 'verse');
  const chorusTune = chorus ? tuneOf(chorus, options.vocalRange, 'vocal') : [];
  const hook = clip(chorusTune, PHRASE_BEATS);
  const hookAnswer = clip(
    shift(
      chorusTune.filter((n) => n.time >= PHRASE_BEATS),
      -PHRASE_BEATS,
    ),
    PHRASE_BEATS,
  );
  const leadHook = toRange(hook, options.leadRange);
  const leadAnswer = toRange(hookAnswer, options.leadRange);
  for (const section of sections) {
    const offset = section.startBar * BEATS_PER_BAR;
    const ctx = (range: readonly [number, number], bar: number) =>
      context(options, range, section.chords, bar);
    if (section.name === 'verse' || section.name === 'chorus') {
      const tune = tuneOf(section, options.vocalRange, 'vocal');
      vocal.push(...toEvents(tune, offset, 1, 0.85, rng));
      lead.push(...toEvents(licks(section, tune, options, rng), offset, 0.9, 0.7, rng));
    } else if (section.name === 'bridge') {
      const tune = tuneOf(section, options.leadRange, 'lead');
      lead.push(...toEvents(tune, offset, 0.92, 0.8, rng));
      vocal.push(
        ...toEvents(
          oohs(section, options.vocalRange, hook[0]?.pitch ?? options.vocalRange[0] + 7),
          offset,
          1,
          0.6,
          rng,
        ),
      );
    } else if (section.name === 'intro' && hook.length > 0) {
      const fitted = refitPhrase(leadHook, ctx(options.leadRange, 0), 'open');
      const answer =
        section.bars >= 4 ? shift(refitPhrase(leadAnswer, ctx(options.leadRange, 2), 'close'), 8) : [];
      lead.push(...toEvents([...fitted, ...answer], offset, 0.9, 0.75, rng));
    } else if (section.name === 'outro' && hook.length > 0) {
      if (section.bars >= 4)
        vocal.push(...toEvents(refitPhrase(hook, ctx(options.vocalRange, 0), 'open'), offset, 1, 0.8, rng));
      const from = section.bars >= 4 ? 2 : 0;
      const answer = refitPhrase(clip(leadAnswer, BEATS_PER_BAR), ctx(options.leadRange, from), 'close');
      const final = section.chords[section.bars - 1] as Chord;
      const home = nearest(
        notesInRange([options.key.tonic], options.leadRange[0], options.leadRange[1]),
        answer[answer.length - 1]?.pitch ?? 72,
      );
      const tonic = final.pitchClasses.includes(options.key.tonic)
        ? home
        : nearest(notesInRange([final.root], options.leadRange[0], options.leadRange[1]), home);
      lead.push(...toEvents(shift(answer, from * BEATS_PER_BAR), offset, 0.9, 0.75, rng));
      lead.push({
        time: offset + (section.bars - 1) * BEATS_PER_BAR,
        duration: BEATS_PER_BAR,
        pitch: tonic,
        velocity: 0.75,
      });
    }
  }
  return { vocal, lead };
}
