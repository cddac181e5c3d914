/**
 * fix-mix on imported songs: three synthetic songs × the levels they carry (1 and 2) × 60 seeds — deterministic,
 * plain JSON, a loop of the song's body, every fault alone clearly heard by the grader, solve 100, nothing 0, half
 * and half about 50 — and the trick players of fix-mix-tricks.test.ts on imported questions: readers who never
 * listen learn from seeds 1–200 of the same song and play seeds 1001–1100. Levels 3 and 4 are refused in words.
 */
import { describe, expect, it } from 'vitest';
import { check } from '../../src/exercises/fix-mix/check';
import { CLEAR_STEPS, IMPORTED_FIX_LEVELS, importedAudibility } from '../../src/exercises/fix-mix/imported';
import { soundAt } from '../../src/exercises/fix-mix/imported-desk';
import { type FixMixQuestion, meta } from '../../src/exercises/fix-mix/meta';
import { solve } from '../../src/exercises/fix-mix/solve';
import { start } from '../../src/exercises/fix-mix/start';
import { isAudible } from '../../src/exercises/shared/audibility';
import {
  generateOnImported,
  IMPORTED_REASONS,
  importedFitProblem,
  importedLevelProblem,
  takesImported,
} from '../../src/exercises/shared/imported-kinds';
import { bodyLoops, type ImportedSongSummary, loopOf } from '../../src/exercises/shared/imported-song';
import { copyTrackMix } from '../../src/exercises/shared/mix-spec';
import {
  type Answerer,
  commonGuesser,
  deskReader,
  everyFault,
  type Make,
  play,
  strongReader,
} from './fix-mix-players';
import { bandTracks as dynBandTracks, summaryOf } from './imported-dynamics-fixtures';
import { summary } from './imported-fixtures';
import { bandSummary, duoSummary } from './imported-fixtures-more';

const dynBand = summaryOf('Dyn band', dynBandTracks());
const SONGS: readonly ImportedSongSummary[] = [summary, bandSummary, dynBand];
const LEVELS = [1, 2];
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
const SEEDS = range(1, 60);

const cache = new Map<string, FixMixQuestion>();
/** The imported question (cached: every reader meets the same questions). */
function gen(song: ImportedSongSummary, seed: number, level: number): FixMixQuestion {
  const key = `${song.name}/${level}/${seed}`;
  let q = cache.get(key);
  if (!q) {
    q = generateOnImported('fix-mix', seed, level, song) as FixMixQuestion;
    cache.set(key, q);
  }
  return q;
}

describe('fix-mix on an imported song: the offer', () => {
  it('is offered on levels 1 and 2; 3 (compression) and 4 (production problems) are refused in plain words', () => {
    expect(IMPORTED_FIX_LEVELS).toEqual(LEVELS);
    expect(takesImported('fix-mix')).toBe(true);
    expect(IMPORTED_REASONS['fix-mix']).toBeUndefined();
    for (const level of LEVELS) {
      expect(importedLevelProblem('fix-mix', level)).toBeNull();
      for (const song of SONGS) expect(importedFitProblem('fix-mix', song, level)).toBeNull();
    }
    const three = importedLevelProblem('fix-mix', 3) as string;
    expect(three).toMatch(/^Level 3 grades compression.*plays only Headroom’s songs\.$/);
    const four = importedLevelProblem('fix-mix', 4) as string;
    expect(four).toMatch(/^Level 4 adds problems in the parts themselves.*plays only Headroom’s songs\.$/);
    for (const [level, why] of [
      [3, three],
      [4, four],
    ] as const) {
      expect(importedFitProblem('fix-mix', summary, level)).toBe(why);
      expect(() => generateOnImported('fix-mix', 1, level, summary)).toThrow(why);
      expect(why).not.toMatch(/RMS|psychometric|staircase|summary/);
    }
  });

  it('a song with fewer than three parts heard together is refused with a reason', () => {
    expect(importedFitProblem('fix-mix', duoSummary, 1)).toMatch(/3 parts play(ing)? together/);
    expect(() => generateOnImported('fix-mix', 1, 1, duoSummary)).toThrow(/3 parts play(ing)? together/);
  });
});

describe('fix-mix questions on imported songs', () => {
  for (const song of SONGS)
    for (const level of LEVELS)
      it(`${song.name}, level ${level} × 60 seeds: deterministic, valid, audible, solve 100, nothing 0, halfway 50`, () => {
        const hist: Record<string, number> = {};
        let least = Number.POSITIVE_INFINITY;
        for (const seed of SEEDS) {
          const q = gen(song, seed, level);
          expect(generateOnImported('fix-mix', seed, level, song)).toEqual(q);
          expect(JSON.parse(JSON.stringify(q))).toEqual(q);
          expect(q.kind).toBe('fix-mix');
          expect(q.production).toBeNull();
          expect(q.dimensions).toEqual(meta.levels[level - 1]!.params.dimensions);
          expect(q.dimensions).not.toContain('dynamics');
          expect(q.tracks.length).toBeGreaterThanOrEqual(3);
          expect(q.tracks.length).toBeLessThanOrEqual(meta.levels[level - 1]!.params.tracks.length);
          expect(q.bandsDb).toHaveLength(q.tracks.length);
          // A loop of the song's body.
          expect(q.source.type).toBe('imported-song');
          const loop = loopOf(song, q.source as never)!;
          expect(bodyLoops(song).some((l) => l.firstSegment === loop.firstSegment)).toBe(true);
          // One or two faults, each offered, one per part, each alone clearly heard by the grader.
          expect(q.faults.length).toBeGreaterThanOrEqual(1);
          expect(q.faults.length).toBeLessThanOrEqual(meta.levels[level - 1]!.params.count[1]);
          for (const f of q.faults) {
            expect(q.choices).toContain(f.fault);
            hist[f.fault] = (hist[f.fault] ?? 0) + 1;
          }
          const a = importedAudibility(q, song);
          expect(isAudible(a), `${song.name} ${level}/${seed} ${JSON.stringify(a)}`).toBe(true);
          least = Math.min(least, a.planted);
          // An EQ fault sits where its part has sound.
          for (const f of q.faults.filter((x) => x.fault === 'muddy' || x.fault === 'harsh')) {
            const i = q.tracks.findIndex((t) => t.id === f.track);
            const k = f.fault === 'muddy' ? 1 : 2;
            const hz = q.start[i]!.eq[k].frequencyHz;
            const part = { id: q.tracks[i]!.id, name: '', role: '', bandsDb: q.bandsDb![i]! };
            expect(soundAt(part, hz, hz), `${f.description}`).toEqual([hz]);
          }
          // Every control of both desks on the desk.
          for (const t of [...q.start, ...q.reference]) {
            expect(t.faderDb).toBeGreaterThanOrEqual(-30);
            expect(t.faderDb).toBeLessThanOrEqual(18);
            expect(Math.abs(t.pan)).toBeLessThanOrEqual(1);
            for (const b of t.eq) expect(Math.abs(b.gainDb)).toBeLessThanOrEqual(18);
            expect(t.comp.enabled).toBe(false);
          }
          expect(check(q, solve(q)).score).toBe(100);
          expect(check(q, start(q)).score).toBe(0);
          const diagnosis = check(q, { ...solve(q), tracks: q.start.map(copyTrackMix) }).score;
          const repair = check(q, { ...solve(q), faults: [] }).score;
          expect((diagnosis + repair) / 2).toBeGreaterThanOrEqual(40);
          expect((diagnosis + repair) / 2).toBeLessThanOrEqual(60);
        }
        console.log(song.name, level, 'faults', JSON.stringify(hist), 'least steps', least.toFixed(2));
        expect(least).toBeGreaterThanOrEqual(CLEAR_STEPS);
      });
});

// ——— the trick players of fix-mix-tricks.test.ts (fix-mix-players.ts), on one imported song ———

describe('fix-mix on imported songs against players who read the desk and never listen', () => {
  const table: Record<string, Record<string, string>> = {};
  for (const song of SONGS)
    for (const level of LEVELS)
      it(`${song.name}, level ${level}: every reader and guess under mean 30 and 10 % passing`, () => {
        const make: Make = (seed) => gen(song, seed, level);
        const players: [string, Answerer][] = [
          ['desk reader (review7)', deskReader(make)],
          ['learned reader (> 0.5)', strongReader(make)],
          ['bolder reader (> 0.2)', strongReader(make, 0.2)],
          ['common guess', commonGuesser(make)],
          ['every fault', everyFault(make)],
        ];
        const row: Record<string, string> = {};
        const out: [string, number, number][] = [];
        for (const [name, answer] of players) {
          const { mean: m, passes } = play(make, answer);
          row[name] = `${m.toFixed(1)} (${Math.round(100 * passes)} %)`;
          out.push([name, m, passes]);
        }
        table[`${song.name} L${level}`] = row;
        console.table({ [`${song.name} L${level}`]: row });
        for (const [name, m, passes] of out) {
          expect(m, `${name} mean`).toBeLessThan(30);
          expect(passes, `${name} passing`).toBeLessThan(0.1);
        }
      }, 300_000);
});
