/**
 * "Hear every choice": for the choice kinds, every answer a question offers, each with a label and one
 * sentence of what it sounds like, so a learner can audition them against the reference before a scored round.
 * Pure: play's review(answer) makes the audible version of each choice.
 */
import { formatHz } from '../../dsp/bands';
import { formatDb } from '../../dsp/db';
import { formatPan } from '../../dsp/pan';
import type { DelayTimeQuestion } from '../delay-time/meta';
import type { EqBoostQuestion } from '../eq-boost/meta';
import type { PanPositionQuestion } from '../pan-position/meta';
import type { ReverbTimeQuestion } from '../reverb-time/meta';
import { type ReverbTypeQuestion, TYPE_LABELS } from '../reverb-type/meta';
import type { QuestionBase } from '../types';

/** One answer to audition. */
export interface PracticeChoice {
  /** The answer, as the kind's check would take it. */
  answer: unknown;
  /** Short label: "+12 dB at 250 Hz". */
  label: string;
  /** What it sounds like, one plain sentence. */
  sentence: string;
}

/** What a boost (and a cut) does in each octave, lowest first (31.5 Hz … 16 kHz). */
const OCTAVE_WORDS: readonly [Hz: number, boost: string, cut: string][] = [
  [31.5, 'deep rumble, felt more than heard', 'less rumble, a little lighter'],
  [63, 'weight and thump', 'lighter, less weight'],
  [125, 'boomy and fat', 'thinner bass'],
  [250, 'thick and muddy', 'clearer, less muddy'],
  [500, 'boxy and hollow', 'less boxy, more open'],
  [1000, 'honky and nasal', 'scooped, softer middle'],
  [2000, 'forward and hard', 'softer, further away'],
  [4000, 'edgy and sharp', 'duller attack, less bite'],
  [8000, 'bright and hissy', 'darker, less hiss'],
  [16000, 'airy and open', 'closed, less air'],
];

/** The words for the octave nearest `hz`. */
function octaveWords(hz: number, cut: boolean): string {
  let best = OCTAVE_WORDS[0]!;
  for (const w of OCTAVE_WORDS)
    if (Math.abs(Math.log2(w[0] / hz)) < Math.abs(Math.log2(best[0] / hz))) best = w;
  return cut ? best[2] : best[1];
}

/** What a decay time sounds like. */
function decayWords(s: number): string {
  if (s < 0.6) return 'a small room: a short, tight tail';
  if (s < 1.5) return 'a medium room: a clear tail that dies quickly';
  if (s < 2.5) return 'a hall: a long, smooth tail';
  return 'a big hall or a church: a long wash between the notes';
}

/** What each reverb type sounds like at one decay. */
const SPACE_WORDS: Readonly<Record<string, string>> = {
  room: 'strong, close reflections right after the note, then the tail',
  plate: 'dense and bright from the first moment, no separate reflections',
  hall: 'a moment of space, then a slow, dark swell',
};

/** What a note value sounds like as an echo. */
function noteWords(note: string): string {
  if (note.endsWith('d')) return 'dotted: the echoes fall off the beat, a galloping feel';
  if (note.endsWith('t')) return 'triplet: three echoes to the beat’s two, a swung feel';
  const n = Number(note.split('/')[1]);
  if (n <= 2) return 'long: slow, spacious echoes';
  if (n === 4) return 'one echo on every beat';
  if (n === 8) return 'two echoes to the beat: busy, driving';
  return 'fast echoes that blur into a flutter';
}

/** Where a pan position puts the sound. */
function panWords(pan: number): string {
  const side = pan < 0 ? 'left' : 'right';
  const a = Math.abs(pan);
  if (a < 0.05) return 'centre: between the speakers, with the vocal and the bass';
  if (a < 0.45) return `a little to the ${side}: still close to the middle`;
  if (a < 0.95) return `well to the ${side}: clearly on one side`;
  return `hard ${side}: from one speaker only`;
}

/** The kinds with a practice mode (practiceChoices gives their answers; reverb-type only on "which space?"). */
export const PRACTICE_KINDS: ReadonlySet<string> = new Set([
  'eq-boost',
  'reverb-time',
  'delay-time',
  'pan-position',
  'reverb-type',
]);

/** Every answer of a choice question with its sentence; null for kinds without a practice mode. */
export function practiceChoices(question: QuestionBase): PracticeChoice[] | null {
  switch (question.kind) {
    case 'eq-boost': {
      const q = question as EqBoostQuestion;
      const cut = q.gainDb < 0;
      return q.bandsHz.map((bandHz) => ({
        answer: q.askDirection ? { bandHz, direction: q.direction } : { bandHz },
        label: `${formatDb(q.gainDb)} at ${formatHz(bandHz)}`,
        sentence: `${formatDb(q.gainDb)} at ${formatHz(bandHz)}: ${octaveWords(bandHz, cut)}.`,
      }));
    }
    case 'reverb-time': {
      const q = question as ReverbTimeQuestion;
      // With the pre-delay asked too, every choice keeps the example's own pre-delay: only the decay changes.
      return q.decayChoicesS.map((decayS) => ({
        answer: q.askPreDelay ? { decayS, preDelayMs: q.reverb.preDelayMs } : { decayS },
        label: `${decayS} s decay`,
        sentence: `${decayS} s: ${decayWords(decayS)}.`,
      }));
    }
    case 'delay-time': {
      const q = question as DelayTimeQuestion;
      return q.noteChoices.map((note) => ({
        answer: { note },
        label: `${note} note`,
        sentence: `${note} at ${q.bpm} BPM: ${noteWords(note)}.`,
      }));
    }
    case 'pan-position': {
      const q = question as PanPositionQuestion;
      return q.positionsPan.map((pan, positionIndex) => ({
        answer: { positionIndex },
        label: `Panned ${formatPan(pan)}`,
        sentence: `${formatPan(pan)}: ${panWords(pan)}.`,
      }));
    }
    case 'reverb-type': {
      const q = question as ReverbTypeQuestion;
      // "Which space?" only: in "which is larger?" the answer is a side, and both sides are already heard.
      if (q.subtype !== 'type') return null;
      return q.choices.map((choice) => {
        const name = TYPE_LABELS[choice as keyof typeof TYPE_LABELS] ?? choice;
        return {
          answer: { choice },
          label: name,
          sentence: `${name}, ${q.spaceB.decayS} s decay: ${SPACE_WORDS[choice] ?? 'a space'}.`,
        };
      });
    }
    default:
      return null;
  }
}

/** The seed of a kind's practice question: never the scored question's own, so practice gives nothing away. */
export function practiceSeed(seed: number): number {
  return (seed * 7919 + 104_729) % 2_147_483_647;
}
