/**
 * comp-match's start tells little: on generated and imported-song questions, every level, SEEDS unseen seeds
 * each, no fixed move from the start (threshold −30…+30 dB in 1 dB steps, alone or with each offered ratio), no
 * fixed threshold under the loop's peak (−54…0 dB, alone or with each ratio), no middle-of-the-range setting
 * and no reviewer's "start + the usual offset" (each knob moved from the start by the median reference − start
 * of seeds 1–60) passes: right on at most MAX_RIGHT of questions, mean under MAX_MEAN. Every knob halfway
 * between the start and the reference scores about half, the start 0 and the reference 100. The score is the
 * same rule as `check` (share of the audible gain difference closed), measured once per question.
 * History (see the exercises README): start at 0 dBFS, best trick mean 52–67; start 6–20 dB of threshold
 * from the reference, 35–44 and right on up to 28 %; start drawn in what is heard (0.3.0), see MAX_*.
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
/**
 * Bounds just over the measured worst with the start drawn in what is heard (best trick's mean 30–40 per level
 * and source, level 4's fixed threshold the highest at 39.7; the most often right trick 10–22 %). The aim is a
 * mean under 35 and right on at most 10 %: not reached (see the exercises README).
 */
const MAX_MEAN = 42;
const MAX_RIGHT = 0.23;

type Trick = (q: CompMatchQuestion, peakDb: number) => CompressorSettings;

function tricksFor(level: number): Record<string, Trick> {
  const p = meta.levels[level - 1]!.params;
  const turns = (c: string) => p.controls.includes(c as never);
  const tricks: Record<string, Trick> = {};
  const ratios = turns('ratio') ? [undefined, ...p.ratios] : [undefined];
  for (let off = -30; off <= 30; off += 1)
    for (const ratio of ratios)
      tricks[`threshold start${off >= 0 ? '+' : ''}${off}${ratio ? `, ratio ${ratio}` : ''}`] = (q) => ({
        ...q.start,
        thresholdDb: q.start.thresholdDb + off,
        ...(ratio ? { ratio } : {}),
      });
  for (let below = -54; below <= 0; below += 1)
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

function measure(questions: readonly Asked[], tricks: Record<string, Trick>): Map<string, Tally> {
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

type Asked = { q: CompMatchQuestion; peakDb: number };

function askedOn(source: 'generated' | 'imported', level: number, seeds: readonly number[]): Asked[] {
  if (source === 'generated')
    return seeds.map((seed) => ({ q: generate(seed, level), peakDb: GENERATED_STEM_PEAK_DB }));
  return summaries.flatMap((song) =>
    seeds.map((seed) => {
      const q = generateImported(seed, level, song);
      const peakDb = q.stem.type === 'imported-song' ? envelopePeakDb(q.stem.envelope) : Number.NaN;
      return { q, peakDb };
    }),
  );
}

const FIELDS = ['thresholdDb', 'ratio', 'attackMs', 'releaseMs', 'makeupDb'] as const;

/** The reviewer's trick: every knob moved from the start by its median (reference − start) over `train`. */
function usualOffset(train: readonly Asked[]): Trick {
  const offset = Object.fromEntries(
    FIELDS.map((f) => [f, median(train.map(({ q }) => q.reference[f] - q.start[f]))]),
  ) as Record<(typeof FIELDS)[number], number>;
  return (q) => {
    const a = { ...q.start };
    for (const f of FIELDS) a[f] = q.start[f] + offset[f];
    return a;
  };
}

function median(values: readonly number[]): number {
  const s = [...values].sort((x, y) => x - y);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Every knob the level turns halfway between the start and the reference. */
const halfway: Trick = (q) => {
  const a = { ...q.start };
  for (const f of FIELDS) a[f] = (q.start[f] + q.reference[f]) / 2;
  return a;
};

const TRAIN_SEEDS = Array.from({ length: 60 }, (_, i) => i + 1);
const TEST_SEEDS = Array.from({ length: SEEDS }, (_, i) => 1003 + i * 7919);

describe.each([1, 2, 3, 4])('comp-match level %i: no trick passes without listening', (level) => {
  it.each(['generated', 'imported'] as const)(
    'on %s stems',
    (source) => {
      const qs = askedOn(source, level, TEST_SEEDS);
      const usual = usualOffset(askedOn(source, level, TRAIN_SEEDS));
      const tallies = measure(qs, { ...tricksFor(level), 'start + usual offset': usual });
      const { mean, right } = worstOf(tallies);
      const of = (name: string) => tallies.get(name)!;
      const u = of('start + usual offset');
      const { half, nothing, solved } = plainAnswers(qs);
      console.info(
        `${source} L${level}: best trick mean ${mean[1].toFixed(1)} (${mean[0]}); most right ${(100 * right[1]).toFixed(0)} % (${right[0]}); start + usual offset ${(u.total / u.n).toFixed(1)}, right ${((100 * u.right) / u.n).toFixed(0)} %; halfway ${half.toFixed(1)}; nothing ${nothing}; solve ${solved}`,
      );
      expect(mean[1]).toBeLessThan(MAX_MEAN);
      expect(right[1]).toBeLessThanOrEqual(MAX_RIGHT);
      expect(half).toBeGreaterThanOrEqual(40);
      expect(half).toBeLessThanOrEqual(60);
      expect(nothing).toBe(0);
      expect(solved).toBe(100);
    },
    900_000,
  );
});

/** Mean scores of every knob halfway, the start as found and the reference. */
function plainAnswers(qs: readonly Asked[]): { half: number; nothing: number; solved: number } {
  let half = 0;
  let nothing = 0;
  let solved = 0;
  for (const { q } of qs) {
    const distance = createTraceMeter(q);
    const d0 = distance(q.start);
    half += closedShareScore(distance(halfway(q, 0)), d0, JND_DB);
    nothing += closedShareScore(d0, d0, JND_DB);
    solved += closedShareScore(distance(q.reference), d0, JND_DB);
  }
  return { half: half / qs.length, nothing: nothing / qs.length, solved: solved / qs.length };
}

it('the trace meter is check’s own rule (spot check)', () => {
  const q = generate(3, 2);
  const a = { ...q.start, thresholdDb: q.start.thresholdDb - 6 };
  const distance = createTraceMeter(q);
  const r = check(q, a);
  expect(r.score).toBe(closedShareScore(distance(a), distance(q.start), JND_DB));
  expect(r.correct).toBe(distance(a) <= CORRECT_JNDS * JND_DB);
});
