import { describe, expect, it, vi } from 'vitest';
import { check } from '../../src/exercises/delay-time/check';
import { generate } from '../../src/exercises/delay-time/generate';
import type { DelayTimeQuestion } from '../../src/exercises/delay-time/meta';
import type { SongSource } from '../../src/exercises/types';
import { generateSong } from '../../src/production/generate-song';
import { styleSpec } from '../../src/production/styles';

// Generators re-draw inaudible questions from an analysed render of each song; this file checks the kind's
// rules, so every song is one synthetic loop (tests/exercises/audibility.test.ts renders real songs).
vi.mock('../../src/exercises/shared/song-analysis', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/exercises/shared/song-analysis')>();
  const { syntheticAnalysis } = await import('./fixtures');
  const analysis = syntheticAnalysis(original.ANALYSIS_CENTRES, original.ANALYSIS_RATE);
  return { ...original, analyseSongLoop: () => analysis };
});

describe('delay-time', () => {
  it('uses the song’s own tempo, pinned so the song really plays at it', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const q = generate(seed, 4) as DelayTimeQuestion & { source: SongSource };
      const [low, high] = styleSpec(q.source.style).bpmRange;
      expect(q.bpm).toBeGreaterThanOrEqual(low);
      expect(q.bpm).toBeLessThanOrEqual(high);
      expect(q.source.overrides?.bpm).toBe(q.bpm);
      expect(q.noteChoices).toContain(q.note);
    }
    const q = generate(3, 1) as DelayTimeQuestion & { source: SongSource };
    expect(generateSong(q.source.seed, q.source.style, q.source.overrides).bpm).toBe(q.bpm);
  });

  it('offers dotted values from level 3 and every value at the top', () => {
    expect(generate(1, 1).noteChoices).toEqual(['1/4', '1/8', '1/16']);
    expect(generate(1, 3).noteChoices).toContain('1/8d');
    expect(generate(1, 4).noteChoices).toEqual(['1/2', '1/4d', '1/4', '1/8d', '1/8', '1/8t', '1/16']);
  });

  it('scores right 100, the next longer or shorter choice 33, further 0, and gives the time in ms', () => {
    const q = { ...generate(1, 2), note: '1/8' as const, bpm: 120 };
    expect(q.noteChoices).toEqual(['1/2', '1/4', '1/8', '1/16']);
    expect(check(q, { note: '1/8' })).toMatchObject({ score: 100, correct: true });
    const r = check(q, { note: '1/4' });
    expect(r).toMatchObject({ score: 33, correct: false });
    expect(r.feedback).toContain('250 ms at 120 BPM');
    expect(r.feedback).toContain('next longer');
    expect(check(q, { note: '1/16' }).feedback).toContain('next shorter');
    expect(check(q, { note: '1/2' })).toMatchObject({ score: 0, correct: false });
  });
});
