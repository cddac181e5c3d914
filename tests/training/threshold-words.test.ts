import { describe, expect, it } from 'vitest';
import { describeThreshold } from '../../src/training/threshold-words';

describe('threshold words', () => {
  it('says an EQ threshold in dB, at a band when known', () => {
    expect(describeThreshold('eq-boost', 4.1, { atHz: 250 })).toBe(
      'You reliably hear a 4 dB boost at 250 Hz.',
    );
    expect(describeThreshold('eq-boost', 3.3)).toBe(
      'You reliably hear a 3.5 dB boost in any of the ten octave bands.',
    );
    expect(describeThreshold('eq-boost', 0.1)).toContain('0.5 dB');
  });

  it('says a level-change threshold in dB, and a pan threshold in positions', () => {
    expect(describeThreshold('level-change', 2.6, { tracks: 6 })).toBe(
      'You reliably hear which track moved, and which way, when it moves by 2.5 dB in a mix of 6 tracks.',
    );
    expect(describeThreshold('pan-position', 8.6)).toBe(
      'You reliably place an instrument among 9 positions from hard left to hard right.',
    );
  });

  it('falls back to a neutral sentence', () => {
    expect(describeThreshold('something-else', 3.14)).toBe('Your threshold is 3.1.');
    expect(describeThreshold('eq-boost', Number.NaN)).toContain('Not enough answers');
  });
});
