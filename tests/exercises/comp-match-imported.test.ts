/**
 * comp-match on imported songs: the loop envelopes the summary keeps (version 3), questions from the summary
 * alone on three synthetic songs × every level × 60 seeds, and how close the envelope's score is to the score
 * on the part's own samples.
 */
import { describe, expect, it } from 'vitest';
import { type CompressorSettings, renderCompressorGain } from '../../src/dsp/compressor';
import { createRng } from '../../src/dsp/random';
import { check, JND_DB } from '../../src/exercises/comp-match/check';
import { START_DISTANCE_JNDS } from '../../src/exercises/comp-match/generate';
import { generateImported, thresholdRangeOn } from '../../src/exercises/comp-match/imported';
import { compLoopPlan, playedLoop } from '../../src/exercises/comp-match/imported-loops';
import { loudnessWeights, weightedTraceDistanceDb } from '../../src/exercises/comp-match/loudness-weights';
import {
  COMP_FIELD,
  type CompMatchAnswer,
  type CompMatchQuestion,
  meta,
} from '../../src/exercises/comp-match/meta';
import { solve } from '../../src/exercises/comp-match/solve';
import { start as startOf } from '../../src/exercises/comp-match/start';
import {
  decodePeakEnvelope,
  decodeSteps,
  ENVELOPE_RATE,
  encodePeakEnvelope,
  encodeSteps,
  envelopePeakDb,
  envelopeSteps,
} from '../../src/exercises/comp-match/stem-envelope';
import { generateOnImported, importedFitProblem } from '../../src/exercises/shared/imported-kinds';
import {
  ACTIVE_BELOW_DB,
  bodyLoops,
  COMP_LOOPS,
  type ImportedSongSummary,
  loopActivity,
  loopOf,
  SUMMARY_VERSION,
  summaryAsVersion,
  summaryProblem,
} from '../../src/exercises/shared/imported-song';
import { monoSum } from '../../src/exercises/shared/imported-summary';
import { closedShareScore } from '../../src/exercises/shared/match-score';
import { cutImportedExcerpt } from '../../src/exercises/shared/play-sources';
import { bassStem, compMatchSongs, compMatchSummary, vocalStem } from './comp-match-stems';
import { DYN_RATE, stemsOf } from './imported-dynamics-fixtures';

const songs = compMatchSongs();
const summaries = songs.map(compMatchSummary);
const [band, hot, quiet] = summaries as [ImportedSongSummary, ImportedSongSummary, ImportedSongSummary];
const byName = (s: ImportedSongSummary, name: string) => s.tracks.find((t) => t.name === name)!;

describe('peak envelopes of a loop (2 kHz, 0.5 dB, coded without loss)', () => {
  it('a square wave of amplitude 0.5 is −6.0 dBFS in every block; silence is silence', () => {
    const x = new Float32Array(48000);
    for (let n = 0; n < 24000; n++) x[n] = Math.floor(n / 120) % 2 === 0 ? 0.5 : -0.5;
    const env = encodePeakEnvelope([x], 48000);
    expect(env.sampleRate).toBe(ENVELOPE_RATE);
    expect(env.length).toBe(2000);
    const peaks = decodePeakEnvelope(env);
    for (let k = 0; k < 1000; k++) expect(peaks[k]).toBeCloseTo(10 ** (-6 / 20), 6); // 20·log10 0.5 = −6.02 → 12 steps
    for (let k = 1000; k < 2000; k++) expect(peaks[k]).toBe(0);
    expect(envelopePeakDb(env)).toBe(-6);
  });

  it('a block holds its loudest sample: one spike of 0.25 in block 7 of 10, channels taken together', () => {
    const left = new Float32Array(240);
    const right = new Float32Array(240);
    right[7 * 24 + 5] = -0.25; // block 7 at 48 kHz → 24 samples a block
    left[2 * 24] = 2; // +6 dBFS: kept (a float stem may pass full scale)
    const steps = envelopeSteps([left, right], 48000);
    expect(Array.from(steps)).toEqual([240, 240, -12, 240, 240, 240, 240, 24, 240, 240]);
  });

  it('codes any steps without loss, and refuses damaged data in words', () => {
    const rng = createRng(4);
    const steps = Int16Array.from({ length: 5000 }, (_, i) =>
      i % 700 < 20 ? 240 : i % 900 === 0 ? -48 : Math.round(rng.range(0, 60)),
    );
    const env = encodeSteps(steps);
    expect(Array.from(decodeSteps(env))).toEqual(Array.from(steps));
    expect(() => decodeSteps({ ...env, data: env.data.slice(0, env.data.length / 2) })).toThrow(
      /level outline in this question is damaged/,
    );
    expect(() => decodeSteps({ ...env, length: -1 })).toThrow(/damaged/);
  });

  it('an 8 s loop of a busy part is about 12 kB (about 4.6 bits a block)', () => {
    for (const x of [bassStem(8, 48000), vocalStem(8, 48000)]) {
      const env = encodePeakEnvelope([x], 48000);
      expect(env.length).toBe(16000);
      expect(env.data.length).toBeLessThan(13_000);
      expect(env.data.length).toBeGreaterThan(8_000);
    }
  });
});

describe('summary version 3 keeps each part’s comp-match loops', () => {
  it('in the body, where the part plays in ¾ of the loop, most active then loudest; the envelope is the loop as played', () => {
    const excerpts = new Map<string, ReturnType<typeof cutImportedExcerpt>>();
    for (const [i, song] of summaries.entries()) {
      expect(song.version).toBe(SUMMARY_VERSION);
      expect(summaryProblem(song)).toBeNull();
      const body = bodyLoops(song);
      const plan = compLoopPlan(song);
      for (const t of song.tracks) {
        const kept = t.compLoops!;
        expect(kept.length).toBeLessThanOrEqual(COMP_LOOPS);
        expect(kept.map((l) => l.firstSegment)).toEqual(plan.get(t.key)!.map((l) => l.firstSegment));
        for (const l of kept) {
          const loop = body.find((b) => b.firstSegment === l.firstSegment)!;
          expect(loop).toBeDefined();
          expect(loopActivity(t, loop)).toBeGreaterThanOrEqual(0.75);
          // The envelope is of the loop exactly as the player cuts it (its head crossfaded).
          const source = songs[i]!.tracks.find((x) => x.fileHash === t.fileHash)!;
          const at = `${i}:${loop.firstSegment}`;
          const excerpt =
            excerpts.get(at) ??
            cutImportedExcerpt(stemsOf(song, songs[i]!.tracks), {
              type: 'imported-song',
              hash: song.hash,
              name: song.name,
              startS: loop.firstSegment * 4,
              durationS: loop.segments * 4,
            });
          excerpts.set(at, excerpt);
          const played = excerpt.tracks.find((x) => x.id === t.key)!.samples;
          expect(played).toEqual(playedLoop(monoSum(source.channels), DYN_RATE, loop));
          expect(l.envelope).toEqual(encodePeakEnvelope([played], DYN_RATE));
        }
      }
    }
    // The band's intro (bass alone, segment 0) is not the body: no loop starts there.
    for (const t of band.tracks)
      for (const l of t.compLoops!) expect(l.firstSegment).toBeGreaterThanOrEqual(1);
    // Two loops that share no segment when the body has room for them.
    const kick = byName(band, 'Kick').compLoops!;
    expect(kick).toHaveLength(2);
    expect(Math.abs(kick[0]!.firstSegment - kick[1]!.firstSegment)).toBeGreaterThanOrEqual(2);
    // A snare on 2 and 4 is near-silent (30 dB down) in half the 0.5 s windows: it plays in half of any loop.
    expect(ACTIVE_BELOW_DB).toBe(30);
    expect(byName(band, 'Snare').compLoops).toEqual([]);
    // The quiet song's vocal stops at 10 s: only loops before then.
    for (const l of byName(quiet, 'Vocal').compLoops!) expect(l.firstSegment).toBeLessThanOrEqual(1);
  }, 180_000);

  it('a 4-minute part adds at most about 26 kB (two 8 s loops at about 12.5 kB each)', () => {
    for (const song of summaries)
      for (const t of song.tracks) expect(JSON.stringify(t.compLoops).length).toBeLessThan(26_000);
  });

  it('version 2 is version 3 without compLoops; version 1 without what 2 added; older versions carry no comp-match', () => {
    const v2 = summaryAsVersion(band, 2)!;
    expect(v2.version).toBe(2);
    expect(v2.tracks.every((t) => !('compLoops' in t) && 'peaksDb' in t)).toBe(true);
    expect(summaryProblem(v2)).toBeNull();
    expect(summaryAsVersion(band, 1)).toEqual(summaryAsVersion(v2, 1));
    expect(summaryAsVersion(v2, 3)).toBeNull();
    expect(summaryAsVersion(band, 0)).toBeNull();
    for (const old of [v2, summaryAsVersion(band, 1)!]) {
      expect(importedFitProblem('comp-match', old)).toMatch(
        /imported before Headroom measured what this drill needs .*measures it again/,
      );
      expect(() => generateOnImported('comp-match', 1, 1, old)).toThrow(/imported before/);
    }
    // A version-3 summary missing its loops, or with a broken one, is damaged: never used.
    const missing = { ...band, tracks: band.tracks.map(({ compLoops: _, ...t }) => t) };
    expect(summaryProblem(missing)).toMatch(/damaged/);
    const broken = {
      ...band,
      tracks: band.tracks.map((t) => ({
        ...t,
        compLoops: t.compLoops!.map((l) => ({ ...l, firstSegment: 99 })),
      })),
    };
    expect(summaryProblem(broken)).toMatch(/damaged/);
    // Envelope data that does not decode: Train says so in words, and no question is made from it.
    const garbled = {
      ...band,
      tracks: band.tracks.map((t) => ({
        ...t,
        compLoops: t.compLoops!.map((l) => ({ ...l, envelope: { ...l.envelope, data: 'AAAA' } })),
      })),
    };
    expect(summaryProblem(garbled)).toBeNull();
    expect(importedFitProblem('comp-match', garbled)).toMatch(/damaged: import its stems again/);
    expect(() => generateOnImported('comp-match', 1, 1, garbled)).toThrow(/damaged/);
    expect(summaryProblem({ ...band, version: SUMMARY_VERSION + 1 })).toMatch(/another version/);
  });

  it('a song where no part plays through a loop of its body says so in words', () => {
    const none = { ...band, tracks: band.tracks.map((t) => ({ ...t, compLoops: [] })) };
    expect(importedFitProblem('comp-match', none)).toMatch(/nothing steady to match a compressor on/);
    for (const song of summaries) expect(importedFitProblem('comp-match', song)).toBeNull();
  });
});

/** Knobs a fraction `f` of the way from `a` to `b`. */
function between(a: CompressorSettings, b: CompressorSettings, f: number): CompMatchAnswer {
  const at = (k: keyof CompressorSettings) => a[k] + f * (b[k] - a[k]);
  return {
    thresholdDb: at('thresholdDb'),
    ratio: at('ratio'),
    kneeDb: a.kneeDb,
    attackMs: at('attackMs'),
    releaseMs: at('releaseMs'),
    makeupDb: at('makeupDb'),
  };
}

describe('comp-match questions on imported songs: 3 songs × every level × 60 seeds', () => {
  const all: { q: CompMatchQuestion; song: ImportedSongSummary }[] = [];
  const sides = [0, 0];
  it('are deterministic, valid and audible (the untouched compressor ≥ 4 just-noticeable amounts off)', () => {
    for (const song of summaries)
      for (let level = 1; level <= meta.levels.length; level++)
        for (let seed = 1; seed <= 60; seed++) {
          const q = generateImported(seed * 7919, level, song);
          expect(generateImported(seed * 7919, level, song)).toEqual(q);
          expect(generateOnImported('comp-match', seed * 7919, level, song)).toEqual(q);
          expect(JSON.parse(JSON.stringify(q))).toEqual(q);
          const p = meta.levels[level - 1]!.params;
          expect(q.controls).toEqual(p.controls);
          // Knobs the level does not turn start (and stay) on the reference.
          for (const k of ['threshold', 'ratio', 'attack', 'release', 'makeup'] as const)
            if (!q.controls.includes(k)) expect(q.start[COMP_FIELD[k]]).toBe(q.reference[COMP_FIELD[k]]);
          expect(p.ratios).toContain(q.reference.ratio);
          expect(Number.isInteger(q.reference.thresholdDb)).toBe(true);
          expect(q.reference.thresholdDb).toBeGreaterThanOrEqual(-60);
          // The part and its loop: one the summary keeps, in the body; the envelope is that loop's.
          expect(q.stem.type).toBe('imported-song');
          if (q.stem.type !== 'imported-song') continue;
          const track = song.tracks.find((t) => t.key === q.stem.track)!;
          const loop = loopOf(song, q.stem)!;
          const kept = track.compLoops!.find((l) => l.firstSegment === loop.firstSegment)!;
          expect(kept.envelope).toEqual(q.stem.envelope);
          // The reference's threshold sits in the level's range as far below the loop's peak as on a generated
          // stem; the start's above or below it, within the same range, sounding a drawn distance off.
          const peak = envelopePeakDb(kept.envelope);
          const [low, high] = thresholdRangeOn(peak, p.thresholdDb);
          expect(high - low).toBeGreaterThanOrEqual(18);
          expect(q.reference.thresholdDb).toBeGreaterThanOrEqual(low);
          expect(q.reference.thresholdDb).toBeLessThanOrEqual(high);
          const apart = q.start.thresholdDb - q.reference.thresholdDb;
          expect(Math.abs(apart)).toBeGreaterThanOrEqual(1);
          expect(q.start.thresholdDb).toBeGreaterThanOrEqual(low);
          expect(q.start.thresholdDb).toBeLessThanOrEqual(high);
          sides[apart > 0 ? 1 : 0]! += 1;
          // Parts named as the level's (kick, snare, bass, vocal) are used when the song has them.
          expect(p.tracks).toContain(track.role);
          const d0 = check(q, q.start).details?.startDistanceDb as number;
          expect(d0, `${song.name} L${level} seed ${seed}`).toBeGreaterThanOrEqual(4 * JND_DB);
          // As far off as drawn (in just-noticeable steps, within the generator's 12 % tolerance).
          expect(d0 / JND_DB).toBeLessThanOrEqual(START_DISTANCE_JNDS[1] * 1.12 + 0.02);
          all.push({ q, song });
        }
    expect(all).toHaveLength(3 * 4 * 60);
    // Either side: the start compresses more than the reference about as often as less.
    console.info(`start below the reference ${sides[0]}, above ${sides[1]}`);
    expect(Math.min(...sides) / all.length).toBeGreaterThan(0.4);
  }, 600_000);

  it('the reference scores 100, the untouched compressor 0, and the score is the share of the difference closed', () => {
    for (const { q } of all) {
      expect(check(q, solve(q)).score).toBe(100);
      expect(check(q, startOf(q)).score).toBe(0);
      const half = check(q, between(q.start, q.reference, 0.5));
      const d = half.details as { distanceDb: number; startDistanceDb: number };
      // The details carry distances rounded to 0.01 dB: the score from them is within a point.
      expect(
        Math.abs(half.score - closedShareScore(d.distanceDb, d.startDistanceDb, JND_DB)),
      ).toBeLessThanOrEqual(1);
    }
  });

  it('halfway is about half: the reference’s compression with the makeup off by half the start’s distance scores 50 (level 4)', () => {
    const scores = all
      .filter(({ q }) => q.controls.includes('makeup'))
      .map(({ q }) => {
        const d0 = check(q, q.start).details?.startDistanceDb as number;
        // Only the makeup wrong: D is exactly the makeup error.
        return check(q, { ...q.reference, makeupDb: q.reference.makeupDb + d0 / 2 + JND_DB / 2 }).score;
      });
    expect(scores).toHaveLength(180);
    for (const s of scores) expect(Math.abs(s - 50)).toBeLessThanOrEqual(1);
    // Every knob halfway (in knob terms) lands between the two, as on a generated stem.
    const knobHalf = all.map(({ q }) => check(q, between(q.start, q.reference, 0.5)).score);
    const mean = knobHalf.reduce((a, b) => a + b, 0) / knobHalf.length;
    console.info(`every knob halfway: mean score ${mean.toFixed(1)} over ${knobHalf.length}`);
    expect(mean).toBeGreaterThan(10);
    expect(mean).toBeLessThan(90);
  });

  it('guessing the knobs fails: right on at most 5 % of questions, mean score under 25', () => {
    const rng = createRng(5);
    let right = 0;
    let total = 0;
    for (const { q } of all) {
      const a = {
        ...q.start,
        thresholdDb: rng.range(-60, 0),
        ratio: rng.pick([1.5, 2, 3, 4, 6, 10]),
        attackMs: 1 * 100 ** rng.next(),
        releaseMs: 20 * 50 ** rng.next(),
        makeupDb: rng.range(0, 8),
      };
      const r = check(q, a);
      if (r.correct) right++;
      total += r.score;
    }
    expect(right / all.length).toBeLessThanOrEqual(0.05);
    expect(total / all.length).toBeLessThan(25);
  });

  it('scores on the envelope within a stated tolerance of the same rule on the part’s own samples', () => {
    const diffs: number[] = [];
    const rng = createRng(8);
    for (const [i, { q, song }] of all.entries()) {
      if (i % 4 !== 0 || q.stem.type !== 'imported-song') continue;
      const source = songs[summaries.indexOf(song)]!;
      const track = song.tracks.find((t) => t.key === q.stem.track)!;
      const x = monoSum(source.tracks.find((t) => t.fileHash === track.fileHash)!.channels);
      const samples = playedLoop(x, DYN_RATE, loopOf(song, q.stem)!);
      const weights = loudnessWeights({ channels: [samples], sampleRate: DYN_RATE });
      const ref = renderCompressorGain([samples], DYN_RATE, q.reference);
      const d = (s: CompressorSettings) =>
        weightedTraceDistanceDb(renderCompressorGain([samples], DYN_RATE, s), ref, weights);
      const d0 = d(q.start);
      for (const f of [0.3, 0.6, 0.85]) {
        const a = between(q.start, q.reference, f + 0.1 * (rng.next() - 0.5));
        diffs.push(Math.abs(check(q, a).score - closedShareScore(d(a), d0, JND_DB)));
      }
    }
    diffs.sort((a, b) => a - b);
    const mean = diffs.reduce((a, b) => a + b, 0) / diffs.length;
    const p90 = diffs[Math.floor(diffs.length * 0.9)]!;
    console.info(
      `envelope vs samples: ${diffs.length} answers, mean |Δscore| ${mean.toFixed(2)}, p90 ${p90}, max ${diffs.at(-1)}`,
    );
    // Measured: mean 0.53, p90 1, max 22 points (540 answers).
    expect(mean).toBeLessThanOrEqual(3);
    expect(p90).toBeLessThanOrEqual(5);
  });
});

describe('the hot and quiet songs', () => {
  it('a part exported past full scale keeps its thresholds on the knob; a quiet one far below 0 dBFS', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const hotQ = generateImported(seed, 1, hot);
      expect(hotQ.start.thresholdDb).toBeLessThanOrEqual(0);
      expect(hotQ.reference.thresholdDb).toBeLessThanOrEqual(-8);
      const quietQ = generateImported(seed, 1, quiet);
      expect(quietQ.reference.thresholdDb).toBeLessThan(-15);
      expect(quietQ.start.thresholdDb).toBeGreaterThanOrEqual(-60);
    }
  });
});
