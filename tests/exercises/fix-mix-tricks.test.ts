/**
 * fix-mix against players who never listen: they read the desk as found (B) and name what looks off. The desk
 * is drawn first, the same whether or not a control carries a fault, so reading it tells nothing. Readers learn
 * on seeds 1–200 (or 1–60) and play seeds 1001–1100, every level. Tone and compression are graded on one
 * synthetic stem per track (as tests/exercises/fix-mix.test.ts), so thousands of questions stay quick.
 */
import { describe, expect, it, vi } from 'vitest';
import { generate } from '../../src/exercises/fix-mix/generate';
import { meta } from '../../src/exercises/fix-mix/meta';
import { solve } from '../../src/exercises/fix-mix/solve';
import { start } from '../../src/exercises/fix-mix/start';
import { copyTrackMix } from '../../src/exercises/shared/mix-spec';
import {
  commonGuesser,
  deskReader,
  everyFault,
  type Make,
  type Outcome,
  play,
  strongReader,
  TRAIN,
} from './fix-mix-players';

vi.mock('../../src/exercises/shared/mix-measures', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/exercises/shared/mix-measures')>();
  const { syntheticMixMeasures } = await import('./fixtures');
  return { ...original, mixMeasures: await syntheticMixMeasures() };
});

const LEVELS = meta.levels.map((_, i) => i + 1);
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
const make =
  (level: number): Make =>
  (seed) =>
    generate(seed, level);

describe('fix-mix desks', () => {
  it('keep every control of the desk as found and of the good mix on the desk', () => {
    const inside = (x: number, lo: number, hi: number) => x >= lo - 1e-9 && x <= hi + 1e-9;
    const off: string[] = [];
    for (const level of LEVELS) {
      for (const seed of range(1, 300)) {
        const q = generate(seed, level);
        for (const t of [...q.start, ...q.reference]) {
          const ok =
            inside(t.faderDb, -30, 18) &&
            inside(t.pan, -1, 1) &&
            t.eq.every((b) => inside(b.gainDb, -18, 18)) &&
            [t.reverbDb, t.delayDb].every((v) => v === null || inside(v, -40, 6)) &&
            inside(t.comp.thresholdDb, -60, 0) &&
            inside(t.comp.ratio, 1, 20) &&
            inside(t.comp.attackMs, 0.1, 200) &&
            inside(t.comp.releaseMs, 10, 2000) &&
            inside(t.comp.makeupDb, 0, 24);
          if (!ok) off.push(`${level}/${seed} ${JSON.stringify(t)}`);
        }
      }
    }
    expect(off).toEqual([]);
  });

  it('plant every fault the level offers at least 10 times in 200 questions (counted for the note)', () => {
    const table: Record<string, Record<string, number>> = {};
    for (const level of LEVELS) {
      const seen: Record<string, number> = {};
      for (const seed of TRAIN)
        for (const f of generate(seed, level).faults) seen[f.fault] = (seen[f.fault] ?? 0) + 1;
      table[`level ${level}`] = seen;
      for (const f of meta.levels[level - 1]!.params.faults)
        expect(seen[f] ?? 0, `${f} on level ${level}`).toBeGreaterThanOrEqual(10);
    }
    console.table(table);
  });
});

describe('fix-mix against players who read the desk and never listen', () => {
  const table: Record<string, Record<string, string>> = {};
  const results = new Map<string, Outcome>();
  const run = (name: string, level: number, outcome: Outcome) => {
    results.set(`${name}:${level}`, outcome);
    table[name] = {
      ...table[name],
      [`level ${level}`]: `${outcome.mean.toFixed(1)} (${Math.round(100 * outcome.passes)} %)`,
    };
  };

  it('measures every strategy on every level (mean score, share passing)', () => {
    for (const level of LEVELS) {
      run('nothing', level, play(make(level), start));
      run('solve', level, play(make(level), solve));
      run(
        'diagnosis only',
        level,
        play(make(level), (q) => ({ ...solve(q), tracks: q.start.map(copyTrackMix) })),
      );
      run(
        'repair only',
        level,
        play(make(level), (q) => ({ ...solve(q), faults: [] })),
      );
      run('desk reader (review7)', level, play(make(level), deskReader(make(level))));
      run('learned reader', level, play(make(level), strongReader(make(level))));
      run('bolder reader (> 0.2)', level, play(make(level), strongReader(make(level), 0.2)));
      run('common guess', level, play(make(level), commonGuesser(make(level))));
      run('every fault', level, play(make(level), everyFault(make(level))));
    }
    console.table(table);
  }, 600_000);

  it('holds the bounds', () => {
    const r = (name: string, level: number) => results.get(`${name}:${level}`) as Outcome;
    for (const level of LEVELS) {
      expect(r('nothing', level).mean, `nothing ${level}`).toBe(0);
      expect(r('solve', level).mean, `solve ${level}`).toBe(100);
      const half = (r('diagnosis only', level).mean + r('repair only', level).mean) / 2;
      expect(half, `halfway ${level}`).toBeGreaterThanOrEqual(40);
      expect(half, `halfway ${level}`).toBeLessThanOrEqual(60);
      expect(r('desk reader (review7)', level).mean, `desk reader ${level}`).toBeLessThan(25);
      expect(r('desk reader (review7)', level).passes, `desk reader ${level}`).toBeLessThan(0.05);
      expect(r('learned reader', level).mean, `learned reader ${level}`).toBeLessThan(30);
      expect(r('learned reader', level).passes, `learned reader ${level}`).toBeLessThan(0.05);
      expect(r('bolder reader (> 0.2)', level).mean, `bolder reader ${level}`).toBeLessThan(30);
      expect(r('common guess', level).mean, `common guess ${level}`).toBeLessThan(25);
      expect(r('every fault', level).mean, `every fault ${level}`).toBeLessThan(20);
    }
  });
});
