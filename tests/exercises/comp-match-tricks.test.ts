/**
 * comp-match's start tells little: on generated and imported-song questions, every level, 40 seeds each, no
 * fixed move from the start (threshold −30…+30 dB, alone or with each offered ratio), no fixed threshold under
 * the loop's peak (−30…0 dB) and no middle-of-the-range setting passes the pass mark (60). Before the start was
 * drawn (threshold always 3 dB over the peak, the reference 12–24 dB below it) "18 dB below the start" scored
 * a mean 52–55 and "12 dB below" on level 1 64 (right 32 %). Measured now (40 seeds): the best trick's mean
 * 35–44 per level and source, right on at most 28 % (a fixed move down from a start drawn above the
 * reference: above it the gain changes grow slowly, so a wide band of thresholds counts as right). The aim
 * was a mean under 40 and right on at most 10 %: not reached (see the exercises README). The score is the
 * same rule as `check` (share of the audible gain difference closed), measured once per question.
 */
import { describe, expect, it } from 'vitest';
import type { CompressorSettings } from '../../src/dsp/compressor';
import { check, createTraceMeter, JND_DB } from '../../src/exercises/comp-match/check';
import { generate } from '../../src/exercises/comp-match/generate';
import { GENERATED_STEM_PEAK_DB, generateImported } from '../../src/exercises/comp-match/imported';
import { type CompMatchQuestion, meta } from '../../src/exercises/comp-match/meta';
import { envelopePeakDb } from '../../src/exercises/comp-match/stem-envelope';
import { CORRECT_JNDS, closedShareScore } from '../../src/exercises/shared/match-score';
import { compMatchSongs, compMatchSummary } from './comp-match-stems';

const SEEDS = Number(process.env.COMP_TRICK_SEEDS ?? 40);
const summaries = compMatchSongs().map(compMatchSummary);
/** Bounds over the measured worst (44 mean, 28 % right), well under the pass mark and the old 52–67. */
const MAX_MEAN = 47;
const MAX_RIGHT = 0.3;

type Trick = (q: CompMatchQuestion, peakDb: number) => CompressorSettings;

function tricksFor(level: number): Record<string, Trick> {
  const p = meta.levels[level - 1]!.params;
  const turns = (c: string) => p.controls.includes(c as never);
  const tricks: Record<string, Trick> = {};
  const ratios = turns('ratio') ? [undefined, ...p.ratios] : [undefined];
  for (let off = -30; off <= 30; off += 3)
    for (const ratio of ratios)
      tricks[`threshold start${off >= 0 ? '+' : ''}${off}${ratio ? `, ratio ${ratio}` : ''}`] = (q) => ({
        ...q.start,
        thresholdDb: q.start.thresholdDb + off,
        ...(ratio ? { ratio } : {}),
      });
  for (let below = -30; below <= 0; below += 3)
    for (const ratio of ratios)
      tricks[`threshold peak${below}${ratio ? `, ratio ${ratio}` : ''}`] = (q, peak) => ({
        ...q.start,
        thresholdDb: Math.round(peak + below),
        ...(ratio ? { ratio } : {}),
      });
  const mid = (r: readonly number[] | [number, number]) => (r[0]! + r[r.length - 1]!) / 2;
  const geo = (r: [number, number]) => Math.sqrt(r[0] * r[1]);
  tricks['middle of every range'] = (q, peak) => ({
    ...q.start,
    thresholdDb: Math.round(peak + mid(p.thresholdDb) - GENERATED_STEM_PEAK_DB),
    ...(turns('ratio') ? { ratio: p.ratios[Math.floor(p.ratios.length / 2)]! } : {}),
    ...(turns('attack') ? { attackMs: geo(p.attackMs) } : {}),
    ...(turns('release') ? { releaseMs: geo(p.releaseMs) } : {}),
    ...(turns('makeup') ? { makeupDb: mid(p.makeupDb) } : {}),
  });
  return tricks;
}

interface Tally {
  total: number;
  right: number;
  n: number;
}

function measure(questions: { q: CompMatchQuestion; peakDb: number }[], level: number): Map<string, Tally> {
  const tricks = tricksFor(level);
  const out = new Map<string, Tally>();
  for (const { q, peakDb } of questions) {
    const distance = createTraceMeter(q);
    const d0 = distance(q.start);
    for (const [name, trick] of Object.entries(tricks)) {
      const d = distance(trick(q, peakDb));
      const t = out.get(name) ?? { total: 0, right: 0, n: 0 };
      t.total += closedShareScore(d, d0, JND_DB);
      if (d <= CORRECT_JNDS * JND_DB) t.right++;
      t.n++;
      out.set(name, t);
    }
  }
  return out;
}

function worstOf(tallies: Map<string, Tally>): { mean: [string, number]; right: [string, number] } {
  let mean: [string, number] = ['', -1];
  let right: [string, number] = ['', -1];
  for (const [name, t] of tallies) {
    if (t.total / t.n > mean[1]) mean = [name, t.total / t.n];
    if (t.right / t.n > right[1]) right = [name, t.right / t.n];
  }
  return { mean, right };
}

describe.each([1, 2, 3, 4])('comp-match level %i: no fixed trick passes', (level) => {
  it('on generated stems', () => {
    const qs = Array.from({ length: SEEDS }, (_, i) => ({
      q: generate(i * 7919 + 3, level),
      peakDb: GENERATED_STEM_PEAK_DB,
    }));
    const { mean, right } = worstOf(measure(qs, level));
    console.info(
      `generated L${level}: best trick mean ${mean[1].toFixed(1)} (${mean[0]}); most right ${(100 * right[1]).toFixed(0)} % (${right[0]})`,
    );
    expect(mean[1]).toBeLessThan(MAX_MEAN);
    expect(right[1]).toBeLessThanOrEqual(MAX_RIGHT);
  }, 600_000);

  it('on imported songs', () => {
    const qs = summaries.flatMap((song) =>
      Array.from({ length: SEEDS }, (_, i) => {
        const q = generateImported(i * 7919 + 3, level, song);
        const peakDb = q.stem.type === 'imported-song' ? envelopePeakDb(q.stem.envelope) : Number.NaN;
        return { q, peakDb };
      }),
    );
    const { mean, right } = worstOf(measure(qs, level));
    console.info(
      `imported L${level}: best trick mean ${mean[1].toFixed(1)} (${mean[0]}); most right ${(100 * right[1]).toFixed(0)} % (${right[0]})`,
    );
    expect(mean[1]).toBeLessThan(MAX_MEAN);
    expect(right[1]).toBeLessThanOrEqual(MAX_RIGHT);
  }, 600_000);
});

it('the trace meter is check’s own rule (spot check)', () => {
  const q = generate(3, 2);
  const a = { ...q.start, thresholdDb: q.start.thresholdDb - 6 };
  const distance = createTraceMeter(q);
  const r = check(q, a);
  expect(r.score).toBe(closedShareScore(distance(a), distance(q.start), JND_DB));
  expect(r.correct).toBe(distance(a) <= CORRECT_JNDS * JND_DB);
});
