/**
 * How far comp-match's marks, made on synthesised stems (the trust rule: the same mark on every device), are
 * from marks made on the sampled stems the learner hears. Generated questions, levels 1–4 × SEEDS; for each,
 * a halfway answer (every free knob halfway from the start to the reference, in its own units) and three
 * random answers within the level's ranges are marked both ways with the kind's own rule. And comp-spot's
 * "how much?" labels (thresholds set on the synthesised loop so its peak gain reduction is the label) against
 * the peak gain reduction the same compressor makes on the sampled loop.
 */

import type { CompressorSettings } from '../../src/dsp/compressor';
import { renderCompressorGain } from '../../src/dsp/compressor';
import { dbToGain } from '../../src/dsp/db';
import { createRng } from '../../src/dsp/random';
import { check, JND_DB } from '../../src/exercises/comp-match/check';
import { generate } from '../../src/exercises/comp-match/generate';
import { loudnessWeights, weightedTraceDistanceDb } from '../../src/exercises/comp-match/loudness-weights';
import {
  COMP_FIELD,
  type CompMatchQuestion,
  type CompSongStem,
  meta,
} from '../../src/exercises/comp-match/meta';
import { CHECK_SAMPLE_RATE, stemSamplesForCheck } from '../../src/exercises/comp-match/stem-cache';
import { generate as generateCompSpot } from '../../src/exercises/comp-spot/generate';
import { measuredPeakReductionDb } from '../../src/exercises/comp-spot/measured-reduction';
import { meta as compSpotMeta } from '../../src/exercises/comp-spot/meta';
import { closedShareScore } from '../../src/exercises/shared/match-score';
import { ANALYSIS_RATE } from '../../src/exercises/shared/song-analysis';
import { MIX_TRACKS } from '../../src/exercises/shared/tracks';
import type { SongSource } from '../../src/exercises/types';
import { generateSong } from '../../src/production/generate-song';
import { renderStemsSync } from '../../src/production/render-stems';
import { parseSampleBank, type SampleBank } from '../../src/production/sampler/sample-bank';
import { instrumentBankBytes } from '../../tools/instrument-bank';

const SEEDS = Array.from({ length: 10 }, (_, i) => 101 + i);

/** The question's stem excerpt rendered with the sampled instruments (as stem-cache cuts the synthesised one). */
function sampledExcerpt(stem: CompSongStem, bank: SampleBank): Float32Array {
  const mutedTracks = MIX_TRACKS.filter((id) => id !== stem.track);
  const song = generateSong(stem.seed, stem.style, { ...stem.overrides, mutedTracks });
  const stems = renderStemsSync(song, { sampleRate: CHECK_SAMPLE_RATE, sampleBank: bank });
  const samples = stems.tracks.find((t) => t.id === stem.track)?.channels[0] ?? new Float32Array(0);
  const from = Math.max(0, Math.round(stem.startS * CHECK_SAMPLE_RATE));
  const to = Math.min(samples.length, from + Math.round(stem.durationS * CHECK_SAMPLE_RATE));
  return samples.slice(from, Math.max(from, to));
}

/** The loop comp-spot compresses, rendered with the sampled instruments: one stem, or every stem at its fader. */
function sampledLoop(source: SongSource, bank: SampleBank): Float32Array {
  const song = generateSong(source.seed, source.style, source.overrides);
  const stems = renderStemsSync(song, { sampleRate: ANALYSIS_RATE, sampleBank: bank });
  const from = Math.max(0, Math.round(source.startS * ANALYSIS_RATE));
  const length = Math.round(source.durationS * ANALYSIS_RATE);
  const out = new Float32Array(length);
  for (const stem of stems.tracks) {
    if (source.track && stem.id !== source.track) continue;
    const g = source.track ? 1 : dbToGain(stem.defaultFaderDb);
    const ch = stem.channels[0] ?? new Float32Array(0);
    for (let i = 0; i < length; i++) out[i] = (out[i] as number) + g * (ch[from + i] ?? 0);
  }
  return out;
}

/** comp-match's score of `mine` on given samples (the kind's rule, on other samples). */
function scoreOn(samples: Float32Array, q: CompMatchQuestion, mine: CompressorSettings): number {
  const channels = [samples];
  const weights = loudnessWeights({ channels, sampleRate: CHECK_SAMPLE_RATE });
  const ref = renderCompressorGain(channels, CHECK_SAMPLE_RATE, q.reference);
  const d = (s: CompressorSettings) =>
    weightedTraceDistanceDb(renderCompressorGain(channels, CHECK_SAMPLE_RATE, s), ref, weights);
  return closedShareScore(d(mine), d(q.start), JND_DB);
}

/** Peak gain reduction of the reference, dB (how hard it works on these samples). */
function peakReductionDb(samples: Float32Array, s: CompressorSettings): number {
  const g = renderCompressorGain([samples], CHECK_SAMPLE_RATE, s);
  let min = 0;
  for (const v of g) if (v < min) min = v;
  return -min;
}

/** Rows: mean and worst mark difference (synthesised − sampled), and pass/fail disagreements. */
export async function run() {
  const bank = parseSampleBank(await instrumentBankBytes());
  const diffs: number[] = [];
  const reductions: number[] = [];
  let disagree = 0;
  let answers = 0;
  for (let level = 1; level <= meta.levels.length; level++) {
    const params = meta.levels[level - 1]!.params;
    for (const seed of SEEDS) {
      const q = generate(seed, level);
      if (q.stem.type !== 'song') continue;
      const sampled = sampledExcerpt(q.stem, bank);
      const synthesised = stemSamplesForCheck(q.stem).channels[0] as Float32Array;
      reductions.push(
        Math.abs(peakReductionDb(sampled, q.reference) - peakReductionDb(synthesised, q.reference)),
      );
      const rng = createRng(seed * 7919 + level);
      const half: CompressorSettings = { ...q.start };
      for (const c of q.controls) {
        const f = COMP_FIELD[c];
        half[f] = (q.start[f] + q.reference[f]) / 2;
      }
      const randoms = [0, 1, 2].map(() => ({
        ...q.start,
        thresholdDb: params.thresholdDb[0] + rng.next() * (params.thresholdDb[1] - params.thresholdDb[0]),
        ratio: q.controls.includes('ratio') ? rng.pick([...params.ratios]) : q.start.ratio,
        attackMs: q.controls.includes('attack') ? 1 + rng.next() * 49 : q.start.attackMs,
        releaseMs: q.controls.includes('release') ? 40 + rng.next() * 360 : q.start.releaseMs,
        makeupDb: q.controls.includes('makeup') ? rng.next() * 8 : q.start.makeupDb,
      }));
      for (const a of [half, ...randoms]) {
        const synth = check(q, a).score;
        const heard = scoreOn(sampled, q, a);
        diffs.push(synth - heard);
        answers++;
        if (synth >= 60 !== heard >= 60) disagree++;
      }
    }
  }
  // comp-spot "how much?": every offered amount's threshold, measured on the sampled loop.
  const labelErrors: number[] = [];
  for (let level = 1; level <= compSpotMeta.levels.length; level++) {
    for (const seed of SEEDS) {
      const q = generateCompSpot(seed, level);
      if (q.subtype !== 'amount' || q.source.type !== 'song' || !q.thresholdsBelowPeakDb) continue;
      const loop = sampledLoop(q.source, bank);
      q.thresholdsBelowPeakDb.forEach((below, i) => {
        const label = Number(q.choices[i]);
        const heard = measuredPeakReductionDb(loop, { ...q.compressor, thresholdBelowPeakDb: below });
        labelErrors.push(Math.abs(heard - label));
      });
    }
  }
  const abs = diffs.map(Math.abs).sort((a, b) => a - b);
  const mean = abs.reduce((s, v) => s + v, 0) / abs.length;
  const p90 = abs[Math.floor(abs.length * 0.9)] ?? 0;
  return [
    {
      name: 'comp-match marks: synthesised vs sampled stems, mean difference',
      value: mean,
      unit: `points (${answers} answers)`,
    },
    { name: 'comp-match marks: synthesised vs sampled stems, 90th percentile', value: p90, unit: 'points' },
    { name: 'comp-match marks: synthesised vs sampled stems, worst', value: abs.at(-1) ?? 0, unit: 'points' },
    {
      name: 'comp-match marks: pass/fail (60) differs',
      value: (100 * disagree) / answers,
      unit: '% of answers',
    },
    {
      name: "comp-match: the reference's peak gain reduction, synthesised vs sampled stem",
      value: reductions.reduce((s, v) => s + v, 0) / reductions.length,
      unit: `dB mean difference (worst ${Math.max(...reductions).toFixed(1)})`,
    },
    {
      name: 'comp-spot "how much?": the label vs the peak reduction on the sampled loop',
      value: labelErrors.reduce((s, v) => s + v, 0) / Math.max(1, labelErrors.length),
      unit: `dB mean off (worst ${Math.max(0, ...labelErrors).toFixed(1)}, ${labelErrors.length} amounts)`,
    },
  ];
}
