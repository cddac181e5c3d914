/**
 * Thresholds in plain words, per exercise kind, with their range ("You hear a boost of about 4 dB
 * (somewhere between 3 and 6 dB)"). At the easiest end of the range the sentence says it was not heard
 * reliably even there; at the hardest end that even the smallest change was heard.
 */
import { formatHz } from '../dsp/bands';
import type { MainVariable } from '../exercises/types';
import type { ThresholdRange } from './estimator';

/** Optional detail that makes the sentence more specific. */
export interface ThresholdContext {
  /** The band the threshold was measured at, when the drill kept to one (eq-boost). */
  atHz?: number;
  /** How many tracks played (level-change). */
  tracks?: number;
}

/** What the sentence needs to know about the variable: its range and which way is easier. */
export type VariableRange = Pick<MainVariable, 'min' | 'max' | 'easier'>;

/** Where an estimate sits: inside the range, at its easiest end (not heard even there) or its hardest end. */
export type ThresholdPlace = 'inside' | 'easiest' | 'hardest';

/** Whether an estimate sits at an end of the variable's range (within 2 %). */
export function thresholdPlace(estimate: ThresholdRange, variable: VariableRange): ThresholdPlace {
  const nearMax = estimate.value >= variable.max * 0.98;
  const nearMin = estimate.value <= variable.min * 1.02;
  if (variable.easier === 'larger') return nearMax ? 'easiest' : nearMin ? 'hardest' : 'inside';
  return nearMin ? 'easiest' : nearMax ? 'hardest' : 'inside';
}

/** 0.5 dB steps, no trailing ".0": 4 → "4", 3.25 → "3.5", 0.4 → "0.5"; `round` picks the direction. */
function decibels(value: number, round: (x: number) => number = Math.round): string {
  const rounded = Math.max(0.5, round(value * 2) / 2);
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

/** Whole percent (at least 1). */
function percent(value: number, round: (x: number) => number = Math.round): string {
  return String(Math.max(1, round(value)));
}

/** "about 4 dB (somewhere between 3 and 6 dB)", or "about 4 dB" when the rounded range is one number. */
function aboutWithRange(
  estimate: ThresholdRange,
  format: (v: number, r?: (x: number) => number) => string,
  unit: string,
): string {
  const value = format(estimate.value);
  const low = format(estimate.low, Math.floor);
  const high = format(estimate.high, Math.ceil);
  const range = low === high ? '' : ` (somewhere between ${low} and ${high}${unit})`;
  return `about ${value}${unit}${range}`;
}

/** How many evenly spaced positions from hard left to hard right a spacing (% of the width) makes: 100/s + 1. */
export function positionsAt(spacingPct: number): number {
  return Math.max(2, Math.round(100 / spacingPct) + 1);
}

/**
 * One sentence saying what a threshold estimate means for this kind (the learner is right three times in
 * four at the value). Unknown kinds get a neutral sentence with the numbers.
 */
export function describeThreshold(
  kind: string,
  estimate: ThresholdRange | null,
  variable: VariableRange,
  context: ThresholdContext = {},
): string {
  if (!estimate || !Number.isFinite(estimate.value)) return 'Not enough answers yet to find your threshold.';
  const place = thresholdPlace(estimate, variable);
  switch (kind) {
    case 'eq-boost': {
      const where = context.atHz ? `at ${formatHz(context.atHz)}` : 'in any of the ten octave bands';
      if (place === 'easiest')
        return `Even the biggest boost here (${decibels(variable.max)} dB) was not clear to you yet ${where}: try the levels first.`;
      if (place === 'hardest')
        return `You hear even the smallest boost here (${decibels(variable.min)} dB) ${where}.`;
      return `You hear a boost of ${aboutWithRange(estimate, decibels, ' dB')} ${where}.`;
    }
    case 'level-change': {
      const mix = context.tracks ? ` in a mix of ${context.tracks} tracks` : ' in a mix';
      if (place === 'easiest')
        return `Even the biggest move here (${decibels(variable.max)} dB) was not clear to you yet${mix}: try the levels first.`;
      if (place === 'hardest')
        return `You hear which track moved, and which way, even when it moves by ${decibels(variable.min)} dB${mix}, the smallest here.`;
      return `You hear which track moved, and which way, when it moves by ${aboutWithRange(estimate, decibels, ' dB')}${mix}.`;
    }
    case 'pan-position': {
      if (place === 'easiest')
        return 'Even seven positions from hard left to hard right were not clear to you yet: try the levels first.';
      if (place === 'hardest')
        return `You place an instrument to within ${percent(variable.min)} % of the stereo width, the finest here.`;
      return `You place an instrument to within ${aboutWithRange(estimate, percent, ' %')} of the stereo width: like telling ${positionsAt(estimate.value)} positions apart from hard left to hard right.`;
    }
    case 'comp-spot': {
      if (place === 'easiest')
        return `Even ${decibels(variable.max)} dB of compression, the most here, was not clear to you yet: try the levels first.`;
      if (place === 'hardest')
        return `You hear which version is compressed even when it takes only ${decibels(variable.min)} dB off the peaks, the least here.`;
      return `You hear which version is compressed when it takes ${aboutWithRange(estimate, decibels, ' dB')} off the peaks.`;
    }
    case 'eq-two-bands': {
      if (place === 'easiest')
        return `Even a boost and a cut of ${decibels(variable.max)} dB, the biggest here, were not clear to you yet: try the levels first.`;
      if (place === 'hardest')
        return `You name both the boosted and the cut octave even when each is only ${decibels(variable.min)} dB, the smallest here.`;
      return `You name both the boosted and the cut octave when each is ${aboutWithRange(estimate, decibels, ' dB')}.`;
    }
    case 'loudness': {
      if (place === 'easiest')
        return `Even ${decibels(variable.max)} dB, the biggest level difference here, was not clear to you yet: try the levels first.`;
      if (place === 'hardest')
        return `You hear which version is louder even when it is only ${decibels(variable.min)} dB louder, the smallest here.`;
      return `You hear which of two otherwise identical versions is louder when they differ by ${aboutWithRange(estimate, decibels, ' dB')}.`;
    }
    case 'saturation': {
      if (place === 'easiest')
        return `Even ${decibels(variable.max)} dB of drive, the most here, was not clear to you yet: try the levels first.`;
      if (place === 'hardest')
        return `You hear which version is distorted even at ${decibels(variable.min)} dB of drive, the least here.`;
      return `You hear which version is distorted at ${aboutWithRange(estimate, decibels, ' dB')} of drive.`;
    }
    case 'filters': {
      const octaves = (v: number) => String(Math.round(v * 100) / 100);
      if (place === 'easiest')
        return `Even cutoffs ${octaves(variable.max)} octaves apart were not clear to you yet: try the levels first.`;
      if (place === 'hardest')
        return `You hear which version is cut higher even when the cutoffs are only ${octaves(variable.min)} octaves apart, the closest here.`;
      return `You hear which version is cut higher when the cutoffs are ${aboutWithRange(estimate, octaves, ' octaves')} apart.`;
    }
    case 'stereo-width': {
      if (place === 'easiest')
        return 'Even a mix against its mono version was not clear to you yet: try the levels first.';
      if (place === 'hardest')
        return `You hear which version is wider even when the other is only ${percent(variable.min)} % narrower, the least here.`;
      return `You hear which version is wider when the other is ${aboutWithRange(estimate, percent, ' %')} narrower.`;
    }
    case 'reverb-type': {
      const times = (v: number, round: (x: number) => number = Math.round) =>
        String(Math.max(1.1, round(v * 10) / 10));
      if (place === 'easiest')
        return `Even a space ${times(variable.max)} times the size of the other was not clear to you yet: try the levels first.`;
      if (place === 'hardest')
        return `You hear which space is larger even when it is only ${times(variable.min)} times the size of the other, the closest here.`;
      return `You hear which space is larger when it is ${aboutWithRange(estimate, times, ' times')} the size of the other.`;
    }
    default: {
      const r = (v: number) => Math.round(v * 10) / 10;
      return `Your threshold is about ${r(estimate.value)} (somewhere between ${r(estimate.low)} and ${r(estimate.high)}).`;
    }
  }
}
