import { describe, expect, it } from 'vitest';
import { adaptiveThresholds, SESSION_GAP_MS } from '../../src/training/adaptive-thresholds';
import { createStaircaseFor } from '../../src/training/staircase';
import { adaptiveRun, at, attempt, D0, eqAttempt, KINDS } from './progress-fixtures';

/**
 * An eq-boost session worked out by hand (start 12 dB, step 2, halved after four reversals):
 * 12 12 ↓10 10 ↓8 8 ↓6 ✗ ↑8 8 ↓6 ✗ ↑8 8 ↓7 ✗ ↑8 8 ↓7 ✗ ↑8 8 ↓7 ✗ ↑8 8 (↓7 next).
 * Reversals at 6 8 6 8 | 7 8 7 8 7 8: threshold = mean of the last six = 7.5 dB.
 */
const FULL = '++++++-++-++-++-++-++';
const FULL_VALUES = [12, 12, 10, 10, 8, 8, 6, 8, 8, 6, 8, 8, 7, 8, 8, 7, 8, 8, 7, 8, 8];
const BANDS = [125, 250, 500, 1000, 2000];
const band = (i: number) => ({ targetHz: BANDS[i % BANDS.length] });

function only(kind: string, list: ReturnType<typeof adaptiveThresholds>) {
  const found = list.find((t) => t.kind === kind);
  if (!found) throw new Error(`no estimate for ${kind}`);
  return found;
}

describe('current thresholds from stored adaptive attempts', () => {
  it('replays a session through the staircase and reports its threshold in words', () => {
    const run = adaptiveRun('eq-boost', 'eq', FULL, FULL_VALUES, at(D0), band);
    // The replay agrees with the real staircase on every presented value.
    const s = createStaircaseFor(KINDS[0]!.mainVariable!);
    for (const ch of FULL) {
      expect(FULL_VALUES[s.trials]).toBe(s.value);
      s.record(ch === '+');
    }
    const eq = only('eq-boost', adaptiveThresholds(run, KINDS));
    expect(eq.status).toBe('measured');
    expect(eq.value).toBe(7.5);
    expect(eq.reversals).toBe(10);
    expect(eq.trials).toBe(21);
    expect(eq.sessions).toBe(1);
    expect(eq.at).toBe(at(D0) + 20 * 60_000);
    expect(eq.day).toBe(D0);
    expect(eq.words).toBe('You reliably hear a 7.5 dB boost in any of the ten octave bands.');
  });

  it('names the band when a whole session stayed on one', () => {
    const run = adaptiveRun('eq-boost', 'eq', FULL, FULL_VALUES, at(D0), () => ({ targetHz: 250 }));
    expect(only('eq-boost', adaptiveThresholds(run, KINDS)).words).toBe(
      'You reliably hear a 7.5 dB boost at 250 Hz.',
    );
  });

  it('keeps the latest measured threshold when a later session is too short', () => {
    const first = adaptiveRun('eq-boost', 'eq', FULL, FULL_VALUES, at(D0), band);
    const later = adaptiveRun('eq-boost', 'eq', '+++++', [12, 12, 10, 10, 8], at(D0 + 1), band);
    const eq = only('eq-boost', adaptiveThresholds([...later, ...first], KINDS));
    expect(eq.sessions).toBe(2);
    expect(eq.trials).toBe(26);
    expect(eq.status).toBe('measured');
    expect(eq.value).toBe(7.5);
  });

  it('splits a drill started again within minutes (back at the start value)', () => {
    const first = adaptiveRun('eq-boost', 'eq', FULL, FULL_VALUES, at(D0), band);
    // Straight on, 1 minute later: 12 12 ↓10 10 ↓8 ✗ ↑10 10 ↓8, reversals at 8 and 10.
    const again = adaptiveRun(
      'eq-boost',
      'eq',
      '+++++-++',
      [12, 12, 10, 10, 8, 10, 10, 8],
      at(D0) + 21 * 60_000,
    );
    const eq = only('eq-boost', adaptiveThresholds([...first, ...again], KINDS));
    expect(eq.sessions).toBe(2);
    // Had the replay run on, the second drill would have corrupted the first's reversals.
    expect(eq.value).toBe(7.5);
    expect(eq.at).toBe(at(D0) + 20 * 60_000);
  });

  it('gives an early estimate from two or more reversals, and none from fewer', () => {
    // 12 12 ↓10 10 ↓8 ✗ ↑10 10 ↓8: reversals at 8 and 10, estimate 9 dB.
    const short = adaptiveRun('eq-boost', 'eq', '+++++-++', [12, 12, 10, 10, 8, 10, 10, 8], at(D0), band);
    const eq = only('eq-boost', adaptiveThresholds(short, KINDS));
    expect(eq.status).toBe('early');
    expect(eq.value).toBe(9);
    expect(eq.note).toContain('8 more');
    const tooShort = only('eq-boost', adaptiveThresholds(short.slice(0, 6), KINDS));
    expect(tooShort.status).toBe('none');
    expect(tooShort.value).toBeNull();
    expect(tooShort.note).toContain('you have 1');
  });

  it('starts a new session after a pause of more than 30 minutes', () => {
    const a = adaptiveRun('eq-boost', 'eq', '+++++', [12, 12, 10, 10, 8], at(D0), band);
    // A new drill: 12 ✗ ↑14 14 ↓12, one reversal (at 14).
    const b = adaptiveRun(
      'eq-boost',
      'eq',
      '-++',
      [12, 14, 14],
      at(D0) + 4 * 60_000 + SESSION_GAP_MS + 1,
      band,
    );
    // Run on as one session, the replay would find reversals at 8 and 10 and an early estimate of 9 dB.
    expect(only('eq-boost', adaptiveThresholds([...a, ...b], KINDS))).toMatchObject({
      sessions: 2,
      status: 'none',
      reversals: 1,
    });
  });

  it('runs pan positions the other way (more positions is harder)', () => {
    // 5 5 ↑7 7 ↑9 ✗ ↓7 7 ↑9: reversals at 9 and 7, early estimate 8 → "9 positions" in words.
    const run = adaptiveRun('pan-position', 'pan', '+++++-++', [5, 5, 7, 7, 9, 7, 7, 9], at(D0));
    const pan = only('pan-position', adaptiveThresholds(run, KINDS));
    expect(pan.status).toBe('early');
    expect(pan.value).toBe(8);
    expect(pan.words).toBe(
      'You reliably place an instrument among 9 positions from hard left to hard right.',
    );
  });

  it('says how many tracks a level-change threshold was measured in', () => {
    const values = FULL_VALUES.map((v) => v - 4); // start 8 instead of 12: the same path, 4 dB lower
    const tracks = Array.from({ length: 6 }, (_, i) => ({ id: `t${i}` }));
    const run = adaptiveRun('level-change', 'faders', FULL, values, at(D0), () => ({ tracks }));
    const lc = only('level-change', adaptiveThresholds(run, KINDS));
    expect(lc.value).toBe(3.5);
    expect(lc.words).toBe(
      'You reliably hear which track moved, and which way, when it moves by 3.5 dB in a mix of 6 tracks.',
    );
  });

  it('lists every adaptive kind, ignores fixed-level attempts and says what to do without data', () => {
    const list = adaptiveThresholds(
      [eqAttempt(250, 500), attempt('comp-spot', 'compression', 100, at(D0))],
      KINDS,
    );
    expect(list.map((t) => t.kind)).toEqual(['eq-boost', 'level-change', 'pan-position']);
    const eq = only('eq-boost', list);
    expect(eq).toMatchObject({ status: 'none', trials: 0, sessions: 0, value: null, at: null, day: null });
    expect(eq.note).toContain('Run an adaptive drill');
  });
});
