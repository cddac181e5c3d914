import { describe, expect, it } from 'vitest';
import {
  adaptiveThresholds,
  estimatorOptions,
  latestEstimate,
  SESSION_GAP_MS,
  storedValueOf,
} from '../../src/training/adaptive-thresholds';
import { createEstimator, estimateFrom, type ThresholdRange } from '../../src/training/estimator';
import type { AttemptRecord } from '../../src/training/progress-records';
import { adaptiveRun, at, attempt, D0, eqAttempt, KINDS } from './progress-fixtures';

const EQ = KINDS[0]!.mainVariable!;

function only(kind: string, list: ReturnType<typeof adaptiveThresholds>) {
  const found = list.find((t) => t.kind === kind);
  if (!found) throw new Error(`no estimate for ${kind}`);
  return found;
}

/**
 * One adaptive drill as the app stores it: `count` answers a minute apart, the listener right whenever the
 * value is at least `hears` dB; every question carries the value, the sitting and the estimate so far.
 */
function markedSitting(
  start: number,
  count: number,
  hears: number,
  prior: ThresholdRange | null,
  extra: Record<string, unknown> = {},
): { attempts: AttemptRecord[]; final: ThresholdRange } {
  const e = createEstimator(estimatorOptions(EQ, prior));
  const attempts: AttemptRecord[] = [];
  for (let i = 0; i < count; i++) {
    const value = e.value;
    const right = value >= hears;
    e.record(right);
    attempts.push({
      exercise: 'eq-boost',
      skill: 'eq',
      level: 3,
      score: right ? 100 : 50,
      at: start + i * 60_000,
      question: {
        kind: 'eq-boost',
        adaptiveValue: value,
        adaptiveSitting: start,
        adaptiveEstimate: e.estimate,
        ...extra,
      },
      answer: {},
    });
  }
  return { attempts, final: e.estimate! };
}

describe('thresholds from stored adaptive attempts', () => {
  it('takes a sitting’s estimate from its last answer and says it with its range', () => {
    const { attempts, final } = markedSitting(at(D0), 30, 4, null);
    const eq = only('eq-boost', adaptiveThresholds(attempts, KINDS));
    expect(eq.status).toBe('measured');
    expect(eq.estimate).toEqual(final);
    expect(eq.value).toBe(final.value);
    // A listener who hears exactly 4 dB and more: the estimate lands on it.
    expect(final.value).toBeGreaterThan(3.5);
    expect(final.value).toBeLessThan(5);
    expect(eq.trials).toBe(30);
    expect(eq.sessions).toBe(1);
    expect(eq.history).toHaveLength(1);
    expect(eq.at).toBe(at(D0) + 29 * 60_000);
    expect(eq.day).toBe(D0);
    expect(eq.words).toMatch(
      /^You hear a boost of about 4(\.5)? dB \(somewhere between \d(\.5)? and \d(\.5)? dB\) in any of the ten octave bands\.$/,
    );
    expect(eq.note).toContain('30 answers');
  });

  it('keeps a history over sittings; the second started from the first and is narrower', () => {
    const first = markedSitting(at(D0), 30, 6, null);
    const second = markedSitting(at(D0 + 3), 30, 6, first.final);
    expect(latestEstimate('eq-boost', EQ, first.attempts)).toEqual(first.final);
    const eq = only('eq-boost', adaptiveThresholds([...second.attempts, ...first.attempts], KINDS));
    expect(eq.sessions).toBe(2);
    expect(eq.history.map((h) => h.day)).toEqual([D0, D0 + 3]);
    expect(eq.history.map((h) => h.trials)).toEqual([30, 30]);
    expect(eq.estimate).toEqual(second.final);
    expect(second.final.high / second.final.low).toBeLessThan(first.final.high / first.final.low);
    expect(eq.note).toContain('started from the 1 before it');
  });

  it('keeps two drills apart by their sitting even when they follow within a minute', () => {
    const first = markedSitting(at(D0), 10, 6, null);
    const second = markedSitting(at(D0) + 10 * 60_000, 10, 6, first.final);
    const eq = only('eq-boost', adaptiveThresholds([...first.attempts, ...second.attempts], KINDS));
    expect(eq.sessions).toBe(2);
    expect(eq.estimate).toEqual(second.final);
  });

  it('replays attempts stored without a sitting, split by pauses, each from the one before', () => {
    const a = adaptiveRun('eq-boost', 'eq', '++-+++', [12, 8, 5, 8, 6, 6], at(D0));
    const b = adaptiveRun('eq-boost', 'eq', '+-++', [10, 4, 7, 6], at(D0) + 5 * 60_000 + SESSION_GAP_MS + 1);
    const eq = only('eq-boost', adaptiveThresholds([...a, ...b], KINDS));
    expect(eq.sessions).toBe(2);
    const firstEstimate = estimateFrom(
      estimatorOptions(EQ),
      [12, 8, 5, 8, 6, 6].map((value, i) => ({ value, correct: '++-+++'[i] === '+' })),
    )!;
    const secondEstimate = estimateFrom(
      estimatorOptions(EQ, firstEstimate),
      [10, 4, 7, 6].map((value, i) => ({ value, correct: '+-++'[i] === '+' })),
    )!;
    expect(eq.history[0]).toMatchObject(firstEstimate);
    expect(eq.estimate).toEqual(secondEstimate);
    // Six answers with a history of one sitting before: measured, not early.
    expect(eq.status).toBe('measured');
  });

  it('calls a first sitting of few answers an early estimate', () => {
    const short = adaptiveRun('eq-boost', 'eq', '++-++', [12, 8, 5, 8, 6], at(D0));
    const eq = only('eq-boost', adaptiveThresholds(short, KINDS));
    expect(eq.status).toBe('early');
    expect(eq.note).toContain('An early estimate from 5 answers');
    expect(eq.estimate!.high / eq.estimate!.low).toBeGreaterThan(1.2);
  });

  it('reads pan answers stored as a number of positions as their spacing', () => {
    const legacy = {
      kind: 'pan-position',
      adaptiveValue: 9,
      positionsPan: [-1, -0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1],
    };
    expect(storedValueOf('pan-position', legacy)).toBe(12.5);
    const now = {
      kind: 'pan-position',
      adaptiveValue: 9,
      positionsPan: [-0.54, -0.36, -0.18, 0, 0.18, 0.36, 0.54],
    };
    expect(storedValueOf('pan-position', now)).toBe(9);
    expect(storedValueOf('eq-boost', { adaptiveValue: 9 })).toBe(9);
    const counts = [5, 7, 9];
    const run = adaptiveRun('pan-position', 'pan', '+++', counts, at(D0), (i) => {
      const n = counts[i]!;
      return { positionsPan: Array.from({ length: n }, (_, k) => -1 + (2 * k) / (n - 1)) };
    });
    const pan = only('pan-position', adaptiveThresholds(run, KINDS));
    expect(pan.status).toBe('early');
    expect(pan.words).toMatch(
      /^You place an instrument to within about \d+ % \(somewhere between \d+ and \d+ %\) of the stereo width: like telling \d+ positions apart from hard left to hard right\.$/,
    );
  });

  it('says how many tracks a level-change threshold was measured in', () => {
    const tracks = Array.from({ length: 6 }, (_, i) => ({ id: `t${i}` }));
    const run = adaptiveRun('level-change', 'faders', '+++-+', [8, 5, 3, 2, 3], at(D0), () => ({ tracks }));
    const lc = only('level-change', adaptiveThresholds(run, KINDS));
    expect(lc.words).toMatch(
      /^You hear which track moved, and which way, when it moves by about .* dB\) in a mix of 6 tracks\.$/,
    );
  });

  it('lists every adaptive kind, ignores fixed-level attempts and says what to do without data', () => {
    const list = adaptiveThresholds(
      [eqAttempt(250, 500), attempt('comp-spot', 'compression', 100, at(D0))],
      KINDS,
    );
    expect(list.map((t) => t.kind)).toEqual(['eq-boost', 'level-change', 'pan-position']);
    const eq = only('eq-boost', list);
    expect(eq).toMatchObject({
      status: 'none',
      trials: 0,
      sessions: 0,
      value: null,
      estimate: null,
      history: [],
      at: null,
      day: null,
    });
    expect(eq.note).toContain('Run an adaptive drill');
    expect(latestEstimate('eq-boost', EQ, [])).toBeNull();
  });
});
