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
import { exercises } from '../registry';
import type { ReverbTimeQuestion } from '../reverb-time/meta';
import { type ReverbTypeQuestion, TYPE_LABELS } from '../reverb-type/meta';
import type { QuestionBase } from '../types';
import { audibleToPlay } from './practice-audible';
import { moreCandidates, type PracticeCandidate } from './practice-more';
import { octaveWords } from './practice-words';

/** One answer to audition. */
export interface PracticeChoice {
  /** The answer, as the kind's check would take it. */
  answer: unknown;
  /** Short label: "+12 dB at 250 Hz". */
  label: string;
  /** What it sounds like, one plain sentence. */
  sentence: string;
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

/**
 * The kinds with a practice mode (practiceChoices gives their answers). Some only on some drills: reverb-type
 * on "which space?", stereo-width on "how wide?", filters on "which filter?" and "where is the cutoff?",
 * saturation on "how much drive?", comp-spot on amount, attack and release, loudness when the amount is asked;
 * never where the answer is a side (A or B), since both sides are heard already.
 */
export const PRACTICE_KINDS: ReadonlySet<string> = new Set([
  'eq-boost',
  'reverb-time',
  'delay-time',
  'pan-position',
  'reverb-type',
  'stereo-width',
  'filters',
  'saturation',
  'comp-spot',
  'level-change',
  'eq-two-bands',
  'loudness',
]);

/**
 * Every answer of a choice question with its sentence, keeping only the choices whose audition passes the
 * kind's own audibility check (the question as if that choice were planted); null for kinds or drills
 * without a practice mode, or when fewer than two choices can be heard.
 */
export function practiceChoices(question: QuestionBase): PracticeChoice[] | null {
  const all = candidates(question);
  if (!all) return null;
  const heard = all.filter((c) => audibleToPlay(c.planted));
  if (heard.length < 2) return null;
  return heard.map(({ answer, label, sentence }) => ({ answer, label, sentence }));
}

/** Every answer of a question, with the question that plants it. */
function candidates(question: QuestionBase): PracticeCandidate[] | null {
  switch (question.kind) {
    case 'eq-boost': {
      const q = question as EqBoostQuestion;
      const cut = q.gainDb < 0;
      return q.bandsHz.map((bandHz) => ({
        answer: q.askDirection ? { bandHz, direction: q.direction } : { bandHz },
        label: `${formatDb(q.gainDb)} at ${formatHz(bandHz)}`,
        sentence: `${formatDb(q.gainDb)} at ${formatHz(bandHz)}: ${octaveWords(bandHz, cut)}.`,
        planted: { ...q, targetHz: bandHz },
      }));
    }
    case 'reverb-time': {
      const q = question as ReverbTimeQuestion;
      // With the pre-delay asked too, every choice keeps the example's own pre-delay: only the decay changes.
      return q.decayChoicesS.map((decayS) => ({
        answer: q.askPreDelay ? { decayS, preDelayMs: q.reverb.preDelayMs } : { decayS },
        label: `${decayS} s decay`,
        sentence: `${decayS} s: ${decayWords(decayS)}.`,
        planted: { ...q, reverb: { ...q.reverb, decayS } },
      }));
    }
    case 'delay-time': {
      const q = question as DelayTimeQuestion;
      return q.noteChoices.map((note) => ({
        answer: { note },
        label: `${note} note`,
        sentence: `${note} at ${q.bpm} BPM: ${noteWords(note)}.`,
        planted: { ...q, note },
      }));
    }
    case 'pan-position': {
      const q = question as PanPositionQuestion;
      return q.positionsPan.map((pan, positionIndex) => ({
        answer: { positionIndex },
        label: `Panned ${formatPan(pan)}`,
        sentence: `${formatPan(pan)}: ${panWords(pan)}.`,
        planted: { ...q, targetIndex: positionIndex },
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
          planted: q,
        };
      });
    }
    default:
      return moreCandidates(question);
  }
}

/** The drills (subtypes) of each kind whose answers are a list to hear; kinds not named here: every drill. */
const LISTED_SUBTYPES: Readonly<Record<string, readonly string[]>> = {
  'reverb-type': ['type'],
  'stereo-width': ['amount'],
  filters: ['type', 'cutoff'],
  saturation: ['amount'],
  'comp-spot': ['amount', 'attack', 'release'],
};

/**
 * Whether a level of a kind can have a practice list, from its meta alone (no question made): a practice kind,
 * and a level that asks a listed drill (loudness: with the amount asked). The panel is offered only then.
 */
export function practiceOffered(kind: string, level: number): boolean {
  if (!PRACTICE_KINDS.has(kind)) return false;
  const spec = (exercises as Readonly<Record<string, (typeof exercises)[keyof typeof exercises]>>)[kind]?.meta
    .levels[level - 1];
  const params = (spec?.params ?? {}) as { subtypes?: readonly string[]; askAmount?: boolean };
  if (kind === 'loudness') return params.askAmount === true;
  const listed = LISTED_SUBTYPES[kind];
  return !listed || !params.subtypes || params.subtypes.some((t) => listed.includes(t));
}

/** Whether a question's drill has a list of answers to hear (before the audibility check; cheap). */
export function hasPracticeList(question: QuestionBase): boolean {
  return candidates(question) !== null;
}

/** The seed of a kind's practice question: never the scored question's own, so practice gives nothing away. */
export function practiceSeed(seed: number): number {
  return (seed * 7919 + 104_729) % 2_147_483_647;
}
