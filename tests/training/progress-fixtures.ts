/** Hand-made attempts and kinds for the progress analytics tests. */
import type { MainVariable } from '../../src/exercises/types';
import type { AttemptRecord, KindInfo } from '../../src/training/progress-records';

/** A day in ms. */
export const DAY = 86_400_000;
/** An arbitrary UTC day number the tests count from (2024-10-04). */
export const D0 = 20_000;

/** Epoch ms of `hour` o'clock UTC on day `day`. */
export function at(day: number, hour = 12, minute = 0): number {
  return day * DAY + hour * 3_600_000 + minute * 60_000;
}

/** A fixed-level attempt. */
export function attempt(
  exercise: string,
  skill: string,
  score: number,
  time: number,
  extra: Partial<AttemptRecord> = {},
): AttemptRecord {
  return { exercise, skill, level: 1, score, at: time, question: { kind: exercise }, answer: {}, ...extra };
}

/** An eq-boost attempt: played band, answered band, resolution, direction asked/answered. */
export function eqAttempt(
  targetHz: number,
  bandHz: number | undefined,
  options: {
    resolution?: 'octave' | 'third';
    askDirection?: boolean;
    direction?: string;
    answered?: string;
  } = {},
): AttemptRecord {
  const right = bandHz === targetHz;
  return {
    exercise: 'eq-boost',
    skill: 'eq',
    level: 3,
    score: right ? 100 : 50,
    at: at(D0),
    question: {
      kind: 'eq-boost',
      resolution: options.resolution ?? 'octave',
      targetHz,
      direction: options.direction ?? 'boost',
      askDirection: options.askDirection ?? false,
    },
    answer:
      bandHz === undefined ? {} : { bandHz, direction: options.answered ?? options.direction ?? 'boost' },
  };
}

const EQ_VARIABLE: MainVariable = {
  name: 'boost',
  unit: 'dB',
  easier: 'larger',
  start: 12,
  min: 0.5,
  max: 18,
  baseLevel: 3,
  chance: 1 / 10,
};

const LEVEL_VARIABLE: MainVariable = {
  name: 'level change',
  unit: 'dB',
  easier: 'larger',
  start: 8,
  min: 0.5,
  max: 12,
  baseLevel: 3,
  chance: 1 / 12,
};

const PAN_VARIABLE: MainVariable = {
  name: 'spacing between positions',
  unit: '% of the width',
  easier: 'larger',
  start: 16.67,
  min: 2,
  max: 16.67,
  baseLevel: 3,
  chance: 1 / 7,
};

/** A small catalog mirroring the registry's metas (titles, skills, level names, adaptive variables). */
export const KINDS: KindInfo[] = [
  {
    id: 'eq-boost',
    title: 'Spot the EQ boost',
    skill: 'eq',
    levelNames: ['Three bands', 'Five bands', 'Ten octaves', 'Boosts and cuts'],
    mainVariable: EQ_VARIABLE,
  },
  { id: 'eq-match', title: 'Match the EQ', skill: 'eq', levelNames: ['One', 'Two'] },
  {
    id: 'level-change',
    title: 'What changed level?',
    skill: 'faders',
    levelNames: ['Big moves', '3 dB steps', '2 dB steps', '1 dB steps'],
    mainVariable: LEVEL_VARIABLE,
  },
  {
    id: 'pan-position',
    title: 'Where is it panned?',
    skill: 'pan',
    levelNames: ['Five positions', 'Seven positions'],
    mainVariable: PAN_VARIABLE,
  },
  { id: 'comp-spot', title: 'Hear the compressor', skill: 'compression', levelNames: ['Which one?'] },
];

/**
 * Adaptive attempts of one kind, one per character of `answers` ('+' right, '-' wrong), a minute apart from
 * `start`, each question carrying the value presented (`values`, same length) and `extra` question fields.
 */
export function adaptiveRun(
  exercise: string,
  skill: string,
  answers: string,
  values: readonly number[],
  start: number,
  extra: (i: number) => Record<string, unknown> = () => ({}),
): AttemptRecord[] {
  if (values.length !== answers.length)
    throw new Error(`${answers.length} answers but ${values.length} values`);
  return [...answers].map((ch, i) => ({
    exercise,
    skill,
    level: 3,
    score: ch === '+' ? 100 : 34,
    at: start + i * 60_000,
    question: { kind: exercise, adaptiveValue: values[i], ...extra(i) },
    answer: {},
  }));
}
