import { describe, expect, it, vi } from 'vitest';
import { check } from '../../src/exercises/level-change/check';
import { generate, generateAt } from '../../src/exercises/level-change/generate';
import { meta } from '../../src/exercises/level-change/meta';

// Generators re-draw inaudible questions from an analysed render of each song; this file checks the kind's
// rules, so every song is one synthetic loop (tests/exercises/audibility.test.ts renders real songs).
vi.mock('../../src/exercises/shared/song-analysis', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/exercises/shared/song-analysis')>();
  const { syntheticAnalysis } = await import('./fixtures');
  const analysis = syntheticAnalysis(original.ANALYSIS_CENTRES, original.ANALYSIS_RATE);
  return { ...original, analyseSongLoop: () => analysis };
});

describe('level-change scoring: track 50, then direction 25 and amount 25 on the right track only', () => {
  const q = {
    ...generate(4, 2),
    changedIndex: 1,
    changeDb: -6,
    amountsDb: [3, 6, 9],
    stepDb: 3,
    askAmount: true,
  };

  it.each([
    [{ trackIndex: 1, direction: 'down', amountDb: 6 }, 100],
    [{ trackIndex: 1, direction: 'down', amountDb: 3 }, 75],
    [{ trackIndex: 1, direction: 'up', amountDb: 6 }, 75],
    [{ trackIndex: 1, direction: 'up', amountDb: 9 }, 50],
    // The wrong track: its direction and amount describe nothing that happened, so they earn nothing.
    [{ trackIndex: 0, direction: 'down', amountDb: 6 }, 0],
    [{ trackIndex: 0, direction: 'down' }, 0],
    [{ trackIndex: 2, direction: 'up', amountDb: 9 }, 0],
  ] as const)('%o scores %i', (answer, score) => {
    expect(check(q, answer).score).toBe(score);
  });

  it('accepts an amount within half a step', () => {
    expect(check(q, { trackIndex: 1, direction: 'down', amountDb: 7.5 }).score).toBe(100);
    expect(check(q, { trackIndex: 1, direction: 'down', amountDb: 7.6 }).score).toBe(75);
    expect(check(q, { trackIndex: 1, direction: 'down', amountDb: -6 }).score).toBe(100);
  });

  it('without the amount: track two thirds, direction one third (on the right track)', () => {
    const a = generateAt(4, 3);
    const answer = {
      trackIndex: a.changedIndex,
      direction: a.changeDb > 0 ? ('up' as const) : ('down' as const),
    };
    expect(check(a, answer).score).toBe(100);
    expect(check(a, { ...answer, direction: answer.direction === 'up' ? 'down' : 'up' }).score).toBe(67);
    expect(check(a, { ...answer, trackIndex: (a.changedIndex + 1) % a.tracks.length }).score).toBe(0);
  });

  it('says what happened', () => {
    const r = check(q, { trackIndex: 1, direction: 'up', amountDb: 6 });
    expect(r.feedback).toContain(`${q.tracks[1]!.name} went down by 6 dB`);
    expect(r.feedback).toContain('track and amount right');
    expect(check(q, { trackIndex: 0, direction: 'down', amountDb: 6 }).feedback).toContain('another track');
  });
});

describe('level-change questions', () => {
  it('goes down to 1 dB steps with eight tracks at the top level', () => {
    const top = meta.levels.length;
    for (let seed = 1; seed <= 50; seed++) {
      const q = generate(seed, top);
      expect(q.tracks).toHaveLength(8);
      expect(q.amountsDb).toEqual([1, 2, 3, 4, 5, 6]);
      expect(q.stepDb).toBe(1);
      expect(q.amountsDb).toContain(Math.abs(q.changeDb));
      expect(q.changedIndex).toBeLessThan(q.tracks.length);
    }
  });

  it('generateAt moves the chosen track by the staircase value and does not ask the amount', () => {
    const q = generateAt(8, 2.75);
    expect(Math.abs(q.changeDb)).toBe(2.75);
    expect(q).toMatchObject({ askAmount: false, amountsDb: [], adaptiveValue: 2.75 });
  });
});
