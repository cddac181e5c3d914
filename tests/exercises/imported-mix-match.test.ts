/**
 * mix-match on imported songs: five synthetic songs × every level they can carry × 60 seeds. Deterministic,
 * plain JSON, a loop of the song's body with every part heard, a seeded reference drawn around the desk as found
 * (the stems as exported, centred, flat, sends at their middle level), and honest from the learner's side: the
 * desk as found scores 0, the reference 100, every control moved half-way about half, and a random desk, an
 * untouched desk or every control set to the median of the other parts' fail.
 * The compression levels (4, 7) are refused on every imported song, in plain words.
 */
import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../src/dsp/random';
import { check } from '../../src/exercises/mix-match/check';
import { IMPORTED_LEVELS, importedAudibility } from '../../src/exercises/mix-match/imported';
import { type MixMatchAnswer, type MixMatchQuestion, meta } from '../../src/exercises/mix-match/meta';
import { solve } from '../../src/exercises/mix-match/solve';
import { start } from '../../src/exercises/mix-match/start';
import { isAudible } from '../../src/exercises/shared/audibility';
import {
  generateOnImported,
  importedFitProblem,
  importedLevelProblem,
  takesImported,
} from '../../src/exercises/shared/imported-kinds';
import {
  bodyLoops,
  type ImportedSongSummary,
  loopActivity,
  loopOf,
  summaryAsVersion,
} from '../../src/exercises/shared/imported-song';
import {
  copyTrackMix,
  type MixDimension,
  type TrackMix,
  untouchedTrack,
} from '../../src/exercises/shared/mix-spec';
import { bandTracks as dynBandTracks, summaryOf } from './imported-dynamics-fixtures';
import { summary } from './imported-fixtures';
import { bandSummary, duoSummary } from './imported-fixtures-more';
import { roomySummary } from './mix-match-fixtures';

const dynBand = summaryOf('Dyn band', dynBandTracks());
const roomy = roomySummary();
const SONGS: readonly ImportedSongSummary[] = [summary, bandSummary, duoSummary, dynBand, roomy];
const SEEDS = 60;

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const sendDb = (x: number | null) => (x === null ? -30 : x);

/** Every control half-way from the start to the reference (sends in dB, off counting as −30 dB). */
function halfway(q: MixMatchQuestion): MixMatchAnswer {
  return {
    tracks: q.start.map((s, i) => {
      const r = q.reference[i] as TrackMix;
      const mid = (a: number, b: number) => (a + b) / 2;
      const send = (a: number | null, b: number | null) =>
        a === null && b === null ? null : mid(sendDb(a), sendDb(b));
      return {
        ...copyTrackMix(s),
        faderDb: mid(s.faderDb, r.faderDb),
        pan: mid(s.pan, r.pan),
        eq: s.eq.map((b, k) => {
          const rb = r.eq[k] as TrackMix['eq'][number];
          return {
            frequencyHz: Math.sqrt(b.frequencyHz * rb.frequencyHz),
            gainDb: mid(b.gainDb, rb.gainDb),
            q: Math.sqrt(b.q * rb.q),
          };
        }) as TrackMix['eq'],
        reverbDb: send(s.reverbDb, r.reverbDb),
        delayDb: send(s.delayDb, r.delayDb),
      };
    }),
  };
}

/** A desk set at random, every control over its usual range. */
function randomDesk(q: MixMatchQuestion, rng: Rng): MixMatchAnswer {
  return {
    tracks: q.start.map((s) => ({
      ...copyTrackMix(s),
      faderDb: rng.range(-12, 8),
      pan: rng.range(-1, 1),
      eq: s.eq.map((b, k) => ({
        frequencyHz: [50, 160, 1000, 5000][k]! * 2 ** rng.range(0, 2),
        gainDb: rng.range(-6, 6),
        q: b.q,
      })) as TrackMix['eq'],
      reverbDb: rng.chance(0.5) ? null : rng.range(-30, -5),
      delayDb: rng.chance(0.5) ? null : rng.range(-30, -5),
    })),
  };
}

/** Every control of each part set to the median of the other parts' in the reference (a "typical" mix). */
function medianOfPeers(q: MixMatchQuestion): MixMatchAnswer {
  return {
    tracks: q.reference.map((_, i) => {
      const peers = q.reference.filter((__, k) => k !== i);
      const m = (f: (t: TrackMix) => number) => median(peers.map(f));
      const mixed = untouchedTrack();
      mixed.faderDb = m((t) => t.faderDb);
      mixed.pan = m((t) => t.pan);
      mixed.eq = mixed.eq.map((_b, k) => ({
        frequencyHz: m((t) => t.eq[k]!.frequencyHz),
        gainDb: m((t) => t.eq[k]!.gainDb),
        q: m((t) => t.eq[k]!.q),
      })) as TrackMix['eq'];
      mixed.reverbDb = m((t) => sendDb(t.reverbDb));
      mixed.delayDb = m((t) => sendDb(t.delayDb));
      return mixed;
    }),
  };
}

/** The (song, level) pairs the kind carries. */
const allowed = SONGS.flatMap((song) =>
  Array.from({ length: meta.levels.length }, (_, i) => i + 1)
    .filter((level) => importedFitProblem('mix-match', song, level) === null)
    .map((level) => ({ song, level })),
);

describe('mix-match on imported songs', () => {
  it('takes imported songs; the compression levels (4 and 7) never, in plain words', () => {
    expect(takesImported('mix-match')).toBe(true);
    expect(IMPORTED_LEVELS).toEqual([1, 2, 3, 5, 6]);
    for (const level of [4, 7]) {
      const why = importedLevelProblem('mix-match', level);
      expect(why).toMatch(/compression/);
      expect(why).toMatch(/only Headroom’s songs/);
      for (const song of SONGS) {
        expect(importedFitProblem('mix-match', song, level)).toBe(why);
        expect(() => generateOnImported('mix-match', 1, level, song)).toThrow(why!);
      }
    }
    // Levels 1, 2 and 6 on every song; the EQ level needs two parts with sound where the EQ works (the duo's
    // voice is one sine), the sends level five sends' worth of room after the notes of four parts (only the
    // roomy band has them).
    expect(allowed.map((a) => `${a.song.name} ${a.level}`)).toEqual([
      'Test song 1',
      'Test song 2',
      'Test song 3',
      'Test song 6',
      'Band 1',
      'Band 2',
      'Band 3',
      'Band 6',
      'Dyn band 1',
      'Dyn band 2',
      'Dyn band 3',
      'Dyn band 6',
      'Roomy band 1',
      'Roomy band 2',
      'Roomy band 3',
      'Roomy band 5',
      'Roomy band 6',
    ]);
    expect(importedFitProblem('mix-match', duoSummary)).toMatch(/Needs 3 parts playing together/);
    expect(importedFitProblem('mix-match', bandSummary, 5)).toMatch(/room after their notes/);
    // The dynamics band's parts have room for three sends: too few for the desk, which starts each send at its
    // middle level, to be six steps off the reference.
    expect(importedFitProblem('mix-match', dynBand, 5)).toMatch(/5 such sends among 4 parts/);
  });

  it('the sends level on a song measured before notes were kept says to measure it again; the faders still play', () => {
    const old = summaryAsVersion(dynBand, 1)!;
    expect(importedFitProblem('mix-match', old, 5)).toMatch(/imported before Headroom measured/);
    expect(importedFitProblem('mix-match', old, 1)).toBeNull();
    const q = generateOnImported('mix-match', 5, 1, old) as MixMatchQuestion;
    expect(check(q, solve(q)).score).toBe(100);
  });

  const mean = (xs: number[]) => xs.reduce((x, y) => x + y, 0) / xs.length;
  for (const { song, level } of allowed) {
    it(`${song.name}, level ${level} × ${SEEDS} seeds: deterministic, plain JSON, heard, honest`, () => {
      const rng = createRng(99 + level);
      const body = bodyLoops(song).map((l) => l.firstSegment);
      const s = {
        half: [] as number[],
        random: [] as number[],
        median: [] as number[],
        reset: [] as number[],
        randomRight: 0,
        medianRight: 0,
        parts: 0,
      };
      for (let seed = 1; seed <= SEEDS; seed++) {
        const at = `${song.name} L${level} s${seed}`;
        const q = generateOnImported('mix-match', seed * 7919, level, song) as MixMatchQuestion;
        expect(generateOnImported('mix-match', seed * 7919, level, song)).toEqual(q);
        expect(JSON.parse(JSON.stringify(q))).toEqual(q);
        expect(q.source.type).toBe('imported-song');
        const loop = loopOf(song, q.source as never)!;
        expect(body).toContain(loop.firstSegment);
        expect(isAudible(importedAudibility(q, song)), at).toBe(true);
        expect(q.tracks.length).toBeGreaterThanOrEqual(3);
        s.parts += q.tracks.length / SEEDS;
        for (const t of q.tracks) {
          const part = song.tracks.find((x) => x.key === t.id)!;
          expect(loopActivity(part, loop)).toBeGreaterThanOrEqual(0.75);
          // The 60 dB-down room track is never one to mix.
          expect(part.name).not.toBe('Room');
        }
        // Never compression; the reference off the desk only in what is graded.
        const graded = new Set<MixDimension>(q.dimensions);
        expect(graded.has('dynamics')).toBe(false);
        q.reference.forEach((r, i) => {
          expect(r.comp.enabled).toBe(false);
          const blank = untouchedTrack();
          expect(q.start[i]!.faderDb).toBe(blank.faderDb);
          if (!graded.has('balance')) expect(r.faderDb).toBe(0);
          if (!graded.has('pan')) expect(r.pan).toBe(0);
          if (!graded.has('space')) expect([r.reverbDb, r.delayDb]).toEqual([null, null]);
          if (!graded.has('tone')) expect(r.eq).toEqual(blank.eq);
        });
        // Honesty.
        const untouched = check(q, start(q));
        expect(untouched.score, at).toBe(0);
        expect(untouched.correct).toBe(false);
        expect(check(q, solve(q))).toMatchObject({ score: 100, correct: true });
        // The untouched desk (every send off) is one fixed answer among others: never right, low on average.
        const reset = check(q, { tracks: q.start.map(() => untouchedTrack()) });
        if (!graded.has('space')) expect(reset.score, at).toBe(0);
        expect(reset.correct).toBe(false);
        s.reset.push(reset.score);
        s.half.push(check(q, halfway(q)).score);
        const random = check(q, randomDesk(q, rng));
        if (random.correct) s.randomRight++;
        s.random.push(random.score);
        const peers = check(q, medianOfPeers(q));
        if (peers.correct) s.medianRight++;
        s.median.push(peers.score);
      }
      console.log(
        `${song.name} L${level} (${s.parts.toFixed(1)} parts): half-way ${mean(s.half).toFixed(0)} (${Math.min(...s.half)}–${Math.max(...s.half)}); random desk ${mean(s.random).toFixed(1)} (max ${Math.max(...s.random)}, right ${s.randomRight}); median of peers ${mean(s.median).toFixed(1)} (max ${Math.max(...s.median)}, right ${s.medianRight}); untouched desk ${mean(s.reset).toFixed(1)}`,
      );
      expect(mean(s.reset)).toBeLessThan(10);
      expect(mean(s.half)).toBeGreaterThanOrEqual(40);
      expect(mean(s.half)).toBeLessThanOrEqual(75);
      expect(Math.min(...s.half)).toBeGreaterThanOrEqual(25);
      expect(mean(s.random)).toBeLessThan(20);
      expect(s.randomRight).toBeLessThanOrEqual(2);
      expect(mean(s.median)).toBeLessThan(35);
      expect(s.medianRight).toBeLessThanOrEqual(1);
    });
  }
});
