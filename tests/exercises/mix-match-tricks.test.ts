/**
 * mix-match from the learner's side, against answers made without listening: on Headroom's own songs (every
 * level) and on imported songs (every level they carry), learned on seeds 1–60 and scored on unseen seeds
 * 1001–1080. Doing nothing scores 0, the reference 100, every control half-way a little over half; the usual-reference
 * reader (review7's mm-reader: each track's median reference), a per-control median of the references and a
 * random-direction guesser score under 15 on average, and the reader passes (60 or more) under 3 % of the time.
 */
import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../src/dsp/random';
import { check } from '../../src/exercises/mix-match/check';
import { generate } from '../../src/exercises/mix-match/generate';
import { type MixMatchAnswer, type MixMatchQuestion, meta } from '../../src/exercises/mix-match/meta';
import { solve } from '../../src/exercises/mix-match/solve';
import { start } from '../../src/exercises/mix-match/start';
import { generateOnImported, importedFitProblem } from '../../src/exercises/shared/imported-kinds';
import type { ImportedSongSummary } from '../../src/exercises/shared/imported-song';
import type { MixCompressor, TrackMix } from '../../src/exercises/shared/mix-spec';
import { bandTracks as dynBandTracks, summaryOf } from './imported-dynamics-fixtures';
import { summary } from './imported-fixtures';
import { bandSummary } from './imported-fixtures-more';
import { roomySummary } from './mix-match-fixtures';

/**
 * Bounds on the best fixed move of one or two faders, chosen on the scored seeds themselves (mean, % passing).
 * Measured on Headroom's songs: level 1 17.7 (15 %), level 2 7.0 (1.3 %); "kick and bass ±6 dB" scored 27–30
 * (25–29 %) on level 1 while bass followed kick. Not measured on imported songs (their best blind answers in
 * review 8: 13.8–14.7, 5–10 %).
 */
const FIXED_MOVE_MEAN = 22;
const FIXED_MOVE_PASSES = 20;

const LEARN = Array.from({ length: 60 }, (_, i) => i + 1);
const SCORED = Array.from({ length: 80 }, (_, i) => 1001 + i);

const median = (v: readonly number[]) => {
  const s = [...v].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};
const mean = (v: readonly number[]) => v.reduce((a, b) => a + b, 0) / Math.max(1, v.length);
const sendDb = (x: number | null) => (x === null ? -30 : x);

/** A compressor as numbers, off being ratio 1 (no gain change) at the other's settings. */
function asOn(c: MixCompressor, other: MixCompressor): MixCompressor {
  return c.enabled ? c : { ...other, enabled: true, ratio: 1, makeupDb: 0 };
}

/** Every control half-way from the start to the reference (off sends at −30 dB, an off compressor at 1:1). */
function halfway(q: MixMatchQuestion): MixMatchAnswer {
  const mid = (a: number, b: number) => (a + b) / 2;
  const geo = (a: number, b: number) => Math.sqrt(a * b);
  return {
    tracks: q.start.map((s, i) => {
      const r = q.reference[i] as TrackMix;
      const send = (a: number | null, b: number | null) =>
        a === null && b === null ? null : mid(sendDb(a), sendDb(b));
      const comp =
        !s.comp.enabled && !r.comp.enabled
          ? { ...s.comp }
          : (() => {
              const a = asOn(s.comp, r.comp);
              const b = asOn(r.comp, s.comp);
              return {
                enabled: true,
                thresholdDb: mid(a.thresholdDb, b.thresholdDb),
                ratio: geo(a.ratio, b.ratio),
                attackMs: geo(a.attackMs, b.attackMs),
                releaseMs: geo(a.releaseMs, b.releaseMs),
                makeupDb: mid(a.makeupDb, b.makeupDb),
              };
            })();
      return {
        faderDb: mid(s.faderDb, r.faderDb),
        pan: mid(s.pan, r.pan),
        eq: s.eq.map((b, k) => {
          const rb = r.eq[k] as TrackMix['eq'][number];
          return {
            frequencyHz: geo(b.frequencyHz, rb.frequencyHz),
            gainDb: mid(b.gainDb, rb.gainDb),
            q: geo(b.q, rb.q),
          };
        }) as TrackMix['eq'],
        comp,
        reverbDb: send(s.reverbDb, r.reverbDb),
        delayDb: send(s.delayDb, r.delayDb),
      };
    }),
  };
}

/** How far each kind of control moves from the desk as found to the reference (medians of the moves learned). */
interface Typical {
  fader: number;
  pan: number;
  eq: number;
  threshold: number;
  send: number;
}

/** The median move of each kind of control over `questions` (moves of zero left out). */
function typicalMoves(questions: readonly MixMatchQuestion[]): Typical {
  const v: Record<keyof Typical, number[]> = { fader: [], pan: [], eq: [], threshold: [], send: [] };
  const add = (k: keyof Typical, d: number) => {
    if (Math.abs(d) > 1e-9) v[k].push(Math.abs(d));
  };
  for (const q of questions)
    q.start.forEach((s, i) => {
      const r = q.reference[i] as TrackMix;
      add('fader', r.faderDb - s.faderDb);
      add('pan', r.pan - s.pan);
      for (const [k, b] of s.eq.entries()) add('eq', (r.eq[k] as TrackMix['eq'][number]).gainDb - b.gainDb);
      if (s.comp.enabled && r.comp.enabled) add('threshold', r.comp.thresholdDb - s.comp.thresholdDb);
      add('send', sendDb(r.reverbDb) - sendDb(s.reverbDb));
      add('send', sendDb(r.delayDb) - sendDb(s.delayDb));
    });
  return {
    fader: median(v.fader),
    pan: median(v.pan),
    eq: median(v.eq),
    threshold: median(v.threshold),
    send: median(v.send),
  };
}

/** Each control moved its typical amount (typicalMoves) in a random direction; off sends and compressors stay off. */
function randomDirection(q: MixMatchQuestion, rng: Rng, typical: Typical): MixMatchAnswer {
  const way = () => (rng.chance(0.5) ? 1 : -1);
  return {
    tracks: q.start.map((s) => ({
      faderDb: s.faderDb + typical.fader * way(),
      pan: Math.max(-1, Math.min(1, s.pan + typical.pan * way())),
      eq: s.eq.map((b) => ({ ...b, gainDb: b.gainDb + typical.eq * way() })) as TrackMix['eq'],
      comp: s.comp.enabled
        ? { ...s.comp, thresholdDb: s.comp.thresholdDb + typical.threshold * way() }
        : { ...s.comp },
      reverbDb: s.reverbDb === null ? null : s.reverbDb + typical.send * way(),
      delayDb: s.delayDb === null ? null : s.delayDb + typical.send * way(),
    })),
  };
}

/** The references seen while learning, per track (keyed by the caller). */
type Learned = Map<string, TrackMix[]>;

/** review7's mm-reader: each track set to its typical reference (medians; |pan| with the median's side). */
function reader(all: readonly TrackMix[], found: TrackMix): TrackMix {
  if (all.length === 0) return found;
  const t = structuredClone(found);
  t.faderDb = median(all.map((r) => r.faderDb));
  t.pan = median(all.map((r) => Math.abs(r.pan))) * (Math.sign(median(all.map((r) => r.pan))) || 1);
  t.eq = t.eq.map((_b, k) => ({
    frequencyHz: median(all.map((r) => r.eq[k]!.frequencyHz)),
    gainDb: median(all.map((r) => r.eq[k]!.gainDb)),
    q: median(all.map((r) => r.eq[k]!.q)),
  })) as TrackMix['eq'];
  const sends = (f: (r: TrackMix) => number | null) => {
    const v = all.map(f);
    const on = v.filter((x) => x !== null) as number[];
    return on.length > v.length / 2 ? median(on) : null;
  };
  t.reverbDb = sends((r) => r.reverbDb);
  t.delayDb = sends((r) => r.delayDb);
  const comps = all.filter((r) => r.comp.enabled);
  if (comps.length > all.length / 2)
    t.comp = {
      enabled: true,
      thresholdDb: median(comps.map((r) => r.comp.thresholdDb)),
      ratio: median(comps.map((r) => r.comp.ratio)),
      attackMs: median(comps.map((r) => r.comp.attackMs)),
      releaseMs: median(comps.map((r) => r.comp.releaseMs)),
      makeupDb: median(comps.map((r) => r.comp.makeupDb)),
    };
  return t;
}

/** Every control at the median of the learned references (signed pan, off sends at −30 dB, off compressors 1:1). */
function perControlMedian(all: readonly TrackMix[], found: TrackMix): TrackMix {
  if (all.length === 0) return found;
  const m = (f: (r: TrackMix) => number) => median(all.map(f));
  const send = (f: (r: TrackMix) => number | null) => {
    const v = m((r) => sendDb(f(r)));
    return v <= -30 ? null : v;
  };
  const on = all.filter((r) => r.comp.enabled);
  return {
    faderDb: m((r) => r.faderDb),
    pan: m((r) => r.pan),
    eq: found.eq.map((_b, k) => ({
      frequencyHz: m((r) => r.eq[k]!.frequencyHz),
      gainDb: m((r) => r.eq[k]!.gainDb),
      q: m((r) => r.eq[k]!.q),
    })) as TrackMix['eq'],
    comp:
      on.length === 0
        ? { ...found.comp }
        : {
            enabled: true,
            thresholdDb: m((r) => (r.comp.enabled ? r.comp.thresholdDb : 0)),
            ratio: m((r) => (r.comp.enabled ? r.comp.ratio : 1)),
            attackMs: median(on.map((r) => r.comp.attackMs)),
            releaseMs: median(on.map((r) => r.comp.releaseMs)),
            makeupDb: m((r) => (r.comp.enabled ? r.comp.makeupDb : 0)),
          },
    reverbDb: send((r) => r.reverbDb),
    delayDb: send((r) => r.delayDb),
  };
}

interface Row {
  nothing: number;
  solve: number;
  halfway: number;
  reader: number;
  readerPasses: number;
  median: number;
  randomDirection: number;
  /** The best fixed move of one or two faders by ±6 dB (review 8: "kick and bass ±6 dB" passed a quarter of level 1). */
  fixedMove: number;
  fixedMovePasses: number;
}

/** Every move of one fader, or of two together, by ±6 dB each: the answers a learner could try on every question. */
function fixedMoves(n: number): { i: number; j: number | null; a: number; b: number }[] {
  const out: { i: number; j: number | null; a: number; b: number }[] = [];
  for (let i = 0; i < n; i++)
    for (const a of [-6, 6]) {
      out.push({ i, j: null, a, b: 0 });
      for (let j = i + 1; j < n; j++) for (const b of [-6, 6]) out.push({ i, j, a, b });
    }
  return out;
}

/** Learns on LEARN, scores every answer on SCORED; `make(seed)` gives the question. */
function measure(
  make: (seed: number) => MixMatchQuestion,
  key: (q: MixMatchQuestion, i: number) => string,
  fixed = false,
): Row {
  const learned: Learned = new Map();
  const seenQuestions: MixMatchQuestion[] = [];
  for (const seed of LEARN) {
    const q = make(seed);
    seenQuestions.push(q);
    q.reference.forEach((t, i) => {
      const k = key(q, i);
      learned.set(k, [...(learned.get(k) ?? []), t]);
    });
  }
  const rng = createRng(7);
  const typical = typicalMoves(seenQuestions);
  const s = { nothing: [] as number[], solve: [] as number[], halfway: [] as number[] };
  const r = { reader: [] as number[], median: [] as number[], randomDirection: [] as number[] };
  for (const seed of SCORED) {
    const q = make(seed);
    const score = (a: MixMatchAnswer) => check(q, a).score;
    s.nothing.push(score(start(q)));
    s.solve.push(score(solve(q)));
    s.halfway.push(score(halfway(q)));
    const seen = (i: number) => learned.get(key(q, i)) ?? [];
    r.reader.push(score({ tracks: q.start.map((t, i) => reader(seen(i), t)) }));
    r.median.push(score({ tracks: q.start.map((t, i) => perControlMedian(seen(i), t)) }));
    r.randomDirection.push(score(randomDirection(q, rng, typical)));
  }
  const one = (v: number[]) => Math.round(10 * mean(v)) / 10;
  const passes = (v: number[]) => Math.round((1000 * v.filter((x) => x >= 60).length) / v.length) / 10;
  // The fixed move found best on the unseen seeds themselves (a bound on any fixed move learned elsewhere).
  let best = { mean: 0, passes: 0 };
  const first = make(SCORED[0] as number);
  // Only where faders and pan alone are graded: elsewhere a check measures sound and the moves are many (the
  // review found the move on level 1; levels 6–7 dilute one or two faders among nine tracks).
  if (
    fixed &&
    first.dimensions.includes('balance') &&
    first.dimensions.every((d) => d === 'balance' || d === 'pan')
  )
    for (const m of fixedMoves(first.tracks.length)) {
      const scores = SCORED.map((seed) => {
        const q = make(seed);
        const tracks = q.start.map((t, k) => ({
          ...t,
          faderDb: t.faderDb + (k === m.i ? m.a : k === m.j ? m.b : 0),
        }));
        return check(q, { tracks }).score;
      });
      if (mean(scores) > best.mean) best = { mean: mean(scores), passes: passes(scores) };
    }
  return {
    nothing: Math.max(...s.nothing),
    solve: Math.min(...s.solve),
    halfway: one(s.halfway),
    reader: one(r.reader),
    readerPasses: Math.round((1000 * r.reader.filter((x) => x >= 60).length) / r.reader.length) / 10,
    median: one(r.median),
    randomDirection: one(r.randomDirection),
    fixedMove: Math.round(10 * best.mean) / 10,
    fixedMovePasses: best.passes,
  };
}

function expectHonest(rows: Record<string, Row>) {
  for (const [at, row] of Object.entries(rows)) {
    expect(row.nothing, at).toBe(0);
    expect(row.solve, at).toBe(100);
    expect(row.halfway, at).toBeGreaterThanOrEqual(40);
    // Above half: each cell's first just-noticeable step is free, so half the distance is more than half the
    // steps (sends, 3 dB steps on moves of a few steps, the most).
    expect(row.halfway, at).toBeLessThanOrEqual(80);
    expect(row.reader, at).toBeLessThan(15);
    expect(row.readerPasses, at).toBeLessThan(3);
    expect(row.median, at).toBeLessThan(15);
    expect(row.randomDirection, at).toBeLessThan(15);
    expect(row.fixedMove, at).toBeLessThan(FIXED_MOVE_MEAN);
    expect(row.fixedMovePasses, at).toBeLessThan(FIXED_MOVE_PASSES);
  }
}

describe('mix-match answered without listening', () => {
  it("Headroom's songs, every level: nothing 0 (max), solve 100 (min), every trick under 15", () => {
    const levels = meta.levels.map((_, i) => i + 1);
    // Seeds outer, levels inner: a song is rendered once for all its levels (the analysis cache keeps four).
    const questions = new Map<string, MixMatchQuestion>();
    for (const seed of [...LEARN, ...SCORED])
      for (const level of levels) questions.set(`${level}:${seed}`, generate(seed, level));
    const rows: Record<string, Row> = {};
    for (const level of levels)
      rows[`level ${level}`] = measure(
        (seed) => questions.get(`${level}:${seed}`) as MixMatchQuestion,
        (q, i) => q.tracks[i]!.id,
        true,
      );
    console.table(rows);
    expectHonest(rows);
  }, 1_800_000);

  it('imported songs, every level they carry: the same', () => {
    const songs: ImportedSongSummary[] = [
      summary,
      bandSummary,
      summaryOf('Dyn band', dynBandTracks()),
      roomySummary(),
    ];
    const rows: Record<string, Row> = {};
    for (const song of songs)
      for (let level = 1; level <= meta.levels.length; level++) {
        if (importedFitProblem('mix-match', song, level) !== null) continue;
        rows[`${song.name} ${level}`] = measure(
          (seed) => generateOnImported('mix-match', seed, level, song) as MixMatchQuestion,
          (q, i) => q.tracks[i]!.id,
        );
      }
    console.table(rows);
    expectHonest(rows);
  }, 1_800_000);
});
