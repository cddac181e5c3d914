/** Staircase thresholds in plain words, per exercise kind ("you reliably hear a 4 dB boost at 250 Hz"). */
import { formatHz } from '../dsp/bands';

/** Optional detail that makes the sentence more specific. */
export interface ThresholdContext {
  /** The band the threshold was measured at, when the drill kept to one (eq-boost). */
  atHz?: number;
  /** How many tracks played (level-change). */
  tracks?: number;
}

/** 0.5 dB steps, no trailing ".0": 4 → "4", 3.25 → "3.5" (rounded half up), 0.4 → "0.5". */
function decibels(value: number): string {
  const rounded = Math.max(0.5, Math.round(value * 2) / 2);
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

/** The nearest odd whole number (position counts are odd: the centre is one of them). */
function oddCount(value: number): number {
  return Math.max(3, 2 * Math.round((value - 1) / 2) + 1);
}

/**
 * One sentence saying what a threshold means for this kind. "Reliably" = the staircase's 70.7 % point.
 * Unknown kinds get a neutral sentence with the number.
 */
export function describeThreshold(kind: string, value: number, context: ThresholdContext = {}): string {
  if (!Number.isFinite(value)) return 'Not enough answers yet to find your threshold.';
  switch (kind) {
    case 'eq-boost': {
      const where = context.atHz ? `at ${formatHz(context.atHz)}` : 'in any of the ten octave bands';
      return `You reliably hear a ${decibels(value)} dB boost ${where}.`;
    }
    case 'level-change': {
      const mix = context.tracks ? ` in a mix of ${context.tracks} tracks` : ' in a mix';
      return `You reliably hear which track moved, and which way, when it moves by ${decibels(value)} dB${mix}.`;
    }
    case 'pan-position':
      return `You reliably place an instrument among ${oddCount(value)} positions from hard left to hard right.`;
    default:
      return `Your threshold is ${Math.round(value * 10) / 10}.`;
  }
}
