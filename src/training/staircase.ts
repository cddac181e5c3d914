/**
 * The adaptive staircase: 2-down/1-up on one variable where larger values are easier (e.g. dB of boost).
 * Two right answers in a row make it one step harder, one wrong answer one step easier, so it settles where
 * p(right)² = ½, i.e. at 70.7 % correct (Levitt 1971). The step halves after the first four reversals; the
 * threshold is the mean of the last six reversal values once six reversals after the halving exist.
 */
import type { MainVariable } from '../exercises/types';

/** Where the staircase starts and how it moves. */
export interface StaircaseOptions {
  /** First value presented. */
  start: number;
  /** Initial step (halved after the first four reversals); must be > 0. */
  step: number;
  /** Hardest value allowed. */
  min: number;
  /** Easiest value allowed. */
  max: number;
}

/** A running staircase. */
export interface Staircase {
  /** The value to present next. */
  readonly value: number;
  /** Reversals so far (changes of direction). */
  readonly reversals: number;
  /** Mean of the last six reversal values once six reversals after the halving exist, else null. */
  readonly threshold: number | null;
  /** The current step size. */
  readonly step: number;
  /** The values at which each reversal happened, in order. */
  readonly reversalValues: readonly number[];
  /** Answers recorded so far. */
  readonly trials: number;
  /** Records the answer to the question presented at `value` and moves the staircase. */
  record(correct: boolean): void;
}

/** Reversals after which the step is halved. */
export const HALVE_AFTER_REVERSALS = 4;
/** Reversals after the halving that the threshold averages. */
export const THRESHOLD_REVERSALS = 6;

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/** Creates a 2-down/1-up staircase (larger values easier). */
export function createStaircase(options: StaircaseOptions): Staircase {
  const min = Math.min(options.min, options.max);
  const max = Math.max(options.min, options.max);
  if (!(options.step > 0)) throw new RangeError(`step must be positive, got ${options.step}`);
  let value = clamp(options.start, min, max);
  let step = options.step;
  let rightInARow = 0;
  let lastMove: -1 | 0 | 1 = 0;
  let trials = 0;
  const reversalValues: number[] = [];

  const move = (direction: -1 | 1): void => {
    if (lastMove !== 0 && direction !== lastMove) {
      reversalValues.push(value);
      if (reversalValues.length === HALVE_AFTER_REVERSALS) step /= 2;
    }
    lastMove = direction;
    value = clamp(value + direction * step, min, max);
  };

  return {
    get value() {
      return value;
    },
    get reversals() {
      return reversalValues.length;
    },
    get threshold() {
      if (reversalValues.length < HALVE_AFTER_REVERSALS + THRESHOLD_REVERSALS) return null;
      const last = reversalValues.slice(-THRESHOLD_REVERSALS);
      return last.reduce((s, v) => s + v, 0) / last.length;
    },
    get step() {
      return step;
    },
    get reversalValues() {
      return reversalValues.slice();
    },
    get trials() {
      return trials;
    },
    record(correct: boolean) {
      trials++;
      if (correct) {
        rightInARow++;
        if (rightInARow === 2) {
          rightInARow = 0;
          move(-1);
        }
      } else {
        rightInARow = 0;
        move(1);
      }
    },
  };
}

/**
 * A staircase on an exercise kind's main variable, in that variable's own units: when smaller values are
 * easier (number of positions) it runs on the negated value, so "harder" still means a step down inside.
 */
export function createStaircaseFor(variable: MainVariable): Staircase {
  if (variable.easier === 'larger') {
    return createStaircase({
      start: variable.start,
      step: variable.step,
      min: variable.min,
      max: variable.max,
    });
  }
  const inner = createStaircase({
    start: -variable.start,
    step: variable.step,
    min: -variable.max,
    max: -variable.min,
  });
  return {
    get value() {
      return -inner.value;
    },
    get reversals() {
      return inner.reversals;
    },
    get threshold() {
      const t = inner.threshold;
      return t === null ? null : -t;
    },
    get step() {
      return inner.step;
    },
    get reversalValues() {
      return inner.reversalValues.map((v) => -v);
    },
    get trials() {
      return inner.trials;
    },
    record: (correct) => inner.record(correct),
  };
}
