/** fix-mix from the learner's side: the diagnosis, the repair, and the ways someone might game them. */
import { describe, expect, it, vi } from 'vitest';
import { createRng } from '../../src/dsp/random';
import { check } from '../../src/exercises/fix-mix/check';
import { gradeDiagnosis } from '../../src/exercises/fix-mix/diagnosis';
import { generate } from '../../src/exercises/fix-mix/generate';
import type { FixMixAnswer, FixMixQuestion, PlantedFault } from '../../src/exercises/fix-mix/meta';
import { FAULT_DIMENSION } from '../../src/exercises/fix-mix/mix-faults';
import { solve } from '../../src/exercises/fix-mix/solve';
import { start } from '../../src/exercises/fix-mix/start';
import { copyTrackMix, type TrackMix } from '../../src/exercises/shared/mix-spec';
import type { SongSource } from '../../src/exercises/types';
import { generateSong } from '../../src/production/generate-song';

// Tone and compression are graded on one synthetic stem per track (tests/exercises/fix-mix-rendered.test.ts
// renders real songs), so hundreds of questions stay quick.
vi.mock('../../src/exercises/shared/mix-measures', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/exercises/shared/mix-measures')>();
  const { syntheticMixMeasures } = await import('./fixtures');
  return { ...original, mixMeasures: await syntheticMixMeasures() };
});

const SEEDS = Array.from({ length: 60 }, (_, i) => i + 1);
const claimOf = (f: PlantedFault) => (f.track ? { fault: f.fault, track: f.track } : { fault: f.fault });

/** The desk with one planted mixing fault undone (its dimension set back to the good mix on its tracks). */
function repair(q: FixMixQuestion, tracks: TrackMix[], f: PlantedFault): TrackMix[] {
  if (f.fault === 'production') return tracks;
  const dim = FAULT_DIMENSION[f.fault];
  const ids =
    f.fault === 'masking' ? ['kick', 'bass'] : f.fault === 'mono' ? q.tracks.map((t) => t.id) : [f.track];
  return tracks.map((t, i) => {
    if (!ids.includes(q.tracks[i]!.id)) return t;
    const ref = q.reference[i]!;
    const out = copyTrackMix(t);
    if (dim === 'balance') out.faderDb = ref.faderDb;
    if (dim === 'pan') out.pan = ref.pan;
    if (dim === 'tone') out.eq = copyTrackMix(ref).eq;
    if (dim === 'dynamics') out.comp = { ...ref.comp };
    if (dim === 'space') {
      out.reverbDb = ref.reverbDb;
      out.delayDb = ref.delayDb;
    }
    return out;
  });
}

const mixing = (q: FixMixQuestion) => q.faults.filter((f) => f.fault !== 'production');
const desk = (q: FixMixQuestion) => q.start.map(copyTrackMix);

describe('fix-mix questions', () => {
  it('are deterministic per seed, JSON, and differ between seeds', () => {
    for (const level of [1, 2, 3, 4]) {
      const seen = new Set<string>();
      for (const seed of SEEDS.slice(0, 20)) {
        const q = generate(seed, level);
        expect(generate(seed, level)).toStrictEqual(q);
        expect(JSON.parse(JSON.stringify(q))).toStrictEqual(q);
        seen.add(JSON.stringify({ ...q, seed: 0 }));
      }
      expect(seen.size).toBeGreaterThan(15);
    }
  });

  it('plant one to three faults per level, each a clear change (at least three just-noticeable steps beyond the first)', () => {
    const counts: Record<number, number[]> = { 1: [], 2: [], 3: [], 4: [] };
    let production = 0;
    for (const level of [1, 2, 3, 4]) {
      for (const seed of SEEDS) {
        const q = generate(seed, level);
        counts[level]!.push(q.faults.length);
        if (q.faults.some((f) => f.fault === 'production')) {
          production++;
          expect(level).toBe(4);
          expect(q.production).not.toBeNull();
        } else expect(q.production).toBeNull();
        // Each mixing fault alone is at least three steps of the grader (four just-noticeable amounts).
        for (const f of mixing(q)) {
          const only = repair(q, desk(q), f);
          const before = check(q, { faults: [], tracks: desk(q) }).details!.startTotal as number;
          const after = check(q, { faults: [], tracks: only }).details!.total as number;
          expect(before - after, `${level}/${seed} ${f.description}`).toBeGreaterThanOrEqual(3);
        }
      }
    }
    expect(new Set(counts[1])).toEqual(new Set([1]));
    expect(Math.max(...counts[2]!)).toBe(2);
    expect(Math.max(...counts[3]!)).toBe(3);
    expect(Math.min(...counts[4]!)).toBe(1);
    // About 40 % of level-4 questions carry a production problem.
    expect(production).toBeGreaterThan(12);
    expect(production).toBeLessThan(38);
  });

  it('builds every production fault from valid song overrides', () => {
    const kinds = new Set<string>();
    for (let seed = 1; seed <= 120; seed++) {
      const q = generate(seed, 4);
      const f = q.faults.find((x) => x.fault === 'production');
      if (!f || !q.production) continue;
      kinds.add(f.production!);
      const src = q.source as SongSource;
      const a = generateSong(src.seed, src.style, src.overrides);
      const b = generateSong(
        q.production.source.seed,
        q.production.source.style,
        q.production.source.overrides,
      );
      expect(q.production.tracks.length).toBeGreaterThan(0);
      const swapped = q.production.tracks[0]!;
      if (f.production === 'too-many') {
        // A leaves the extra parts out; B plays them.
        for (const id of q.production.tracks) {
          expect(a.tracks.find((t) => t.id === id)!.muted).toBe(true);
          expect(b.tracks.find((t) => t.id === id)!.muted).toBe(false);
        }
      } else if (f.production === 'wrong-notes') {
        expect(JSON.stringify(b.tracks.find((t) => t.id === swapped)!.events)).not.toBe(
          JSON.stringify(a.tracks.find((t) => t.id === swapped)!.events),
        );
      } else {
        expect(b.tracks.find((t) => t.id === 'keys')!.instrument).toBe(
          b.tracks.find((t) => t.id === 'chords')!.instrument,
        );
      }
      // Mixing faults never land on a part the good version leaves out.
      for (const m of mixing(q)) if (m.track) expect(q.production.tracks).not.toContain(m.track);
    }
    expect([...kinds].sort()).toEqual(['register', 'too-many', 'wrong-notes']);
  });
});

describe('fix-mix from the learner’s side', () => {
  it('the untouched answer scores 0 and is never right; the full answer 100 and right', () => {
    for (const level of [1, 2, 3, 4]) {
      for (const seed of SEEDS) {
        const q = generate(seed, level);
        expect(check(q, start(q))).toMatchObject({ score: 0, correct: false });
        expect(check(q, solve(q))).toMatchObject({ score: 100, correct: true });
      }
    }
  });

  it('naming and fixing one of two faults scores about half', () => {
    const scores: number[] = [];
    for (const level of [2, 3]) {
      for (const seed of SEEDS) {
        const q = generate(seed, level);
        const faults = mixing(q);
        if (faults.length !== 2) continue;
        const [first] = faults as [PlantedFault, PlantedFault];
        const r = check(q, { faults: [claimOf(first)], tracks: repair(q, desk(q), first) });
        expect(r.correct).toBe(false);
        scores.push(r.score);
      }
    }
    expect(scores.length).toBeGreaterThan(20);
    const mean = scores.reduce((s, x) => s + x, 0) / scores.length;
    expect(mean).toBeGreaterThan(40);
    expect(mean).toBeLessThan(60);
    expect(Math.min(...scores)).toBeGreaterThanOrEqual(25);
    expect(Math.max(...scores)).toBeLessThanOrEqual(75);
  });

  it('"tick every problem" earns nothing for the diagnosis, even with the right tracks', () => {
    for (const level of [1, 2, 3, 4]) {
      for (const seed of SEEDS.slice(0, 30)) {
        const q = generate(seed, level);
        const all = q.choices.map((fault) => {
          const planted = q.faults.find((f) => f.fault === fault);
          return planted?.track ? { fault, track: planted.track } : { fault, track: q.tracks[0]!.id };
        });
        const untouched = check(q, { faults: all, tracks: desk(q) });
        expect(untouched.score).toBe(0);
        const repaired = check(q, { faults: all, tracks: solve(q).tracks });
        expect(repaired.correct).toBe(false);
        expect(repaired.score).toBeLessThanOrEqual(60);
      }
    }
  });

  it('"always say production problem" does not pass', () => {
    let total = 0;
    let n = 0;
    for (const level of [1, 2, 3, 4]) {
      for (const seed of SEEDS) {
        const q = generate(seed, level);
        const r = check(q, { faults: [{ fault: 'production' }], tracks: desk(q) });
        if (mixing(q).length > 0) expect(r.correct).toBe(false);
        if (level === 4) {
          total += r.score;
          n++;
        }
      }
    }
    // Even on the one level that has production problems, the mean stays far from a pass.
    expect(total / n).toBeLessThan(30);
  });

  it('random guessing does not pass (mean under 15, never right)', () => {
    const rng = createRng(12);
    let total = 0;
    let n = 0;
    for (const level of [1, 2, 3, 4]) {
      for (const seed of SEEDS) {
        const q = generate(seed, level);
        const faults = rng
          .shuffle(q.choices)
          .slice(0, rng.int(1, 3))
          .map((fault) => ({ fault, track: rng.pick(q.tracks).id }));
        const tracks = desk(q).map((t) => ({
          ...t,
          faderDb: t.faderDb + rng.range(-6, 6),
          pan: rng.range(-1, 1),
        }));
        const r = check(q, { faults, tracks });
        expect(r.correct).toBe(false);
        total += r.score;
        n++;
      }
    }
    expect(total / n).toBeLessThan(15);
  });

  it('fixing the fault but wrecking another track costs', () => {
    for (const seed of SEEDS.slice(0, 30)) {
      const q = generate(seed, 1);
      const [fault] = q.faults as [PlantedFault];
      const fixed = repair(q, desk(q), fault);
      const clean = check(q, { faults: [claimOf(fault)], tracks: fixed });
      expect(clean).toMatchObject({ score: 100, correct: true });
      const other = q.tracks.findIndex((t) => t.id !== fault.track);
      const wrecked = fixed.map((t, i) => (i === other ? { ...t, faderDb: t.faderDb + 8 } : t));
      const r = check(q, { faults: [claimOf(fault)], tracks: wrecked });
      expect(r.correct).toBe(false);
      expect(r.score).toBeLessThan(80);
      expect(r.feedback).toMatch(/Still off: .*too loud/);
    }
  });

  it('turning the whole desk up or down changes nothing', () => {
    const q = generate(5, 3);
    const up = solve(q).tracks.map((t) => ({ ...t, faderDb: t.faderDb + 6 }));
    expect(check(q, { faults: solve(q).faults, tracks: up }).score).toBe(100);
  });

  it('a production problem alone: name it and leave the desk; moving faders anyway costs', () => {
    let seen = 0;
    for (let seed = 1; seed <= 200 && seen < 5; seed++) {
      const q = generate(seed, 4);
      if (q.faults.length !== 1 || q.faults[0]!.fault !== 'production') continue;
      seen++;
      expect(check(q, { faults: [{ fault: 'production' }], tracks: desk(q) })).toMatchObject({
        score: 100,
        correct: true,
      });
      // Burying a part to hide it is not the fix: 8 dB on one of nine tracks is about 6 steps, 6/8 of the score.
      const buried = desk(q).map((t, i) => (i === 6 ? { ...t, faderDb: t.faderDb - 8 } : t));
      const r = check(q, { faults: [{ fault: 'production' }], tracks: buried });
      expect(r.score).toBeLessThan(40);
      expect(r.feedback).toMatch(/in the parts, yet you changed the desk/);
      // A mixing fault named instead earns nothing.
      expect(check(q, { faults: [{ fault: 'loud', track: 'vocal' }], tracks: desk(q) }).score).toBe(0);
    }
    expect(seen).toBe(5);
  });
});

describe('the diagnosis rule', () => {
  const planted: PlantedFault[] = [
    { fault: 'loud', track: 'bass', description: '' },
    { fault: 'mono', track: null, description: '' },
  ];
  it('1 per fault named, ½ on the wrong track, 1 off per false alarm', () => {
    expect(gradeDiagnosis(planted, [{ fault: 'loud', track: 'bass' }, { fault: 'mono' }]).share).toBe(1);
    expect(gradeDiagnosis(planted, [{ fault: 'loud', track: 'bass' }]).share).toBe(0.5);
    expect(gradeDiagnosis(planted, [{ fault: 'loud', track: 'kick' }, { fault: 'mono' }]).share).toBe(0.75);
    expect(
      gradeDiagnosis(planted, [
        { fault: 'loud', track: 'bass' },
        { fault: 'mono' },
        { fault: 'harsh', track: 'vocal' },
      ]).share,
    ).toBe(0.5);
    expect(gradeDiagnosis(planted, [{ fault: 'harsh' }, { fault: 'reverb' }]).share).toBe(0);
  });

  it('a forged answer cannot count a fault twice or name one the question does not offer', () => {
    const q = generate(3, 1);
    const [f] = q.faults as [PlantedFault];
    const forged = {
      faults: [claimOf(f), claimOf(f), { fault: 'production' }, { fault: 'nonsense' }],
      tracks: desk(q),
    } as unknown as FixMixAnswer;
    // Level 1 offers no production choice: that claim is dropped, the duplicate too; 40 × 1 for the diagnosis.
    expect(check(q, forged).score).toBe(40);
    expect(check(q, null as unknown as FixMixAnswer).score).toBe(0);
  });
});
