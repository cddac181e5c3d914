/**
 * The adaptive threshold estimator (a Bayesian method after Kontsevich & Tyler's Ψ, in its "marginal" form,
 * Prins 2013). The learner is modelled by a psychometric function on the logarithm of the variable:
 *
 *   p(right at x) = chance + (1 − chance − LAPSE) · L((x − t) / s + c),   L(z) = 1 / (1 + e^−z),
 *
 * where x = ±ln(value) (signed so that a larger x is easier), t is the threshold (the x at which the
 * learner is right THRESHOLD_PERCENT % of the time; c places that point) and s how quickly the answers
 * go from guessing to sure. A grid of (t, s) hypotheses holds the belief: each answer multiplies it by the
 * likelihood of that answer. The next value is the one whose answer is expected to leave the least
 * uncertainty (entropy) about t, but never more than half the hardest value answered right so far (or the
 * start), so the first questions step down rather than jump. The estimate is the median of t's belief and an 80 % credible range (its
 * 10th and 90th percentiles). The first question is asked at `start`. With a `prior` (the last sitting's
 * estimate) the belief starts as a bell curve around it, a little wider than its range so it can move.
 * Pure and deterministic: the same answers give the same values and estimate.
 */

/** Questions in one adaptive drill. */
export const ADAPTIVE_TRIALS = 30;

/** The estimate's percent-correct point: the learner is right three times in four at the threshold. */
export const THRESHOLD_PERCENT = 75;

/** How often a learner who hears it still slips (the model's lapse rate). */
export const LAPSE = 0.03;

/** The share of belief the range holds (10th to 90th percentile). */
export const RANGE_CONFIDENCE = 0.8;

/** A threshold estimate in the variable's own units. */
export interface ThresholdRange {
  /** The value at which the learner is right `percentCorrect` % of the time (median of the belief). */
  value: number;
  /** Lower end of the ~80 % credible range (always ≤ value). */
  low: number;
  /** Upper end of the ~80 % credible range (always ≥ value). */
  high: number;
  /** The percent-correct point the value stands for. */
  percentCorrect: number;
}

/** What the estimator is set up with. */
export interface EstimatorOptions {
  /** The first value presented. */
  start: number;
  /** The smallest value that can be presented (> 0). */
  min: number;
  /** The largest value that can be presented (> min). */
  max: number;
  /** Which way is easier: 'larger' (dB of boost) or 'smaller'. */
  easier: 'larger' | 'smaller';
  /** The chance of a right answer by pure guessing (1/10 for one of ten bands), 0 … 0.7. */
  chance: number;
  /** The previous sitting's estimate: the belief starts around it. */
  prior?: { value: number; low: number; high: number } | null;
}

/** One answered question. */
export interface EstimatorTrial {
  value: number;
  correct: boolean;
}

/** A running estimator. */
export interface Estimator {
  /** The value to present next (within [min, max]). */
  readonly value: number;
  /** Records the answer to the question presented at `value`. */
  record(correct: boolean): void;
  /** Records an answer to a question presented at another value (replaying stored answers). */
  recordAt(value: number, correct: boolean): void;
  /** Null before the first answer, then the current estimate. */
  readonly estimate: ThresholdRange | null;
  /** The answers recorded so far. */
  readonly trials: readonly EstimatorTrial[];
}

const THRESHOLD_POINTS = 101;
const STIMULUS_POINTS = 41;
/** Candidate spreads s (natural-log units): from very steep to shallow. */
const SPREADS = [0.06, 0.1, 0.16, 0.25, 0.4, 0.65];
/** z-score of the 90th percentile: turns an 80 % range into a standard deviation. */
const Z90 = 1.2815516;
/** Added to the prior's spread (log units) between sittings: a learner can change. */
const PRIOR_DRIFT = 0.15;
/**
 * How much harder (natural-log units) the next value may be than the hardest one answered right so far (or
 * the start): ln 2, so a value at most halves per step and a beginner is not thrown from easy to very hard.
 */
const MAX_HARDER = Math.LN2;
/** Share of the prior spread evenly over the whole grid, so a surprising sitting can move far. */
const PRIOR_FLOOR = 0.03;

const logistic = (z: number): number => 1 / (1 + Math.exp(-z));

function checkOptions(o: EstimatorOptions): void {
  if (!(Number.isFinite(o.min) && o.min > 0))
    throw new RangeError(`min must be a number above 0, got ${o.min}`);
  if (!(Number.isFinite(o.max) && o.max > o.min))
    throw new RangeError(`max must be a number above min (${o.min}), got ${o.max}`);
  if (!Number.isFinite(o.start)) throw new RangeError(`start must be a number, got ${o.start}`);
  if (o.easier !== 'larger' && o.easier !== 'smaller')
    throw new RangeError(`easier must be 'larger' or 'smaller', got ${String(o.easier)}`);
  if (!(Number.isFinite(o.chance) && o.chance >= 0 && o.chance <= 0.7))
    throw new RangeError(`chance must be between 0 and 0.7, got ${o.chance}`);
}

/** Creates an estimator; `history` replays earlier answers of the same sitting (e.g. after a prior arrived). */
export function createEstimator(
  options: EstimatorOptions,
  history: readonly EstimatorTrial[] = [],
): Estimator {
  checkOptions(options);
  const { min, max, chance } = options;
  const dir = options.easier === 'larger' ? 1 : -1;
  const clampV = (v: number) => Math.min(max, Math.max(min, v));
  const toX = (v: number) => dir * Math.log(clampV(v));
  const toV = (x: number) => clampV(Math.round(Math.exp(dir * x) * 1e6) / 1e6);
  const xA = Math.min(toX(min), toX(max));
  const xB = Math.max(toX(min), toX(max));
  const margin = 0.25 * (xB - xA);
  // Threshold grid: wider than the presentable range, so "below the smallest" and "above the largest" exist.
  const ts = Array.from(
    { length: THRESHOLD_POINTS },
    (_, i) => xA - margin + ((xB - xA + 2 * margin) * i) / (THRESHOLD_POINTS - 1),
  );
  const stimuli = Array.from(
    { length: STIMULUS_POINTS },
    (_, i) => xA + ((xB - xA) * i) / (STIMULUS_POINTS - 1),
  );
  const top = 1 - chance - LAPSE;
  const shift = Math.log(
    (THRESHOLD_PERCENT / 100 - chance) / top / (1 - (THRESHOLD_PERCENT / 100 - chance) / top),
  );
  const nT = ts.length;
  const nS = SPREADS.length;
  const pRight = (x: number, t: number, s: number) => chance + top * logistic((x - t) / s + shift);
  // Likelihood of a right answer per stimulus and hypothesis (index t * nS + s).
  const table = stimuli.map((x) => {
    const row = new Float64Array(nT * nS);
    for (let i = 0; i < nT; i++)
      for (let j = 0; j < nS; j++) row[i * nS + j] = pRight(x, ts[i] as number, SPREADS[j] as number);
    return row;
  });

  const belief = new Float64Array(nT * nS);
  const prior = options.prior;
  if (prior && Number.isFinite(prior.value) && Number.isFinite(prior.low) && Number.isFinite(prior.high)) {
    const centre = toX(prior.value);
    const width = Math.abs(toX(prior.high) - toX(prior.low));
    const atEdge = prior.high >= max || prior.low <= min;
    let sd = Math.sqrt((width / (2 * Z90)) ** 2 + PRIOR_DRIFT ** 2);
    if (atEdge) sd = Math.max(sd, 0.5);
    for (let i = 0; i < nT; i++) {
      const z = ((ts[i] as number) - centre) / sd;
      const w = (1 - PRIOR_FLOOR) * Math.exp(-0.5 * z * z) + PRIOR_FLOOR * 0.05;
      for (let j = 0; j < nS; j++) belief[i * nS + j] = w;
    }
  } else belief.fill(1);
  normalise(belief);

  const trials: EstimatorTrial[] = [];
  let next = clampV(options.start);

  const marginal = (b: Float64Array): Float64Array => {
    const m = new Float64Array(nT);
    for (let i = 0; i < nT; i++) {
      let sum = 0;
      for (let j = 0; j < nS; j++) sum += b[i * nS + j] as number;
      m[i] = sum;
    }
    return m;
  };

  const update = (x: number, correct: boolean) => {
    for (let i = 0; i < nT; i++)
      for (let j = 0; j < nS; j++) {
        const p = pRight(x, ts[i] as number, SPREADS[j] as number);
        belief[i * nS + j] = (belief[i * nS + j] as number) * (correct ? p : 1 - p);
      }
    normalise(belief);
  };

  /** The stimulus whose answer leaves the least expected uncertainty about the threshold. */
  const choose = (): number => {
    const rights = trials.filter((t) => t.correct).map((t) => toX(t.value));
    const floor = Math.min(toX(options.start), ...rights) - MAX_HARDER;
    let best = Math.max(floor, stimuli[0] as number);
    let bestH = Number.POSITIVE_INFINITY;
    const mb = marginal(belief);
    const mr = new Float64Array(nT);
    for (let k = 0; k < stimuli.length; k++) {
      if ((stimuli[k] as number) < floor - 1e-9) continue;
      const row = table[k] as Float64Array;
      let pc = 0;
      for (let i = 0; i < nT; i++) {
        let r = 0;
        for (let j = 0; j < nS; j++) r += (belief[i * nS + j] as number) * (row[i * nS + j] as number);
        mr[i] = r;
        pc += r;
      }
      if (pc <= 1e-12 || pc >= 1 - 1e-12) continue;
      // Expected entropy of the threshold's belief after the answer: pc·H(right) + (1 − pc)·H(wrong).
      let hr = 0;
      let hw = 0;
      for (let i = 0; i < nT; i++) {
        const r = (mr[i] as number) / pc;
        const w = ((mb[i] as number) - (mr[i] as number)) / (1 - pc);
        if (r > 0) hr -= r * Math.log(r);
        if (w > 0) hw -= w * Math.log(w);
      }
      const h = pc * hr + (1 - pc) * hw;
      if (h < bestH - 1e-12) {
        bestH = h;
        best = stimuli[k] as number;
      }
    }
    return best;
  };

  const recordAt = (value: number, correct: boolean) => {
    if (!Number.isFinite(value)) throw new RangeError(`value must be a number, got ${value}`);
    trials.push({ value: clampV(value), correct });
    update(toX(value), correct);
    next = toV(choose());
  };

  for (const t of history) recordAt(t.value, t.correct);

  return {
    get value() {
      return next;
    },
    record(correct: boolean) {
      recordAt(next, correct);
    },
    recordAt,
    get estimate(): ThresholdRange | null {
      if (trials.length === 0) return null;
      const m = marginal(belief);
      const q = (p: number) => toV(quantile(ts, m, p));
      const a = q((1 - RANGE_CONFIDENCE) / 2);
      const b = q((1 + RANGE_CONFIDENCE) / 2);
      return {
        value: q(0.5),
        low: Math.min(a, b),
        high: Math.max(a, b),
        percentCorrect: THRESHOLD_PERCENT,
      };
    },
    get trials() {
      return trials.slice();
    },
  };
}

function normalise(p: Float64Array): void {
  let sum = 0;
  for (const v of p) sum += v;
  if (!(sum > 0)) {
    p.fill(1 / p.length);
    return;
  }
  for (let i = 0; i < p.length; i++) p[i] = (p[i] as number) / sum;
}

/** The `p` quantile of a distribution on grid points `xs` (weights summing to 1), linearly interpolated. */
function quantile(xs: readonly number[], w: Float64Array, p: number): number {
  let cum = 0;
  for (let i = 0; i < xs.length; i++) {
    const wi = w[i] as number;
    if (cum + wi >= p) {
      const frac = wi > 0 ? (p - cum) / wi : 0;
      const lo = i === 0 ? (xs[0] as number) : ((xs[i - 1] as number) + (xs[i] as number)) / 2;
      const hi = i === xs.length - 1 ? (xs[i] as number) : ((xs[i] as number) + (xs[i + 1] as number)) / 2;
      return lo + frac * (hi - lo);
    }
    cum += wi;
  }
  return xs[xs.length - 1] as number;
}

/** Replays a sitting's answers from a prior and returns its estimate (null for no answers). */
export function estimateFrom(
  options: EstimatorOptions,
  trials: readonly EstimatorTrial[],
): ThresholdRange | null {
  return createEstimator(options, trials).estimate;
}
