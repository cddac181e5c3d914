/**
 * pan-position, stereo-width, eq-match and resonance on imported songs: every level × 60 seeds on three
 * synthetic songs, deterministic, plain JSON, a loop of the song's body, audible by each kind's own rule read
 * from the song's summary, and scored as on a generated song.
 */
import { describe, expect, it } from 'vitest';
import { songHashOf } from '../../src/classroom/imported-song-hash';
import { panGains } from '../../src/dsp/pan';
import { createRng } from '../../src/dsp/random';
import { importedAudibility as eqMatchAudible } from '../../src/exercises/eq-match/generate';
import { importedProgrammeDb } from '../../src/exercises/eq-match/imported-programme';
import { importedAudibility as panAudible } from '../../src/exercises/pan-position/generate';
import { exercises } from '../../src/exercises/registry';
import { importedAudibility as resonanceAudible } from '../../src/exercises/resonance/generate';
import { drawStats, isAudible, resetDrawStats } from '../../src/exercises/shared/audibility';
import { generateOnImported, importedFitProblem } from '../../src/exercises/shared/imported-kinds';
import {
  bodyLoops,
  type ImportedSongSummary,
  loopActivity,
  loopOf,
} from '../../src/exercises/shared/imported-song';
import { summariseImportedSong } from '../../src/exercises/shared/imported-summary';
import { programmeWeights } from '../../src/exercises/shared/programme-spectrum';
import {
  importedPans,
  loopPower,
  importedAudibility as widthAudible,
} from '../../src/exercises/stereo-width/generate';
import type { StereoWidthQuestion } from '../../src/exercises/stereo-width/meta';
import type { ImportedSongSource } from '../../src/exercises/types';
import { RATE, summary, tracks } from './imported-fixtures';
import { bandSummary, duoSummary } from './imported-fixtures-more';

const SONGS: readonly ImportedSongSummary[] = [summary, bandSummary, duoSummary];
const SEEDS = 60;

type Judge = (q: never, s: ImportedSongSummary) => ReturnType<typeof panAudible>;
const JUDGES: Record<string, Judge> = {
  'pan-position': panAudible,
  'stereo-width': widthAudible,
  'eq-match': eqMatchAudible,
  resonance: resonanceAudible,
};

type AnyQ = Record<string, unknown> & { source: ImportedSongSource & { track?: string } };

describe('the new kinds on imported songs', () => {
  for (const kind of Object.keys(JUDGES)) {
    it(`${kind}: every level × ${SEEDS} seeds × 3 songs: deterministic, valid, audible, solve scores 100`, () => {
      const k = exercises[kind as keyof typeof exercises];
      const check = k.check as (q: unknown, a: unknown) => { score: number; correct: boolean };
      const solve = k.solve as (q: unknown) => unknown;
      resetDrawStats();
      let count = 0;
      for (const song of SONGS) {
        const body = bodyLoops(song).map((l) => l.firstSegment);
        for (let level = 1; level <= k.meta.levels.length; level++) {
          for (let seed = 1; seed <= SEEDS; seed++) {
            const q = generateOnImported(kind, seed * 104729, level, song) as unknown as AnyQ;
            expect(generateOnImported(kind, seed * 104729, level, song)).toEqual(q);
            expect(JSON.parse(JSON.stringify(q))).toEqual(q);
            expect(q.kind).toBe(kind);
            expect(q.source.type).toBe('imported-song');
            expect(q.source.hash).toBe(song.hash);
            const loop = loopOf(song, q.source)!;
            expect(loop).not.toBeNull();
            expect(body).toContain(loop.firstSegment);
            const a = JUDGES[kind]!(q as never, song);
            expect(isAudible(a), `${kind} ${song.name} L${level} s${seed}: ${JSON.stringify(a)}`).toBe(true);
            if (q.source.track) {
              const t = song.tracks.find((x) => x.key === q.source.track)!;
              expect(loopActivity(t, loop)).toBeGreaterThanOrEqual(0.75);
            }
            const solved = check(q, solve(q));
            expect(solved.score).toBe(100);
            expect(solved.correct).toBe(true);
            if (k.start) expect(check(q, k.start(q as never)).score).toBe(0);
            count++;
          }
        }
      }
      expect(count).toBe(3 * k.meta.levels.length * SEEDS);
      // Re-draw rate of the drawAudible kinds (eq-match and resonance redraw on their own).
      console.info(`${kind}: ${JSON.stringify(drawStats)}`);
      expect(drawStats.gaveUp).toBe(0);
    }, 120_000);
  }

  it('adaptive questions carry their value and stay audible (pan-position, stereo-width)', () => {
    for (const song of SONGS)
      for (const kind of ['pan-position', 'stereo-width'])
        for (const value of [2, 5, 10, 16.67, 60, 100]) {
          const mv = exercises[kind as 'pan-position'].meta.mainVariable!;
          const q = generateOnImported(kind, 77, 1, song, value) as { adaptiveValue?: number };
          const v = Math.min(mv.max, Math.max(mv.min, value));
          expect(q.adaptiveValue).toBeCloseTo(kind === 'stereo-width' ? Math.round(v) : v, 2);
          expect(isAudible(JUDGES[kind]!(q as never, song)), `${kind} ${song.name} ${value}`).toBe(true);
        }
  });

  it('every new kind fits all three songs; stereo-width needs two parts', () => {
    for (const song of SONGS)
      for (const kind of Object.keys(JUDGES)) expect(importedFitProblem(kind, song), kind).toBeNull();
    const solo = summariseImportedSong('Solo', summary.hash, [], 24000);
    expect(solo.tracks).toHaveLength(0);
  });
});

describe('stereo-width on an imported song', () => {
  it('keeps kick, bass and snare centred and spreads the other parts left and right in turn', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const pans = importedPans(bandSummary, createRng(seed));
      const byName = (n: string) => pans[bandSummary.tracks.find((t) => t.name === n)!.key as never];
      expect(byName('Bass')).toBeUndefined();
      const spread = bandSummary.tracks.map((t) => pans[t.key as never]).filter((p) => p !== undefined);
      expect(spread).toHaveLength(5);
      // In key order the sides alternate, each 0.4 … 1 from the centre.
      spread.forEach((p, i) => {
        expect(Math.abs(p!)).toBeGreaterThanOrEqual(0.4);
        if (i > 0) expect(Math.sign(p!)).toBe(-Math.sign(spread[i - 1]!));
      });
    }
  });

  it('a song of only kick, snare and bass is spread whole; one whose spread parts are too quiet is refused in words', () => {
    const pick = (names: string[], rename: Record<string, string> = {}) => {
      const chosen = tracks
        .filter((t) => names.includes(t.name))
        .map((t) => ({ ...t, name: rename[t.name] ?? t.name }));
      return summariseImportedSong('Drums', songHashOf(chosen.map((t) => t.fileHash)), chosen, RATE);
    };
    // Kick, bass and a quiet part named snare: all three spread, every level audible.
    const drums = pick(['Kick', 'Bass', 'Room'], { Room: 'Snare' });
    expect(drums.tracks.map((t) => t.role).sort()).toEqual(['bass', 'kick', 'snare']);
    expect(importedFitProblem('stereo-width', drums)).toBeNull();
    for (let level = 1; level <= 6; level++)
      for (let seed = 1; seed <= 20; seed++) {
        const q = generateOnImported('stereo-width', seed, level, drums);
        expect(isAudible(widthAudible(q as never, drums)), `L${level} s${seed}`).toBe(true);
      }
    // Kick and bass centred, only a part 60 dB down to spread: no width to hear, and Train says why.
    const quiet = pick(['Kick', 'Bass', 'Room']);
    expect(importedFitProblem('stereo-width', quiet)).toBe(
      'The parts of “Drums” that would be spread left and right are too quiet beside the others to hear the mix get wider or narrower.',
    );
    expect(importedFitProblem('pan-position', quiet)).toBeNull();
  });

  it('a part’s power in the loop is the mean of its level windows (the mono sum the drill plays)', () => {
    const bass = bandSummary.tracks.find((t) => t.name === 'Bass')!;
    // A 0.25 sine: mean square 0.03125 = −15.05 dBFS.
    expect(10 * Math.log10(loopPower(bass, { firstSegment: 1, segments: 2 }))).toBeCloseTo(-15.05, 0);
  });

  it('the side level it judges is the one the pans give (analytic: one part panned, one centred)', () => {
    // Piano panned to p, voice centred (both 'audio'/'vocal' parts of the duo: the piano is 'keys', spread).
    for (let seed = 1; seed <= 20; seed++) {
      const q = generateOnImported('stereo-width', seed, 4, duoSummary) as StereoWidthQuestion;
      const loop = loopOf(duoSummary, q.source as ImportedSongSource)!;
      const [piano, voice] = ['Piano', 'Voice'].map((n) => duoSummary.tracks.find((t) => t.name === n)!);
      const pp = loopPower(piano!, loop);
      const pv = loopPower(voice!, loop);
      const [pl, pr] = panGains(q.pans[piano!.key as never] ?? 0);
      const [vl, vr] = panGains(q.pans[voice!.key as never] ?? 0);
      const mid = pp * ((pl + pr) / 2) ** 2 + pv * ((vl + vr) / 2) ** 2;
      const side = pp * ((pl - pr) / 2) ** 2 + pv * ((vl - vr) / 2) ** 2;
      const sideDb = 10 * Math.log10(side / mid);
      // 'How wide?' at 100 % against the nearest other choice (50 % or 150 %): the side moves 20·log10(1.5) dB.
      const a = widthAudible(q as never, duoSummary);
      expect(sideDb).toBeGreaterThan(-20);
      expect(a.planted).toBeCloseTo(
        Math.abs(
          Math.max(-30, sideDb + 20 * Math.log10(q.widthB)) -
            Math.max(-30, sideDb + 20 * Math.log10(nearestWidth(q))),
        ),
        6,
      );
    }
  });
});

/** The other width offered nearest (in side level) to the right one. */
function nearestWidth(q: StereoWidthQuestion): number {
  const others = q.choices.map((c) => Number(c) / 100).filter((w) => w !== q.widthB);
  const nominal = (w: number) =>
    Math.min(30, Math.abs(20 * Math.log10(Math.max(w, 1e-3) / Math.max(q.widthB, 1e-3))));
  return others.reduce((best, w) => (nominal(w) < nominal(best) ? w : best));
}

describe('eq-match and resonance weigh the imported loop’s own spectrum', () => {
  it('the question carries the loop’s spectrum, and a band with no music there weighs nothing', () => {
    for (const song of SONGS)
      for (let seed = 1; seed <= 10; seed++) {
        const q = generateOnImported('eq-match', seed, 5, song) as unknown as AnyQ & {
          programmeDb: number[];
        };
        const loop = loopOf(song, q.source)!;
        expect(q.programmeDb).toEqual(importedProgrammeDb(song, loop));
        expect(q.programmeDb).toHaveLength(30);
        expect(Math.max(...q.programmeDb)).toBe(0);
      }
    // The duo has nothing below 200 Hz: its 25–125 Hz bands are more than 30 dB down, weight 0.
    const duoLoop = bodyLoops(duoSummary)[0]!;
    const w = programmeWeights(
      { type: 'spectrum', levelsDb: importedProgrammeDb(duoSummary, duoLoop) },
      [40, 440],
    );
    expect(w).toEqual([0, 1]);
  });
});
