import { describe, expect, it, vi } from 'vitest';
import { check } from '../../src/exercises/reverb-time/check';
import { generate } from '../../src/exercises/reverb-time/generate';

// Generators re-draw inaudible questions from an analysed render of each song; this file checks the kind's
// rules, so every song is one synthetic loop (tests/exercises/audibility.test.ts renders real songs).
vi.mock('../../src/exercises/shared/song-analysis', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/exercises/shared/song-analysis')>();
  const { syntheticAnalysis } = await import('./fixtures');
  const analysis = syntheticAnalysis(original.ANALYSIS_CENTRES, original.ANALYSIS_RATE);
  return { ...original, analyseSongLoop: () => analysis };
});

describe('reverb-time', () => {
  it('asks the decay only at first, and the pre-delay too at higher levels', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const low = generate(seed, 2);
      expect(low.askPreDelay).toBe(false);
      expect(low.decayChoicesS).toEqual([0.3, 0.8, 1.5, 3]);
      expect(low.decayChoicesS).toContain(low.reverb.decayS);
      const high = generate(seed, 4);
      expect(high.askPreDelay).toBe(true);
      expect(high.preDelayChoicesMs).toContain(high.reverb.preDelayMs);
    }
  });

  it('scores the decay by distance (next choice 33), and 50 + 50 with the pre-delay', () => {
    const q = { ...generate(1, 2), reverb: { ...generate(1, 2).reverb, decayS: 1.5 } };
    expect(q.decayChoicesS).toEqual([0.3, 0.8, 1.5, 3]);
    expect(check(q, { decayS: 1.5 }).score).toBe(100);
    expect(check(q, { decayS: 0.8 }).score).toBe(33);
    expect(check(q, { decayS: 3 }).score).toBe(33);
    expect(check(q, { decayS: 0.3 }).score).toBe(0);
    const both = generate(1, 4);
    both.reverb = { ...both.reverb, decayS: 0.8, preDelayMs: 50 };
    expect(both.preDelayChoicesMs).toEqual([0, 50, 120]);
    expect(check(both, { decayS: 0.8, preDelayMs: 50 }).score).toBe(100);
    expect(check(both, { decayS: 0.8, preDelayMs: 0 }).score).toBe(67); // 50 + ⅓ × 50
    expect(check(both, { decayS: 3, preDelayMs: 50 }).score).toBe(50); // decay two choices away
    expect(check(both, { decayS: 1.5, preDelayMs: 120 }).score).toBe(33); // both one away
    expect(check(both, { decayS: 3 }).score).toBe(0);
    expect(check(both, { decayS: 0.8, preDelayMs: 0 }).feedback).toContain('the decay was right');
  });
});
