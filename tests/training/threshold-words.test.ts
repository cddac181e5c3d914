import { describe, expect, it } from 'vitest';
import { describeThreshold, positionsAt, thresholdPlace } from '../../src/training/threshold-words';

const EQ = { min: 0.5, max: 18, easier: 'larger' as const };
const LEVEL = { min: 0.5, max: 12, easier: 'larger' as const };
const PAN = { min: 2, max: 16.67, easier: 'larger' as const };
const est = (value: number, low: number, high: number) => ({ value, low, high, percentCorrect: 75 });

describe('threshold words', () => {
  it('says an EQ threshold in dB with its range, at a band when known', () => {
    expect(describeThreshold('eq-boost', est(4.1, 3.2, 5.7), EQ, { atHz: 250 })).toBe(
      'You hear a boost of about 4 dB (somewhere between 3 and 6 dB) at 250 Hz.',
    );
    expect(describeThreshold('eq-boost', est(3.3, 2.6, 4.2), EQ)).toBe(
      'You hear a boost of about 3.5 dB (somewhere between 2.5 and 4.5 dB) in any of the ten octave bands.',
    );
    // A range that rounds to one number is not repeated.
    expect(describeThreshold('eq-boost', est(4, 4, 4), EQ)).toBe(
      'You hear a boost of about 4 dB in any of the ten octave bands.',
    );
  });

  it('never calls the easiest end a threshold: a guesser is told it was not clear yet', () => {
    expect(thresholdPlace(est(18, 18, 18), EQ)).toBe('easiest');
    expect(describeThreshold('eq-boost', est(18, 17.9, 18), EQ)).toBe(
      'Even the biggest boost here (18 dB) was not clear to you yet in any of the ten octave bands: try the levels first.',
    );
    expect(describeThreshold('eq-boost', est(0.5, 0.5, 0.6), EQ)).toBe(
      'You hear even the smallest boost here (0.5 dB) in any of the ten octave bands.',
    );
    expect(thresholdPlace(est(2, 1, 3), { min: 1, max: 10, easier: 'smaller' })).toBe('inside');
    expect(thresholdPlace(est(1, 1, 1.1), { min: 1, max: 10, easier: 'smaller' })).toBe('easiest');
    expect(describeThreshold('pan-position', est(16.67, 16, 16.67), PAN)).toContain('not clear to you yet');
  });

  it('says a level-change threshold in dB and a pan threshold as a share of the width', () => {
    expect(describeThreshold('level-change', est(2.6, 2.1, 3.3), LEVEL, { tracks: 6 })).toBe(
      'You hear which track moved, and which way, when it moves by about 2.5 dB (somewhere between 2 and 3.5 dB) in a mix of 6 tracks.',
    );
    expect(positionsAt(8.33)).toBe(13);
    expect(positionsAt(25)).toBe(5);
    expect(describeThreshold('pan-position', est(8.33, 6.4, 10.6), PAN)).toBe(
      'You place an instrument to within about 8 % (somewhere between 6 and 11 %) of the stereo width: like telling 13 positions apart from hard left to hard right.',
    );
  });

  it('says a comp-spot threshold as dB taken off the peaks', () => {
    const COMP = { min: 0.5, max: 12, easier: 'larger' as const };
    expect(describeThreshold('comp-spot', est(2.2, 1.6, 3.1), COMP)).toBe(
      'You hear which version is compressed when it takes about 2 dB (somewhere between 1.5 and 3.5 dB) off the peaks.',
    );
    expect(describeThreshold('comp-spot', est(12, 11.9, 12), COMP)).toContain('not clear to you yet');
  });

  it('falls back to a neutral sentence', () => {
    expect(describeThreshold('something-else', est(3.14, 2.5, 4), EQ)).toBe(
      'Your threshold is about 3.1 (somewhere between 2.5 and 4).',
    );
    expect(describeThreshold('eq-boost', null, EQ)).toContain('Not enough answers');
    expect(describeThreshold('eq-boost', est(Number.NaN, 1, 2), EQ)).toContain('Not enough answers');
  });
});
