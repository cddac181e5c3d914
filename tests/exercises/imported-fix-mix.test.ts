/**
 * fix-mix on imported songs: every level × 60 seeds × 4 synthetic songs: deterministic, plain JSON, a loop of
 * the song's body, only faults that can be planted and judged from the summary (offered and planted), each
 * audible by importedAudibility and a clear change for the grader, solve 100, start 0, and the test-taking
 * tricks (tick everything, always the first or last choice, random guessing) fail.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/dsp/random';
import { check } from '../../src/exercises/fix-mix/check';
import { importedAudibility, NOT_ON_IMPORTED } from '../../src/exercises/fix-mix/imported';
import type { FixMixQuestion, PlantedFault } from '../../src/exercises/fix-mix/meta';
import { FAULT_DIMENSION } from '../../src/exercises/fix-mix/mix-faults';
import { solve } from '../../src/exercises/fix-mix/solve';
import { start } from '../../src/exercises/fix-mix/start';
import { drawStats, isAudible, resetDrawStats } from '../../src/exercises/shared/audibility';
import { generateOnImported, importedFitProblem } from '../../src/exercises/shared/imported-kinds';
import { bodyLoops, type ImportedSongSummary, loopOf } from '../../src/exercises/shared/imported-song';
import { copyTrackMix, type TrackMix, untouchedTrack } from '../../src/exercises/shared/mix-spec';
import { pulses, square, stemOf, summaryOf } from './imported-dynamics-fixtures';
import { summary } from './imported-fixtures';
import { bandSummary, duoSummary } from './imported-fixtures-more';

/**
 * "Roomy": 16 s, a kick every 0.5 s, a square-wave bass, and a clave every 0.6 s whose echo a 1/4 note at
 * 120 bpm later (0.5 s) lands in silence: the one song here with room for an audible delay.
 */
const roomySummary = summaryOf('Roomy', [
  {
    name: 'Kick',
    fileHash: 'a'.repeat(64),
    channels: [stemOf(16, (t) => 0.8 * Math.exp(-(t % 0.5) * 30) * Math.sin(2 * Math.PI * 55 * (t % 0.5)))],
  },
  { name: 'Bass', fileHash: 'b'.repeat(64), channels: [stemOf(16, square(0.2))] },
  { name: 'Clave', fileHash: 'c'.repeat(64), channels: [stemOf(16, pulses(0.3, 0.6, 0.1, 10))] },
]);

const SONGS: readonly ImportedSongSummary[] = [summary, bandSummary, duoSummary, roomySummary];
const SEEDS = 60;
const LEVELS = [1, 2, 3, 4];

const gen = (seed: number, level: number, song: ImportedSongSummary) =>
  generateOnImported('fix-mix', seed * 7919, level, song) as FixMixQuestion;

const all = (() => {
  const out: { q: FixMixQuestion; song: ImportedSongSummary }[] = [];
  for (const song of SONGS)
    for (const level of LEVELS) for (let s = 1; s <= SEEDS; s++) out.push({ q: gen(s, level, song), song });
  return out;
})();

const desk = (q: FixMixQuestion) => q.start.map(copyTrackMix);
const claimOf = (f: PlantedFault) => (f.track ? { fault: f.fault, track: f.track } : { fault: f.fault });

/** The desk with one planted fault undone (its dimension set back to the good mix on the parts it touched). */
function repair(q: FixMixQuestion, tracks: TrackMix[], f: PlantedFault): TrackMix[] {
  const dim = f.fault === 'production' ? null : FAULT_DIMENSION[f.fault];
  return tracks.map((t, i) => {
    const ref = q.reference[i]!;
    const hit = f.track
      ? q.tracks[i]!.id === f.track
      : JSON.stringify(q.start[i]!.eq) !== JSON.stringify(ref.eq);
    if (!hit) return t;
    const out = copyTrackMix(t);
    if (dim === 'balance') out.faderDb = ref.faderDb;
    if (dim === 'tone') out.eq = copyTrackMix(ref).eq;
    if (dim === 'space') {
      out.reverbDb = ref.reverbDb;
      out.delayDb = ref.delayDb;
    }
    return out;
  }, 120_000);
}

describe('fix-mix on imported songs', () => {
  it('the three songs can carry it', () => {
    for (const song of SONGS) expect(importedFitProblem('fix-mix', song), song.name).toBeNull();
  }, 120_000);

  it(`every level × ${SEEDS} seeds × 4 songs: deterministic, valid, only faults the summary can carry, audible`, () => {
    resetDrawStats();
    const offered: Record<string, number> = {};
    const planted: Record<string, number> = {};
    for (const song of SONGS) {
      const body = bodyLoops(song).map((l) => l.firstSegment);
      for (const level of LEVELS)
        for (let s = 1; s <= SEEDS; s++) {
          const q = gen(s, level, song);
          expect(gen(s, level, song)).toStrictEqual(q);
          expect(JSON.parse(JSON.stringify(q))).toStrictEqual(q);
          expect(q.source.type).toBe('imported-song');
          const loop = loopOf(song, q.source as never)!;
          expect(body).toContain(loop.firstSegment);
          expect(q.production).toBeNull();
          expect(q.dimensions).not.toContain('dynamics');
          expect(q.reference).toStrictEqual(q.tracks.map(() => untouchedTrack()));
          expect(q.bandsDb).toHaveLength(q.tracks.length);
          expect(q.faults.length).toBeGreaterThanOrEqual(1);
          expect(q.faults.length).toBeLessThanOrEqual(level === 1 ? 1 : level === 2 ? 2 : 3);
          for (const c of q.choices) {
            expect(NOT_ON_IMPORTED).not.toContain(c);
            expect(c).not.toBe('production');
            offered[c] = (offered[c] ?? 0) + 1;
          }
          for (const f of q.faults) {
            expect(q.choices).toContain(f.fault);
            planted[f.fault] = (planted[f.fault] ?? 0) + 1;
          }
          if (q.choices.includes('masking'))
            expect(q.tracks.map((t) => song.tracks.find((x) => x.key === t.id)!.role)).toEqual(
              expect.arrayContaining(['kick', 'bass']),
            );
          const a = importedAudibility(q, song);
          expect(isAudible(a), `${song.name} L${level} s${s}: ${JSON.stringify(a)}`).toBe(true);
        }
    }
    console.info('fix-mix imported: offered', offered, 'planted', planted, 'draws', { ...drawStats });
    expect(drawStats.gaveUp).toBe(0);
    for (const f of ['loud', 'buried', 'muddy', 'harsh', 'masking', 'reverb', 'delay'])
      expect(planted[f], f).toBeGreaterThan(0);
  }, 120_000);

  it('each planted fault alone is a clear change for the grader (three just-noticeable steps or more)', () => {
    for (const { q } of all)
      for (const f of q.faults) {
        const before = check(q, { faults: [], tracks: desk(q) }).details!.startTotal as number;
        const after = check(q, { faults: [], tracks: repair(q, desk(q), f) }).details!.total as number;
        expect(before - after, f.description).toBeGreaterThanOrEqual(3);
      }
  }, 120_000);

  it('solve scores 100 and is right; the untouched answer 0', () => {
    for (const { q } of all) {
      expect(check(q, solve(q))).toMatchObject({ score: 100, correct: true });
      expect(check(q, start(q))).toMatchObject({ score: 0, correct: false });
    }
  }, 120_000);

  it('ticking every offered problem earns nothing for the diagnosis (at most half of them are planted)', () => {
    for (const { q } of all) {
      expect(q.faults.length).toBeLessThanOrEqual(Math.max(1, Math.floor(q.choices.length / 2)));
      const every = q.choices.map((fault) => {
        const p = q.faults.find((f) => f.fault === fault);
        return p?.track ? { fault, track: p.track } : { fault, track: q.tracks[0]!.id };
      });
      if (q.choices.length >= 2) expect(check(q, { faults: every, tracks: desk(q) }).score).toBe(0);
      const r = check(q, { faults: every, tracks: solve(q).tracks });
      if (q.choices.length >= 2) {
        expect(r.correct).toBe(false);
        expect(r.score).toBeLessThanOrEqual(60);
      }
    }
  }, 120_000);

  it('always the first, last or a random choice (with the desk untouched or shaken) does not pass', () => {
    const rng = createRng(5);
    const means: Record<string, number> = {};
    for (const how of ['first', 'last', 'random'] as const) {
      let total = 0;
      let right = 0;
      for (const { q } of all) {
        const fault =
          how === 'first'
            ? q.choices[0]!
            : how === 'last'
              ? q.choices[q.choices.length - 1]!
              : rng.pick(q.choices);
        const track = rng.pick(q.tracks).id;
        const tracks = desk(q).map((t) => ({
          ...t,
          faderDb: t.faderDb + rng.range(-6, 6),
          pan: rng.range(-1, 1),
        }));
        const r = check(q, { faults: [{ fault, track }], tracks: how === 'random' ? tracks : desk(q) });
        if (how !== 'random') expect(r.correct).toBe(false);
        if (r.correct) right++;
        total += r.score;
      }
      means[how] = total / all.length;
      // A two-part song at level 1 offers two problems on two parts: a guess is sometimes right, rarely.
      expect(right / all.length, how).toBeLessThan(0.02);
    }
    console.info('fix-mix imported: mean score by guessing', means);
    for (const m of Object.values(means)) expect(m).toBeLessThan(20);
  }, 120_000);

  it('naming and fixing one of two faults scores about half', () => {
    const scores: number[] = [];
    for (const { q } of all) {
      if (q.faults.length !== 2) continue;
      const [first] = q.faults as [PlantedFault, PlantedFault];
      const r = check(q, { faults: [claimOf(first)], tracks: repair(q, desk(q), first) });
      expect(r.correct).toBe(false);
      scores.push(r.score);
    }
    expect(scores.length).toBeGreaterThan(20);
    const mean = scores.reduce((s, x) => s + x, 0) / scores.length;
    console.info('fix-mix imported: one of two fixed', {
      n: scores.length,
      mean,
      min: Math.min(...scores),
      max: Math.max(...scores),
    });
    expect(mean).toBeGreaterThan(35);
    expect(mean).toBeLessThan(65);
  }, 120_000);
});
