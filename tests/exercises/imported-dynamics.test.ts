/**
 * The summary's dynamics and note measures on stems with analytic answers, and comp-spot on imported songs:
 * every level × 60 seeds on three songs, and the reduction the player's compressor measures on the loop as
 * played is the label.
 */
import { describe, expect, it } from 'vitest';
import { renderCompressorGain } from '../../src/dsp/compressor';
import { dbToGain } from '../../src/dsp/db';
import { distortionDb, saturationCurve } from '../../src/dsp/saturation';
import { check } from '../../src/exercises/comp-spot/check';
import {
  generateImported,
  generateImportedAt,
  importedAudibility,
} from '../../src/exercises/comp-spot/generate';
import type { CompSpotQuestion } from '../../src/exercises/comp-spot/meta';
import { meta } from '../../src/exercises/comp-spot/meta';
import { solve } from '../../src/exercises/comp-spot/solve';
import {
  importedAudibility as delayAudible,
  generateImported as delayImported,
} from '../../src/exercises/delay-time/generate';
import { exercises } from '../../src/exercises/registry';
import {
  importedAudibility as reverbTimeAudible,
  generateImported as reverbTimeImported,
} from '../../src/exercises/reverb-time/generate';
import {
  importedAudibility as reverbTypeAudible,
  generateImported as reverbTypeImported,
} from '../../src/exercises/reverb-type/generate';
import {
  PEAK_IN_DB,
  importedAudibility as saturationAudible,
  generateImported as saturationImported,
  generateImportedAt as saturationImportedAt,
} from '../../src/exercises/saturation/generate';
import { isAudible } from '../../src/exercises/shared/audibility';
import { predictedDistortionsDb } from '../../src/exercises/shared/imported-distortion';
import { generateOnImported, importedFitProblem } from '../../src/exercises/shared/imported-kinds';
import {
  findNotes,
  frameLevelsDb,
  loopFreeEchoShare,
  loopRoomShare,
} from '../../src/exercises/shared/imported-notes';
import {
  importedThresholdBelowPeak,
  loopPeakDb,
  predictedReductionDb,
} from '../../src/exercises/shared/imported-reduction';
import {
  type ImportedSongSummary,
  loopOf,
  REDUCTION_BELOW_PEAK_DB,
  REDUCTION_SHAPE,
  SUMMARY_VERSION,
  summaryAsVersion,
  summaryProblem,
} from '../../src/exercises/shared/imported-song';
import { loopBpm } from '../../src/exercises/shared/imported-tempo';
import { cutImportedExcerpt, peakDb } from '../../src/exercises/shared/play-sources';
import { resolveCompressor } from '../../src/exercises/shared/relative-compressor';
import {
  bandTracks,
  DYN_RATE,
  pulses,
  sparseTracks,
  square,
  stemOf,
  stemsOf,
  summaryOf,
} from './imported-dynamics-fixtures';
import { summary as fixtureSummary, tracks as fixtureTracks, RATE } from './imported-fixtures';

const band = bandTracks();
const bandSummary = summaryOf('Band', band);
const sparse = sparseTracks();
const sparseSummary = summaryOf('Sparse', sparse);
const byName = (s: ImportedSongSummary, name: string) => s.tracks.find((t) => t.name === name)!;

describe('the summary measures dynamics and room', () => {
  it('is version 3 (version 2 measured dynamics and room), valid and plain JSON', () => {
    for (const s of [bandSummary, sparseSummary, fixtureSummary]) {
      expect(s.version).toBe(SUMMARY_VERSION);
      expect(SUMMARY_VERSION).toBe(3);
      expect(summaryProblem(s)).toBeNull();
      expect(JSON.parse(JSON.stringify(s))).toEqual(s);
    }
    // A song imported before version 2 still plays the drills that read only levels and spectra; the
    // dynamics drills say in words to import its stems again, and never make a question from it.
    const old = summaryAsVersion(bandSummary, 1)!;
    expect(summaryProblem(old)).toBeNull();
    expect(importedFitProblem('level-change', old)).toBeNull();
    for (const kind of ['comp-spot', 'reverb-time', 'reverb-type', 'saturation', 'delay-time']) {
      expect(importedFitProblem(kind, old)).toMatch(/imported before .* import its stems again/);
      expect(() => generateOnImported(kind, 1, 1, old)).toThrow(/import its stems again/);
    }
    // Train offers the five on a song measured now (the check its music choice makes per drill).
    for (const kind of ['comp-spot', 'reverb-time', 'reverb-type', 'saturation', 'delay-time'])
      for (const summary of [bandSummary, sparseSummary, fixtureSummary])
        expect(importedFitProblem(kind, summary), `${kind} on ${summary.name}`).toBeNull();
    expect(summaryProblem({ ...bandSummary, version: SUMMARY_VERSION + 1 })).toMatch(
      /another version of Headroom.*import its stems again/,
    );
    // A summary missing a field at the right version is damaged, never used.
    const missing = { ...bandSummary, tracks: bandSummary.tracks.map(({ notes: _, ...t }) => t) };
    expect(summaryProblem(missing)).toMatch(/damaged/);
  });

  it('a square wave: peak −6.0 dBFS, and the reduction at T below its peak is (1 − 1/4)·T (0.19 dB in the knee)', () => {
    const bass = byName(bandSummary, 'Bass');
    for (let s = 0; s < 4; s++) {
      expect(bass.peaksDb[s]).toBeCloseTo(20 * Math.log10(0.25), 1);
      REDUCTION_BELOW_PEAK_DB.forEach((below, k) => {
        const expected = below === 0 ? 0.1875 : 0.75 * below;
        expect(Math.abs(bass.reductionDb[s]![k]! - expected)).toBeLessThanOrEqual(0.06);
      });
    }
    // The player closes the loop with an equal-power crossfade of its end into its start: on a part that
    // repeats exactly the head peaks at √2 × 0.25 (−9.03 dBFS), and the threshold is set from that peak.
    const loop = { firstSegment: 1, segments: 2 };
    expect(bass.headPeaksDb[1]).toBeCloseTo(20 * Math.log10(0.25 * Math.SQRT2), 1);
    expect(loopPeakDb(bass, loop)).toBeCloseTo(-9, 1);
    // Away from the head the reduction is (1 − 1/4)·(T − 3.0) = 6 dB at T = 11; the head, a 3 dB bump, takes more.
    expect(predictedReductionDb(bass, loop, 11)).toBeGreaterThan(6.2);
    expect(importedThresholdBelowPeak(bass, loop, 6)).toBeLessThan(11);
    // What the player's compressor does on the loop it cuts: the same.
    const excerpt = cutImportedExcerpt(stemsOf(bandSummary, band), {
      type: 'imported-song',
      hash: bandSummary.hash,
      name: 'Band',
      startS: 4,
      durationS: 8,
    });
    const samples = excerpt.tracks.find((t) => t.id === bass.key)!.samples;
    expect(peakDb(samples)).toBeCloseTo(loopPeakDb(bass, loop), 1);
    for (const below of [4, 11, 20]) {
      const gain = renderCompressorGain([samples], DYN_RATE, {
        ...REDUCTION_SHAPE,
        thresholdDb: peakDb(samples) - below,
      });
      expect(Math.abs(-Math.min(...gain) - predictedReductionDb(bass, loop, below))).toBeLessThan(0.15);
    }
    expect(importedThresholdBelowPeak(bass, loop, 40)).toBeNull();
  });

  it('a sine: its peak sits 3.0 dB above its mean-square level (its crest)', () => {
    const bass = fixtureSummary.tracks.find((t) => t.name === 'Bass')!;
    // 0.3 sine from 4 s: peak −10.46 dBFS, level −13.47 (stored in 0.5 dB steps).
    expect(bass.peaksDb[3]).toBeCloseTo(20 * Math.log10(0.3), 1);
    expect(bass.peaksDb[3]! - bass.levelsDb[30]!).toBeCloseTo(3, 0);
    expect(RATE).toBe(24000);
    expect(fixtureTracks).toHaveLength(5);
  });

  it('a pulse train: every note with 0.45 s of silence has room after it; notes 0.17 s apart have none', () => {
    // 8 notes a 4 s segment.
    for (const cell of byName(bandSummary, 'Keys').notes) expect(cell).toEqual([8, 8]);
    for (const cell of byName(bandSummary, 'Snare').notes) expect(cell).toEqual([8, 8]);
    // 20 a segment, 0.17 s of silence between them: no room.
    for (const cell of byName(bandSummary, 'Rim').notes) expect(cell).toEqual([20, 0]);
    // A held tone: no notes at all after its first.
    const pad = byName(bandSummary, 'Pad').notes;
    expect(pad.reduce((n, c) => n + c[0], 0)).toBeLessThanOrEqual(1);
    expect(pad.reduce((n, c) => n + c[1], 0)).toBe(0);
  });

  it('finds notes where they start, to the 10 ms frame', () => {
    const x = stemOf(3, pulses(0.5, 1, 0.2), 0.5);
    const notes = findNotes(frameLevelsDb(x, DYN_RATE));
    expect(notes.map((n) => n.frame)).toEqual([100, 200]);
    expect(notes.every((n) => n.room)).toBe(true);
    const sq = findNotes(frameLevelsDb(stemOf(2, square(0.5)), DYN_RATE));
    expect(sq).toHaveLength(1);
  });
});

/** The largest gain reduction the player's compressor applies to the question's part over its loop, dB. */
function playedReductionDb(q: CompSpotQuestion, summary: ImportedSongSummary, tracks: typeof band): number {
  const excerpt = cutImportedExcerpt(stemsOf(summary, tracks), q.source as never);
  const samples = excerpt.tracks.find((t) => t.id === q.source.track)!.samples;
  const settings = { ...resolveCompressor(q.compressor, peakDb(samples)), makeupDb: 0 };
  const gain = renderCompressorGain([samples], DYN_RATE, settings);
  let least = 0;
  for (const g of gain) least = Math.min(least, g);
  return -least;
}

const songs: [ImportedSongSummary, typeof band][] = [
  [bandSummary, band],
  [sparseSummary, sparse],
];

describe('comp-spot on an imported song', () => {
  it('every level × 60 seeds on three songs: deterministic, valid, audible, scored as before', () => {
    const all: [ImportedSongSummary, typeof band | null][] = [...songs, [fixtureSummary, null]];
    for (const [summary] of all) {
      for (let level = 1; level <= meta.levels.length; level++) {
        for (let seed = 1; seed <= 60; seed++) {
          const q = generateImported(seed * 613, level, summary);
          expect(generateImported(seed * 613, level, summary)).toEqual(q);
          expect(JSON.parse(JSON.stringify(q))).toEqual(q);
          expect(q.source.type).toBe('imported-song');
          expect(loopOf(summary, q.source as never)).not.toBeNull();
          const a = importedAudibility(q, summary);
          expect(isAudible(a), `${summary.name} L${level} seed ${seed}: ${JSON.stringify(a)}`).toBe(true);
          expect(check(q, solve(q)).score).toBe(100);
          const wrong = q.choices.find((c) => c !== q.correct)!;
          expect(check(q, { choice: wrong }).score).toBeLessThan(100);
        }
      }
    }
  });

  it('the compressor as played takes off what the label says (within 15 % and 1 dB)', () => {
    const errors: number[] = [];
    for (const [summary, tracks] of songs) {
      for (let seed = 1; seed <= 20; seed++) {
        for (const level of [1, 2, 3]) {
          const q = generateImported(seed * 31, level, summary);
          const label =
            q.subtype === 'amount' ? Number(q.correct) : meta.levels[level - 1]!.params.reductionDb;
          const played = playedReductionDb(q, summary, tracks);
          errors.push(Math.abs(played - label));
          expect(Math.abs(played - label), `${summary.name} L${level} seed ${seed}`).toBeLessThanOrEqual(
            Math.min(1, 0.15 * label),
          );
        }
        const v = 1 + (seed % 10);
        const adaptive = generateImportedAt(seed, v, summary);
        expect(adaptive.adaptiveValue).toBe(v);
        expect(Math.abs(playedReductionDb(adaptive, summary, tracks) - v)).toBeLessThanOrEqual(
          Math.min(1, 0.15 * v) + 0.1,
        );
      }
    }
    console.log(
      `comp-spot imported: |played − label| mean ${(errors.reduce((a, b) => a + b, 0) / errors.length).toFixed(2)} dB, worst ${Math.max(...errors).toFixed(2)} dB over ${errors.length}`,
    );
  });
});

const reverbTime = exercises['reverb-time'];
const reverbType = exercises['reverb-type'];

describe('reverb-time and reverb-type on an imported song', () => {
  const kinds = [
    ['reverb-time', reverbTimeImported, reverbTimeAudible, reverbTime] as const,
    ['reverb-type', reverbTypeImported, reverbTypeAudible, reverbType] as const,
  ];
  for (const [kind, generateOn, audible, k] of kinds) {
    it(`${kind}: every level × 60 seeds on three songs, on parts that leave room after their notes`, () => {
      const chosen = new Map<string, number>();
      for (const summary of [bandSummary, sparseSummary, fixtureSummary]) {
        for (let level = 1; level <= k.meta.levels.length; level++) {
          for (let seed = 1; seed <= 60; seed++) {
            const q = generateOn(seed * 389, level, summary);
            expect(generateOn(seed * 389, level, summary)).toEqual(q);
            expect(JSON.parse(JSON.stringify(q))).toEqual(q);
            const loop = loopOf(summary, q.source as never)!;
            expect(loop).not.toBeNull();
            const a = audible(q as never, summary);
            expect(isAudible(a), `${kind} ${summary.name} L${level} seed ${seed}: ${JSON.stringify(a)}`).toBe(
              true,
            );
            const track = summary.tracks.find((t) => t.key === q.source.track)!;
            expect(loopRoomShare(track, loop)).toBeGreaterThanOrEqual(0.25);
            chosen.set(
              `${summary.name}/${track.name}`,
              (chosen.get(`${summary.name}/${track.name}`) ?? 0) + 1,
            );
            const solved = (k.solve as (x: unknown) => unknown)(q);
            expect((k.check as (x: unknown, y: unknown) => { score: number })(q, solved).score).toBe(100);
          }
        }
      }
      // The held pad and the rim clicks 0.17 s apart leave no room: never chosen. The snare and keys are.
      expect(chosen.has('Band/Pad')).toBe(false);
      expect(chosen.has('Band/Rim')).toBe(false);
      expect(chosen.get('Band/Snare')).toBeGreaterThan(0);
      expect(chosen.get('Band/Keys')).toBeGreaterThan(0);
    }, 120_000);
  }
});

describe('saturation on an imported song', () => {
  it('the distortion predicted from the amplitude counts is what the curve does to the loop as played', () => {
    const errors: number[] = [];
    for (const [summary, tracks] of songs) {
      const loop = { firstSegment: 1, segments: 2 };
      const excerpt = cutImportedExcerpt(stemsOf(summary, tracks), {
        type: 'imported-song',
        hash: summary.hash,
        name: summary.name,
        startS: 4,
        durationS: 8,
      });
      for (const track of summary.tracks) {
        const samples = excerpt.tracks.find((t) => t.id === track.key)!.samples;
        if (!Number.isFinite(peakDb(samples))) continue;
        const scale = dbToGain(PEAK_IN_DB - peakDb(samples));
        const x = samples.map((v) => v * scale);
        const drives = [6, 12, 18, 24];
        const predicted = predictedDistortionsDb(track, loop, drives, PEAK_IN_DB);
        drives.forEach((d, i) => {
          const g = dbToGain(d);
          const exact = distortionDb(
            x,
            x.map((v) => saturationCurve(v, g)),
          );
          // Far below hearing, nothing to compare.
          if (exact < -60 && !(predicted[i]! > -60)) return;
          errors.push(Math.abs(predicted[i]! - exact));
          expect(Math.abs(predicted[i]! - exact), `${summary.name}/${track.name} +${d} dB`).toBeLessThan(
            0.75,
          );
        });
      }
    }
    console.log(
      `saturation imported: |predicted − exact| mean ${(errors.reduce((a, b) => a + b, 0) / errors.length).toFixed(2)} dB, worst ${Math.max(...errors).toFixed(2)} dB over ${errors.length}`,
    );
  });

  it('every level × 60 seeds on three songs: deterministic, valid, audible, scored as before', () => {
    const k = exercises.saturation;
    for (const summary of [bandSummary, sparseSummary, fixtureSummary]) {
      for (let level = 1; level <= k.meta.levels.length; level++) {
        for (let seed = 1; seed <= 60; seed++) {
          const q = saturationImported(seed * 211, level, summary);
          expect(saturationImported(seed * 211, level, summary)).toEqual(q);
          expect(JSON.parse(JSON.stringify(q))).toEqual(q);
          expect(q.source.type).toBe('imported-song');
          const a = saturationAudible(q, summary);
          expect(isAudible(a), `${summary.name} L${level} seed ${seed}: ${JSON.stringify(a)}`).toBe(true);
          expect(k.check(q, k.solve(q)).score).toBe(100);
        }
      }
      const adaptive = saturationImportedAt(5, 9, summary);
      expect(adaptive.adaptiveValue).toBe(9);
      expect(isAudible(saturationAudible(adaptive, summary))).toBe(true);
    }
  });
});

describe('tempo and echoes on an imported song', () => {
  const clicks = (bpm: number, extra: [string, Float32Array][] = []) =>
    summaryOf(`Clicks ${bpm}`, [
      {
        name: 'Click',
        fileHash: `${bpm}`.padStart(64, 'c'),
        channels: [stemOf(16, pulses(0.5, 60 / bpm, 0.02))],
      },
      ...extra.map(([name, x]) => ({ name, fileHash: `${bpm}`.padStart(64, 'd'), channels: [x] })),
    ]);

  it('a click track is found at its tempo, eighth-note hats or not', () => {
    const loop = { firstSegment: 1, segments: 2 };
    for (const bpm of [84, 100, 123, 140, 150]) {
      expect(Math.abs(loopBpm(clicks(bpm), loop)! - bpm), `${bpm}`).toBeLessThanOrEqual(0.5);
      const hats = stemOf(16, pulses(0.1, 30 / bpm, 0.01));
      expect(
        Math.abs(loopBpm(clicks(bpm, [['Hats', hats]]), loop)! - bpm),
        `${bpm} + hats`,
      ).toBeLessThanOrEqual(0.5);
    }
    // A held tone has no beat.
    const held = summaryOf('Held', [
      { name: 'Pad', fileHash: 'e'.repeat(64), channels: [stemOf(16, square(0.3))] },
    ]);
    expect(loopBpm(held, loop)).toBeNull();
  });

  it('an echo lands in silence after a sparse part, on a note of a busy one', () => {
    const loop = { firstSegment: 1, segments: 2 };
    const snare = byName(bandSummary, 'Snare');
    // Hits every 0.5 s (40 ms long): an echo 0.25 s later is in the silence; 0.5 s later on the next hit.
    expect(loopFreeEchoShare(snare, loop, 4, 0.25)).toBe(1);
    expect(loopFreeEchoShare(snare, loop, 4, 0.5)).toBe(0);
    // The held pad is never quiet.
    expect(loopFreeEchoShare(byName(bandSummary, 'Pad'), loop, 4, 0.25)).toBe(0);
  });

  it('delay-time: every level × 60 seeds on three songs, at the loop’s tempo, on parts with room for the echo', () => {
    const k = exercises['delay-time'];
    for (const summary of [bandSummary, sparseSummary, fixtureSummary]) {
      for (let level = 1; level <= k.meta.levels.length; level++) {
        for (let seed = 1; seed <= 60; seed++) {
          const q = delayImported(seed * 97, level, summary);
          expect(delayImported(seed * 97, level, summary)).toEqual(q);
          expect(JSON.parse(JSON.stringify(q))).toEqual(q);
          expect(q.source.type).toBe('imported-song');
          const a = delayAudible(q, summary);
          expect(isAudible(a), `${summary.name} L${level} seed ${seed}: ${JSON.stringify(a)}`).toBe(true);
          expect(q.bpm).toBe(120);
          expect(k.check(q, k.solve(q)).score).toBe(100);
        }
      }
    }
  });
});

describe('the shared fader of an imported loop', () => {
  const sine = (amp: number, hz: number, n = 8000) =>
    Float32Array.from({ length: n }, (_, i) => amp * Math.sin((2 * Math.PI * hz * i) / 8000));
  it('is 0 dB while the stems together peak under -10 dBFS, and lowers them to -10 dBFS when louder', async () => {
    const { importedFaderDb, IMPORTED_MIX_PEAK_DB } = await import('../../src/exercises/shared/play-sources');
    expect(IMPORTED_MIX_PEAK_DB).toBe(-10);
    // Two quiet stems: together 0.2 at most (-14 dBFS).
    expect(importedFaderDb([sine(0.1, 100), sine(0.1, 100)])).toBe(0);
    // Two stems near full scale in phase: 1.8 together (+5.1 dBFS) -> -15.1 dB.
    expect(importedFaderDb([sine(0.9, 100), sine(0.9, 100)])).toBeCloseTo(-10 - 20 * Math.log10(1.8), 1);
    // Silence needs no fader.
    expect(importedFaderDb([new Float32Array(100)])).toBe(0);
  });
});
