import { describe, expect, it, vi } from 'vitest';
import { check } from '../../src/exercises/prod-or-mix/check';
import { generate } from '../../src/exercises/prod-or-mix/generate';
import { CHANGES } from '../../src/exercises/prod-or-mix/meta';
import { generateSong } from '../../src/production/generate-song';

// Generators re-draw inaudible questions from an analysed render of each song; this file checks the kind's
// rules, so every song is one synthetic loop (tests/exercises/audibility.test.ts renders real songs).
vi.mock('../../src/exercises/shared/song-analysis', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/exercises/shared/song-analysis')>();
  const { syntheticAnalysis } = await import('./fixtures');
  const analysis = syntheticAnalysis(original.ANALYSIS_CENTRES, original.ANALYSIS_RATE);
  return { ...original, analyseSongLoop: () => analysis };
});

const SEEDS = Array.from({ length: 120 }, (_, i) => i + 1);

describe('prod-or-mix scoring', () => {
  it('category and change right 100, category only 50, wrong category 0', () => {
    const q = { ...generate(1, 2), category: 'mixing' as const, change: 'eq' as const };
    expect(check(q, { category: 'mixing', change: 'eq' }).score).toBe(100);
    expect(check(q, { category: 'mixing', change: 'pan' }).score).toBe(50);
    expect(check(q, { category: 'mixing' }).score).toBe(50);
    expect(check(q, { category: 'production', change: 'eq' }).score).toBe(0);
    expect(check(q, { category: 'production', change: 'tempo' }).score).toBe(0);
  });

  it('asks only the category at level 1', () => {
    const q = { ...generate(1, 1), category: 'production' as const, change: 'tempo' as const };
    expect(q.askChange).toBe(false);
    expect(check(q, { category: 'production' }).score).toBe(100);
    expect(check(q, { category: 'production', change: 'notes' }).score).toBe(100);
    expect(check(q, { category: 'mixing' }).score).toBe(0);
  });
});

describe('prod-or-mix questions differ by exactly one change', () => {
  const questions = SEEDS.map((s) => generate(s, 2));

  it('uses every change of both categories', () => {
    const seen = new Set(questions.map((q) => q.change));
    for (const change of [...CHANGES.production, ...CHANGES.mixing]) expect(seen).toContain(change);
    for (const q of questions) expect(CHANGES[q.category]).toContain(q.change);
  });

  it('mixing: the same song twice, one move on B of the named type', () => {
    for (const q of questions.filter((x) => x.category === 'mixing')) {
      expect(q.versionB).toStrictEqual(q.versionA);
      expect(q.mixChange?.type).toBe(q.change);
    }
  });

  it('production: A and B differ in one override, the songs really differ, no mix move', () => {
    for (const q of questions.filter((x) => x.category === 'production').slice(0, 30)) {
      expect(q.mixChange).toBeNull();
      const a = q.versionA.overrides ?? {};
      const b = q.versionB.overrides ?? {};
      const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
      const differing = [...keys].filter(
        (k) => JSON.stringify(a[k as keyof typeof a]) !== JSON.stringify(b[k as keyof typeof b]),
      );
      expect(differing).toHaveLength(1);
      const songA = generateSong(q.versionA.seed, q.versionA.style, a);
      const songB = generateSong(q.versionB.seed, q.versionB.style, b);
      switch (q.change) {
        case 'notes':
          expect(JSON.stringify(songB.sections.map((s) => s.chords))).not.toBe(
            JSON.stringify(songA.sections.map((s) => s.chords)),
          );
          break;
        case 'drums':
          expect(songB.arrangement.drumPattern).not.toEqual(songA.arrangement.drumPattern);
          break;
        case 'sound':
          expect(songB.tracks.map((t) => t.instrument)).not.toEqual(songA.tracks.map((t) => t.instrument));
          break;
        case 'arrangement':
          expect(songB.tracks.filter((t) => t.muted).length).not.toBe(
            songA.tracks.filter((t) => t.muted).length,
          );
          break;
        case 'tempo':
          expect(songB.bpm).not.toBe(songA.bpm);
          // Both excerpts are the same bars, so B's times scale with the tempo.
          expect(q.versionB.startS * songB.bpm).toBeCloseTo(q.versionA.startS * songA.bpm, 3);
          break;
      }
    }
  });

  it('makes subtler moves at level 3', () => {
    const big = SEEDS.map((s) => generate(s, 2)).filter((q) => q.mixChange?.type === 'level');
    const small = SEEDS.map((s) => generate(s, 3)).filter((q) => q.mixChange?.type === 'level');
    const size = (qs: typeof big) =>
      Math.max(...qs.map((q) => (q.mixChange?.type === 'level' ? Math.abs(q.mixChange.deltaDb) : 0)));
    expect(size(small)).toBeLessThan(
      Math.min(...big.map((q) => (q.mixChange?.type === 'level' ? Math.abs(q.mixChange.deltaDb) : 99))),
    );
    expect(size(big)).toBeGreaterThan(0);
  });
});
