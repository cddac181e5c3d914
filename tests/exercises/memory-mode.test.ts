import { describe, expect, it } from 'vitest';
import type { LoudnessMatchQuestion } from '../../src/exercises/loudness-match/meta';
import { exerciseIds, exercises } from '../../src/exercises/registry';
import {
  hidesAfterOnePass,
  isMemoryAttempt,
  MEMORY_KINDS,
  withMemoryMode,
} from '../../src/exercises/shared/memory-mode';

describe('memory mode (pure)', () => {
  it('is offered for exactly the kinds the learner sets controls on (those with start)', () => {
    const withStart = exerciseIds.filter((id) => exercises[id].start !== undefined);
    expect([...MEMORY_KINDS].sort()).toEqual([...withStart].sort());
    expect(withStart.length).toBe(7);
  });

  it('does not change the score maths: score, feedback and right/wrong are the same; only the details mark it', () => {
    const kind = exercises['loudness-match'];
    for (const level of [1, 3])
      for (let seed = 1; seed <= 30; seed++) {
        const q = kind.generate(seed, level) as LoudnessMatchQuestion;
        for (const offsetDb of [0, q.referenceDb / 2, q.referenceDb, q.referenceDb + 0.7, -3]) {
          const plain = kind.check(q, { offsetDb });
          const memory = withMemoryMode(plain);
          expect(memory.score).toBe(plain.score);
          expect(memory.correct).toBe(plain.correct);
          expect(memory.feedback).toBe(plain.feedback);
          expect(memory.details).toEqual({ ...plain.details, memoryMode: true });
          expect(isMemoryAttempt(memory.details)).toBe(true);
          expect(isMemoryAttempt(plain.details)).toBe(false);
        }
        // The halfway answer still earns 50 … 67 from memory, the untouched start 0, the match 100.
        expect(withMemoryMode(kind.check(q, kind.solve(q))).score).toBe(100);
        expect(withMemoryMode(kind.check(q, kind.start!(q))).score).toBe(0);
      }
    expect(isMemoryAttempt(undefined)).toBe(false);
    expect(isMemoryAttempt({ memoryMode: 'yes' })).toBe(false);
  });

  it('hides the reference by itself after one pass on the upper half of the levels', () => {
    expect([1, 2, 3, 4, 5].map((l) => hidesAfterOnePass(l, 5))).toEqual([false, false, false, true, true]);
    expect([1, 2, 3, 4].map((l) => hidesAfterOnePass(l, 4))).toEqual([false, false, true, true]);
  });
});
