import { describe, expect, it } from 'vitest';
import { mixDimensions, RECENT_MIXES } from '../../src/training/mix-dimensions';
import type { AttemptRecord } from '../../src/training/progress-records';

function mix(at: number, dimensions: string[], steps: number[], exercise = 'mix-match'): AttemptRecord {
  return {
    exercise,
    skill: 'mixing',
    level: 2,
    score: 50,
    at,
    question: {},
    answer: {},
    details: { dimensions, steps },
  };
}

describe('what holds the mixes back', () => {
  it('is null without graded mixes, or when nothing is left to fix', () => {
    expect(mixDimensions([])).toBeNull();
    expect(mixDimensions([{ ...mix(1, ['balance'], [1]), details: undefined }])).toBeNull();
    expect(mixDimensions([mix(1, ['balance', 'pan'], [0, 0, 0, 0])])).toBeNull();
  });

  it('sums each dimension over tracks (track-major steps) and ranks the shares', () => {
    // Two tracks × (balance, pan): balance 3 + 1 = 4, pan 0 + 4 = 4 … plus a second mix with pan 2.
    const s = mixDimensions([
      mix(1, ['balance', 'pan'], [3, 0, 1, 4]),
      mix(2, ['balance', 'pan'], [0, 2], 'fix-mix'),
    ]);
    expect(s!.mixes).toBe(2);
    expect(s!.worst).toBe('pan');
    expect(s!.shares).toEqual([
      { dimension: 'pan', share: 0.6, meanSteps: 3 },
      { dimension: 'balance', share: 0.4, meanSteps: 2 },
    ]);
  });

  it('reads only the latest ten mixes and ignores malformed details', () => {
    const old = Array.from({ length: RECENT_MIXES }, (_, i) => mix(100 + i, ['tone'], [5]));
    const recent = Array.from({ length: RECENT_MIXES }, (_, i) => mix(1000 + i, ['space'], [2]));
    const broken = {
      ...mix(5000, ['balance'], [1]),
      details: { dimensions: ['balance'], steps: [Number.NaN] },
    };
    const s = mixDimensions([...old, ...recent, broken, mix(6000, ['x'], [1], 'eq-match')]);
    expect(s!.mixes).toBe(RECENT_MIXES);
    expect(s!.shares).toEqual([{ dimension: 'space', share: 1, meanSteps: 2 }]);
  });
});
