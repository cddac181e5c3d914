import { describe, expect, it } from 'vitest';
import { type CompressorSettings, renderCompressorGain } from '../../src/dsp/compressor';
import { check, JND_DB } from '../../src/exercises/comp-match/check';
import {
  COMP_MATCH_EXCERPT_BARS,
  generate,
  START_DISTANCE_JNDS,
} from '../../src/exercises/comp-match/generate';
import { loudnessWeights, weightedTraceDistanceDb } from '../../src/exercises/comp-match/loudness-weights';
import type { CompMatchQuestion } from '../../src/exercises/comp-match/meta';
import { solve } from '../../src/exercises/comp-match/solve';
import {
  CHECK_SAMPLE_RATE,
  clearStemCache,
  stemSamplesForCheck,
} from '../../src/exercises/comp-match/stem-cache';
import {
  decodeBase64,
  decodePeakEnvelope,
  encodeBase64,
  encodePeakEnvelope,
} from '../../src/exercises/comp-match/stem-envelope';
import { barsToSeconds } from '../../src/exercises/shared/sources';
import { hitTrain } from './fixtures';

const REF: CompressorSettings = {
  thresholdDb: -20,
  ratio: 4,
  kneeDb: 6,
  attackMs: 5,
  releaseMs: 120,
  makeupDb: 3,
};

/** A comp-match question on an imported stem: a train of decaying hits at 8 kHz, carried as an envelope. */
function importedQuestion(reference: CompressorSettings = REF): CompMatchQuestion {
  const envelope = encodePeakEnvelope([hitTrain(8000, 2)], 8000);
  return {
    kind: 'comp-match',
    seed: 1,
    level: 4,
    reference,
    start: { ...reference, thresholdDb: 0, ratio: 2, attackMs: 10, releaseMs: 120, makeupDb: 0 },
    controls: ['threshold', 'ratio', 'attack', 'release', 'makeup'],
    stem: {
      type: 'imported-song',
      hash: 'a'.repeat(64),
      name: 'Hits',
      startS: 0,
      durationS: 2,
      track: 'h0123456789' as never,
      envelope,
    },
  };
}

describe('peak envelopes for imported stems', () => {
  it('round-trips bytes through base64', () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 255, 128, 77]);
    for (let n = 0; n <= bytes.length; n++) {
      const part = bytes.slice(0, n);
      expect(decodeBase64(encodeBase64(part))).toEqual(part);
    }
    expect(encodeBase64(new Uint8Array([77, 97, 110]))).toBe('TWFu');
    expect(encodeBase64(new Uint8Array([77]))).toBe('TQ==');
  });

  it('keeps block peaks to 0.5 dB at 2 kHz and silence as silence', () => {
    const x = new Float32Array(48000); // 1 s at 48 kHz: −6 dBFS peaks in the first half, silence after
    for (let n = 0; n < 24000; n++) x[n] = n % 24 === 0 ? 0.5 : 0.01;
    const env = encodePeakEnvelope([x], 48000);
    expect(env.sampleRate).toBe(2000);
    const peaks = decodePeakEnvelope(env);
    expect(peaks).toHaveLength(2000);
    expect(20 * Math.log10(peaks[0]!)).toBeCloseTo(-6, 0);
    expect(Math.abs(20 * Math.log10(peaks[999]!) + 6.02)).toBeLessThanOrEqual(0.25);
    expect(peaks[1500]).toBe(0);
    // 1 s of this stem (a steady level, then silence: one change) travels in under 0.45 kB of text (a bit a
    // block, and the jump to silence in unary).
    expect(env.data.length).toBeLessThan(450);
  });
});

describe('comp-match scoring: share closed of the gain difference where the stem is loud', () => {
  it('reads a makeup-only difference as exactly that many dB and scores the share closed', () => {
    const q = importedQuestion();
    // Start: threshold 0 dB (the hits never reach it), makeup 0; D₀ is the reference's own gain changes.
    const d0 = check(q, q.start).details?.startDistanceDb as number;
    expect(d0).toBeGreaterThan(2);
    const r = check(q, { ...REF, makeupDb: 6 });
    expect(r.details?.distanceDb).toBe(3);
    expect(r.score).toBe(Math.max(0, Math.round((100 * (d0 - 3)) / (d0 - 0.5))));
    expect(r.details?.furthestOff).toBe('makeup');
    expect(r.feedback).toContain('makeup gain is too high');
    expect(check(q, { ...REF, makeupDb: 3.5 }).score).toBe(100); // D = 0.5
    expect(check(q, q.start).score).toBe(0);
  });

  it('weighs the difference where the stem is loud: silence between hits does not water it down', () => {
    const signal = { channels: [hitTrain(8000, 1)], sampleRate: 8000 };
    const other = { ...REF, thresholdDb: -30, attackMs: 1 };
    const a = renderCompressorGain(signal.channels, 8000, other);
    const b = renderCompressorGain(signal.channels, 8000, REF);
    const w = loudnessWeights(signal);
    let sum = 0;
    let total = 0;
    let plain = 0;
    for (let n = 0; n < a.length; n++) {
      sum += w[n]! * (a[n]! - b[n]!) ** 2;
      total += w[n]!;
      plain += (a[n]! - b[n]!) ** 2;
    }
    const weighted = weightedTraceDistanceDb(a, b, w);
    expect(weighted).toBeCloseTo(Math.sqrt(sum / total), 9);
    // The hits are short: over every sample the same difference reads smaller than where it is heard.
    expect(Math.sqrt(plain / a.length)).toBeLessThan(weighted);
    // The weights: 1 at the loudest, 0 in digital silence.
    expect(Math.max(...w)).toBe(1);
    expect(
      loudnessWeights({ channels: [new Float32Array(100)], sampleRate: 8000 }).every((x) => x === 0),
    ).toBe(true);
  });

  it.each([
    ['threshold', { thresholdDb: -8 }, 'threshold is too high'],
    ['ratio', { ratio: 1.2 }, 'ratio is too gentle'],
    ['attack', { attackMs: 80 }, 'attack is too slow'],
    ['release', { releaseMs: 5 }, 'release is too fast'],
    ['makeup', { makeupDb: -2 }, 'makeup gain is too low'],
  ] as const)('names the %s when it is the knob that is off', (param, change, words) => {
    const r = check(importedQuestion(), { ...REF, ...change });
    expect(r.score).toBeLessThan(100);
    expect(r.details?.furthestOff).toBe(param);
    expect(r.feedback).toContain(words);
  });

  it('names the knob that moves the gain most when several are off', () => {
    // Threshold 1 dB off barely matters next to an attack 16 times too slow on fast hits.
    const r = check(importedQuestion(), { ...REF, thresholdDb: -21, attackMs: 80 });
    expect(r.details?.furthestOff).toBe('attack');
  });
});

describe('comp-match on generated stems', () => {
  it('renders the stem excerpt in Node, caches it, and scores the solution 100', () => {
    clearStemCache();
    const q = generate(11, 3);
    expect(q.stem.type).toBe('song');
    if (q.stem.type !== 'song') return;
    const samples = stemSamplesForCheck(q.stem);
    expect(samples.sampleRate).toBe(CHECK_SAMPLE_RATE);
    const seconds = barsToSeconds(COMP_MATCH_EXCERPT_BARS, q.stem.overrides!.bpm!);
    expect(samples.channels[0]!.length).toBe(Math.round(seconds * CHECK_SAMPLE_RATE));
    // The excerpt is not silent and peaks at or below the stem normalisation (−3 dBFS).
    const peak = samples.channels[0]!.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    expect(20 * Math.log10(peak)).toBeGreaterThan(-20);
    expect(20 * Math.log10(peak)).toBeLessThanOrEqual(-2.99);
    expect(stemSamplesForCheck({ ...q.stem })).toBe(samples); // cache hit: the same arrays
    expect(check(q, solve(q)).score).toBe(100);
    const off = check(q, { ...solve(q), thresholdDb: q.reference.thresholdDb + 12 });
    expect(off.score).toBeLessThan(100);
    expect(off.details?.furthestOff).toBe('threshold');
  });

  it('picks thresholds that make the reference actually compress the stem', () => {
    clearStemCache();
    for (const seed of [1, 2, 3]) {
      const q = generate(seed, 2);
      if (q.stem.type !== 'song') continue;
      const s = stemSamplesForCheck(q.stem);
      const g = renderCompressorGain(s.channels, s.sampleRate, q.reference);
      const maxReduction = q.reference.makeupDb - g.reduce((m, v) => Math.min(m, v), 0);
      expect(maxReduction).toBeGreaterThan(1.5);
      // The start is audibly off (at least 2 dB, at most the drawn distance's top) and its threshold elsewhere.
      const d0 = check(q, q.start).details?.startDistanceDb as number;
      expect(d0).toBeGreaterThanOrEqual(2);
      expect(d0).toBeLessThanOrEqual(START_DISTANCE_JNDS[1] * JND_DB * 1.12 + 0.01);
      expect(q.start.thresholdDb).not.toBe(q.reference.thresholdDb);
    }
  });
});
