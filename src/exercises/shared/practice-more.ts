/**
 * "Hear every choice" for the choice kinds added after the first five: stereo width, filters, saturation,
 * compression, level changes, two EQ moves and loudness. Each choice carries the question as it would be if
 * that choice were the planted one (`planted`), so the kind's own audibility check can judge the audition.
 * Pure.
 */
import { formatHz } from '../../dsp/bands';
import { formatDb } from '../../dsp/db';
import { compressorForChoice } from '../comp-spot/choice-compressor';
import type { CompSpotQuestion } from '../comp-spot/meta';
import type { EqTwoBandsQuestion } from '../eq-two-bands/meta';
import { type FiltersQuestion, type FilterType, meta as filtersMeta } from '../filters/meta';
import type { LevelChangeQuestion } from '../level-change/meta';
import type { LoudnessQuestion } from '../loudness/meta';
import type { SaturationQuestion } from '../saturation/meta';
import type { StereoWidthQuestion } from '../stereo-width/meta';
import type { QuestionBase } from '../types';
import { levelSpec } from './levels';
import { octaveWords } from './practice-words';

/** One answer to audition, with the question that plants it (for the audibility check). */
export interface PracticeCandidate {
  answer: unknown;
  label: string;
  sentence: string;
  /** The question as if this choice were the right one. */
  planted: QuestionBase;
}

/** What a width sounds like against the full (100 %) width. */
function widthWords(percent: number): string {
  if (percent <= 0) return 'mono: everything comes from the middle, the sides are gone';
  if (percent < 100) return 'narrower: the sides pulled in towards the middle';
  if (percent <= 150) return 'wider: the sides pushed out, the middle a little hollow';
  return 'very wide: spread past the speakers, the middle thin';
}

/** What a filter at a cutoff does to a mix. */
function filterWords(type: FilterType, hz: number): string {
  if (type === 'highpass') {
    if (hz < 100) return 'only the deepest rumble goes: a little lighter';
    if (hz < 300) return 'the bass gets thin: less weight and warmth';
    if (hz < 1000) return 'thin and small, like a cheap speaker';
    return 'very thin, like a phone: only the top is left';
  }
  if (hz > 8000) return 'a little less air and sparkle';
  if (hz > 3000) return 'duller: the sparkle and bite are gone';
  if (hz > 1000) return 'muffled, as if through a wall';
  return 'very muffled: only the low end is left';
}

/** What a drive into the saturation sounds like. */
function driveWords(db: number): string {
  if (db <= 4) return 'warmer and a touch thicker, hard to spot';
  if (db <= 10) return 'gritty on the loudest notes';
  if (db <= 16) return 'clearly crunchy: fuzz on every note';
  return 'heavily distorted: a buzzing fuzz';
}

/** What a compressor's choice sounds like against the dry part. */
function compWords(subtype: string, choice: string): string {
  if (subtype === 'attack')
    return choice === 'fast'
      ? 'the start of each note is squashed: softer, duller hits'
      : 'the start of each note gets through: punchy hits, then held down';
  if (subtype === 'release')
    return choice === 'fast'
      ? 'lets go at once: louder between the hits, it can flutter'
      : 'holds on: the level stays down between the hits, smoother';
  const db = Number(choice);
  if (db <= 3) return 'gentle: the loudest peaks a little tamed';
  if (db <= 6) return 'clearly squeezed: the loud notes held back, the quiet ones closer';
  return 'heavy: flat and dense, the punch is gone';
}

/** What a quieter copy of the same sound is like. */
function quieterWords(db: number): string {
  if (db <= 1) return 'just noticeable: listen closely';
  if (db <= 2) return 'a small step down, but clear';
  if (db <= 4) return 'clearly quieter';
  return 'much quieter: obvious';
}

/** The choices of one of these kinds' questions, or null (other kinds, or a drill whose answer is a side). */
export function moreCandidates(question: QuestionBase): PracticeCandidate[] | null {
  switch (question.kind) {
    case 'stereo-width': {
      const q = question as StereoWidthQuestion;
      // "Which is wider?" and "which part vanishes in mono?" answer with a side or a part already heard.
      if (q.subtype !== 'amount') return null;
      return q.choices.map((choice, i) => {
        const width = Number(choice) / 100;
        const label = `${q.choiceLabels[i] ?? `${choice} %`} wide`;
        return {
          answer: { choice },
          label,
          sentence: `${choice} % wide: ${widthWords(Number(choice))}.`,
          // A plays at 100 %: the audition is "which", A full width against B at this width.
          planted: { ...q, subtype: 'which', widthA: 1, widthB: width, correct: choice } as QuestionBase,
        };
      });
    }
    case 'filters': {
      const q = question as FiltersQuestion;
      if (q.subtype === 'which') return null;
      return q.choices.map((choice, i) => {
        const type: FilterType =
          q.subtype === 'type' ? (choice === 'lowpass' ? 'lowpass' : 'highpass') : q.filterB.type;
        // On "which filter?" each type plays at the level's cutoff for it (as the review plays it).
        const hz =
          q.subtype === 'type' ? levelSpec(filtersMeta, q.level).params.typeCutoffsHz[type] : Number(choice);
        const name = type === 'highpass' ? 'High-pass' : 'Low-pass';
        return {
          answer: { choice },
          label: q.subtype === 'type' ? (q.choiceLabels[i] ?? name) : `${name} at ${formatHz(hz)}`,
          sentence: `${name} at ${formatHz(hz)}: ${filterWords(type, hz)}.`,
          // A is the unfiltered mix: the audition is "no filter against this one" (the 'type' comparison).
          planted: {
            ...q,
            subtype: 'type',
            filterA: null,
            filterB: { type, frequencyHz: hz },
          } as QuestionBase,
        };
      });
    }
    case 'saturation': {
      const q = question as SaturationQuestion;
      if (q.subtype !== 'amount') return null;
      return q.choices.map((choice, i) => {
        const drive = Number(choice);
        return {
          answer: { choice },
          label: `Driven ${q.choiceLabels[i] ?? `+${choice} dB`}`,
          sentence: `+${choice} dB of drive: ${driveWords(drive)}.`,
          // Clean A against this drive: the "which is distorted?" check on this drive's measured distortion.
          planted: {
            ...q,
            subtype: 'which',
            driveDb: drive,
            distortedSide: 'B',
            distortionDb: [q.distortionDb[i] ?? Number.NEGATIVE_INFINITY],
          } as QuestionBase,
        };
      });
    }
    case 'comp-spot': {
      const q = question as CompSpotQuestion;
      if (q.subtype === 'which') return null;
      return q.choices.map((choice, i) => {
        const label = q.choiceLabels[i] ?? choice;
        const what = q.subtype === 'amount' ? 'Compressed' : q.subtype === 'attack' ? 'Attack' : 'Release';
        return {
          answer: { choice },
          label: `${what} ${label}`,
          sentence: `${what} ${label}: ${compWords(q.subtype, choice)}.`,
          planted: { ...q, compressor: compressorForChoice(q, choice), correct: choice } as QuestionBase,
        };
      });
    }
    case 'level-change': {
      const q = question as LevelChangeQuestion;
      const size = Math.abs(q.changeDb);
      return q.tracks.flatMap((track, trackIndex) =>
        (['up', 'down'] as const).map((direction) => {
          const db = direction === 'up' ? size : -size;
          return {
            answer: q.askAmount ? { trackIndex, direction, amountDb: size } : { trackIndex, direction },
            label: `${track.name} ${formatDb(db)}`,
            sentence: `${track.name} ${formatDb(db)}: ${direction === 'up' ? `the ${track.name.toLowerCase()} steps forward, closer and louder` : `the ${track.name.toLowerCase()} sinks back into the mix`}.`,
            planted: { ...q, changedIndex: trackIndex, changeDb: db } as QuestionBase,
          };
        }),
      );
    }
    case 'eq-two-bands': {
      const q = question as EqTwoBandsQuestion;
      // Every boost with the example's cut, then every cut with its boost (two octaves apart at least).
      const apart = (x: number, y: number) => Math.abs(Math.log2(x / y)) >= 1.99;
      const pairs: [number, number][] = [
        ...q.bandsHz.filter((b) => apart(b, q.cutHz)).map((b): [number, number] => [b, q.cutHz]),
        ...q.bandsHz
          .filter((c) => c !== q.cutHz && apart(c, q.boostHz))
          .map((c): [number, number] => [q.boostHz, c]),
      ];
      return pairs.map(([boostHz, cutHz]) => ({
        answer: { boostHz, cutHz },
        label: `${formatDb(q.gainDb)} at ${formatHz(boostHz)}, ${formatDb(-q.gainDb)} at ${formatHz(cutHz)}`,
        sentence: `${formatDb(q.gainDb)} at ${formatHz(boostHz)} and ${formatDb(-q.gainDb)} at ${formatHz(cutHz)}: ${octaveWords(boostHz, false)}, and ${octaveWords(cutHz, true)}.`,
        planted: { ...q, boostHz, cutHz } as QuestionBase,
      }));
    }
    case 'loudness': {
      const q = question as LoudnessQuestion;
      // Which side is louder is a side already heard; the amounts can be heard one by one.
      if (!q.askAmount) return null;
      return q.amountsDb.map((amountDb) => ({
        answer: { side: q.louderSide, amountDb },
        label: `${amountDb} dB quieter`,
        sentence: `B ${amountDb} dB quieter than A: ${quieterWords(amountDb)}.`,
        planted: { ...q, differenceDb: amountDb } as QuestionBase,
      }));
    }
    default:
      return null;
  }
}
