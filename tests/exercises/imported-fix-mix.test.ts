/**
 * fix-mix on imported songs: three synthetic songs × the levels they carry (1 and 2) × 60 seeds — deterministic,
 * plain JSON, a loop of the song's body, every fault alone clearly heard by the grader, solve 100, nothing 0, half
 * and half about 50 — and the trick players of fix-mix-tricks.test.ts on imported questions: readers who never
 * listen learn from seeds 1–200 of the same song and play seeds 1001–1100. Levels 3 and 4 are refused in words.
 */
import { describe, expect, it } from 'vitest';
import { check } from '../../src/exercises/fix-mix/check';
import { CLEAR_STEPS, IMPORTED_FIX_LEVELS, importedAudibility } from '../../src/exercises/fix-mix/imported';
import { soundAt } from '../../src/exercises/fix-mix/imported-desk';
import {
  type FaultClaim,
  type FaultName,
  type FixMixQuestion,
  meta,
  TRACK_FAULTS,
} from '../../src/exercises/fix-mix/meta';
import { FAULT_DIMENSION } from '../../src/exercises/fix-mix/mix-faults';
import { solve } from '../../src/exercises/fix-mix/solve';
import { start } from '../../src/exercises/fix-mix/start';
import { isAudible } from '../../src/exercises/shared/audibility';
import {
  generateOnImported,
  IMPORTED_REASONS,
  importedFitProblem,
  importedLevelProblem,
  takesImported,
} from '../../src/exercises/shared/imported-kinds';
import { bodyLoops, type ImportedSongSummary, loopOf } from '../../src/exercises/shared/imported-song';
import { copyTrackMix, type MixDimension, type TrackMix } from '../../src/exercises/shared/mix-spec';
import { bandTracks as dynBandTracks, summaryOf } from './imported-dynamics-fixtures';
import { summary } from './imported-fixtures';
import { bandSummary, duoSummary } from './imported-fixtures-more';

const dynBand = summaryOf('Dyn band', dynBandTracks());
const SONGS: readonly ImportedSongSummary[] = [summary, bandSummary, dynBand];
const LEVELS = [1, 2];
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
const SEEDS = range(1, 60);
const TRAIN = range(1, 200);
const PLAY = range(1001, 1100);
const PASS = 60;
const mean = (v: number[]) => (v.length > 0 ? v.reduce((s, x) => s + x, 0) / v.length : 0);

const cache = new Map<string, FixMixQuestion>();
/** The imported question (cached: every reader meets the same questions). */
function gen(song: ImportedSongSummary, seed: number, level: number): FixMixQuestion {
  const key = `${song.name}/${level}/${seed}`;
  let q = cache.get(key);
  if (!q) {
    q = generateOnImported('fix-mix', seed, level, song) as FixMixQuestion;
    cache.set(key, q);
  }
  return q;
}

describe('fix-mix on an imported song: the offer', () => {
  it('is offered on levels 1 and 2; 3 (compression) and 4 (production problems) are refused in plain words', () => {
    expect(IMPORTED_FIX_LEVELS).toEqual(LEVELS);
    expect(takesImported('fix-mix')).toBe(true);
    expect(IMPORTED_REASONS['fix-mix']).toBeUndefined();
    for (const level of LEVELS) {
      expect(importedLevelProblem('fix-mix', level)).toBeNull();
      for (const song of SONGS) expect(importedFitProblem('fix-mix', song, level)).toBeNull();
    }
    const three = importedLevelProblem('fix-mix', 3) as string;
    expect(three).toMatch(/^Level 3 grades compression.*plays only Headroom’s songs\.$/);
    const four = importedLevelProblem('fix-mix', 4) as string;
    expect(four).toMatch(/^Level 4 adds problems in the parts themselves.*plays only Headroom’s songs\.$/);
    for (const [level, why] of [
      [3, three],
      [4, four],
    ] as const) {
      expect(importedFitProblem('fix-mix', summary, level)).toBe(why);
      expect(() => generateOnImported('fix-mix', 1, level, summary)).toThrow(why);
      expect(why).not.toMatch(/RMS|psychometric|staircase|summary/);
    }
  });

  it('a song with fewer than three parts heard together is refused with a reason', () => {
    expect(importedFitProblem('fix-mix', duoSummary, 1)).toMatch(/3 parts play(ing)? together/);
    expect(() => generateOnImported('fix-mix', 1, 1, duoSummary)).toThrow(/3 parts play(ing)? together/);
  });
});

describe('fix-mix questions on imported songs', () => {
  for (const song of SONGS)
    for (const level of LEVELS)
      it(`${song.name}, level ${level} × 60 seeds: deterministic, valid, audible, solve 100, nothing 0, halfway 50`, () => {
        const hist: Record<string, number> = {};
        let least = Number.POSITIVE_INFINITY;
        for (const seed of SEEDS) {
          const q = gen(song, seed, level);
          expect(generateOnImported('fix-mix', seed, level, song)).toEqual(q);
          expect(JSON.parse(JSON.stringify(q))).toEqual(q);
          expect(q.kind).toBe('fix-mix');
          expect(q.production).toBeNull();
          expect(q.dimensions).toEqual(meta.levels[level - 1]!.params.dimensions);
          expect(q.dimensions).not.toContain('dynamics');
          expect(q.tracks.length).toBeGreaterThanOrEqual(3);
          expect(q.tracks.length).toBeLessThanOrEqual(meta.levels[level - 1]!.params.tracks.length);
          expect(q.bandsDb).toHaveLength(q.tracks.length);
          // A loop of the song's body.
          expect(q.source.type).toBe('imported-song');
          const loop = loopOf(song, q.source as never)!;
          expect(bodyLoops(song).some((l) => l.firstSegment === loop.firstSegment)).toBe(true);
          // One or two faults, each offered, one per part, each alone clearly heard by the grader.
          expect(q.faults.length).toBeGreaterThanOrEqual(1);
          expect(q.faults.length).toBeLessThanOrEqual(meta.levels[level - 1]!.params.count[1]);
          for (const f of q.faults) {
            expect(q.choices).toContain(f.fault);
            hist[f.fault] = (hist[f.fault] ?? 0) + 1;
          }
          const a = importedAudibility(q, song);
          expect(isAudible(a), `${song.name} ${level}/${seed} ${JSON.stringify(a)}`).toBe(true);
          least = Math.min(least, a.planted);
          // An EQ fault sits where its part has sound.
          for (const f of q.faults.filter((x) => x.fault === 'muddy' || x.fault === 'harsh')) {
            const i = q.tracks.findIndex((t) => t.id === f.track);
            const k = f.fault === 'muddy' ? 1 : 2;
            const hz = q.start[i]!.eq[k].frequencyHz;
            const part = { id: q.tracks[i]!.id, name: '', role: '', bandsDb: q.bandsDb![i]! };
            expect(soundAt(part, hz, hz), `${f.description}`).toEqual([hz]);
          }
          // Every control of both desks on the desk.
          for (const t of [...q.start, ...q.reference]) {
            expect(t.faderDb).toBeGreaterThanOrEqual(-30);
            expect(t.faderDb).toBeLessThanOrEqual(18);
            expect(Math.abs(t.pan)).toBeLessThanOrEqual(1);
            for (const b of t.eq) expect(Math.abs(b.gainDb)).toBeLessThanOrEqual(18);
            expect(t.comp.enabled).toBe(false);
          }
          expect(check(q, solve(q)).score).toBe(100);
          expect(check(q, start(q)).score).toBe(0);
          const diagnosis = check(q, { ...solve(q), tracks: q.start.map(copyTrackMix) }).score;
          const repair = check(q, { ...solve(q), faults: [] }).score;
          expect((diagnosis + repair) / 2).toBeGreaterThanOrEqual(40);
          expect((diagnosis + repair) / 2).toBeLessThanOrEqual(60);
        }
        console.log(song.name, level, 'faults', JSON.stringify(hist), 'least steps', least.toFixed(2));
        expect(least).toBeGreaterThanOrEqual(CLEAR_STEPS);
      });
});

// ——— the trick players of fix-mix-tricks.test.ts, on one imported song ———

type Fields = Record<string, number>;
const fields = (t: TrackMix): Fields => ({
  fader: t.faderDb,
  pan: t.pan,
  ...Object.fromEntries(t.eq.map((b, k) => [`eq${k}`, b.gainDb])),
  comp: t.comp.enabled ? t.comp.ratio : 1,
  reverb: t.reverbDb ?? -60,
  delay: t.delayDb ?? -60,
});
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? 0;

/** The review7 desk reader: the usual value of each control (learned), and what is far from it. */
function deskReader(song: ImportedSongSummary, level: number) {
  const seen = new Map<string, number[]>();
  for (const seed of range(1, 60)) {
    const q = gen(song, seed, level);
    q.start.forEach((t, i) => {
      for (const [f, v] of Object.entries(fields(t))) {
        const k = `${q.tracks[i]!.id}:${f}`;
        seen.set(k, [...(seen.get(k) ?? []), v]);
      }
    });
  }
  const med = new Map([...seen].map(([k, v]) => [k, median(v)]));
  return (q: FixMixQuestion) => {
    const claims: FaultClaim[] = [];
    const add = (fault: string, track: string) => {
      if (q.choices.includes(fault as FaultName) && !claims.some((c) => c.fault === fault))
        claims.push({ fault: fault as FaultName, track: track as never });
    };
    const tracks = q.start.map((t, i) => {
      const id = q.tracks[i]!.id;
      const f = fields(t);
      const m = (name: string) => med.get(`${id}:${name}`) ?? 0;
      const off = (name: string) => (f[name] as number) - m(name);
      const out = copyTrackMix(t);
      if (off('fader') > 4) {
        add('loud', id);
        out.faderDb = m('fader');
      } else if (off('fader') < -4) {
        add('buried', id);
        out.faderDb = m('fader');
      }
      if (off('eq1') > 4) {
        add(t.eq[1].frequencyHz <= 100 ? 'masking' : 'muddy', id);
        out.eq[1] = { ...out.eq[1], gainDb: m('eq1') };
      }
      if (off('eq2') > 4) {
        add('harsh', id);
        out.eq[2] = { ...out.eq[2], gainDb: m('eq2') };
      }
      return out;
    });
    if (q.choices.includes('mono') && q.start.every((t) => t.pan === 0)) {
      claims.push({ fault: 'mono' });
      tracks.forEach((t, i) => {
        t.pan = med.get(`${q.tracks[i]!.id}:pan`) ?? 0;
      });
    }
    return { faults: claims, tracks };
  };
}

type Control = 'fader' | 'pan' | 'eq0' | 'eq1' | 'eq2' | 'eq3';
const CONTROLS: readonly Control[] = ['fader', 'pan', 'eq0', 'eq1', 'eq2', 'eq3'];
const CONTROL_DIMENSION: Record<Control, MixDimension> = {
  fader: 'balance',
  pan: 'pan',
  eq0: 'tone',
  eq1: 'tone',
  eq2: 'tone',
  eq3: 'tone',
};
function bin(t: TrackMix, c: Control): string {
  if (c === 'fader') return `${Math.round(t.faderDb / 2)}`;
  if (c === 'pan') return t.pan === 0 ? 'c' : `${Math.round(t.pan * 10)}`;
  const b = t.eq[Number(c.slice(2))]!;
  return `${Math.round(Math.log2(b.frequencyHz) * 3)}:${Math.round(b.gainDb / 2)}`;
}
function numbers(t: TrackMix, c: Control): number[] {
  if (c === 'fader') return [t.faderDb];
  if (c === 'pan') return [t.pan];
  const b = t.eq[Number(c.slice(2))]!;
  return [b.frequencyHz, b.gainDb, b.q];
}
function withNumbers(t: TrackMix, c: Control, v: number[]): void {
  const n = (k: number) => v[k] as number;
  if (c === 'fader') t.faderDb = n(0);
  else if (c === 'pan') t.pan = Math.max(-1, Math.min(1, n(0)));
  else t.eq[Number(c.slice(2))] = { frequencyHz: Math.max(20, n(0)), gainDb: n(1), q: Math.max(0.1, n(2)) };
}
const differs = (a: TrackMix, b: TrackMix, c: Control) =>
  numbers(a, c).some((x, k) => Math.abs(x - (numbers(b, c)[k] as number)) > 1e-9);
function carriers(q: FixMixQuestion, i: number, c: Control): FaultName[] {
  const id = q.tracks[i]!.id;
  if (!differs(q.start[i]!, q.reference[i]!, c)) return [];
  return q.faults
    .filter((f) => f.fault !== 'production' && FAULT_DIMENSION[f.fault] === CONTROL_DIMENSION[c])
    .filter((f) => f.track === null || f.track === id)
    .map((f) => f.fault);
}

/** The learned reader: per part × control, how B's value is spread with each fault and without (posterior > threshold). */
function strongReader(song: ImportedSongSummary, level: number, threshold = 0.5) {
  const dims = meta.levels[level - 1]!.params.dimensions;
  const controls = CONTROLS.filter((c) => dims.includes(CONTROL_DIMENSION[c]));
  const hist = new Map<string, { n: number; by: Map<FaultName, number> }>();
  const totals = new Map<string, { n: number; by: Map<FaultName, number> }>();
  const deltas = new Map<string, number[][]>();
  const count = (m: typeof hist, key: string, faults: FaultName[]) => {
    const h = m.get(key) ?? { n: 0, by: new Map() };
    h.n++;
    for (const f of new Set(faults)) h.by.set(f, (h.by.get(f) ?? 0) + 1);
    m.set(key, h);
  };
  for (const seed of TRAIN) {
    const q = gen(song, seed, level);
    const centred = q.start.every((t) => t.pan === 0) ? 'c' : 'x';
    const mono: FaultName[] = q.faults.some((f) => f.fault === 'mono') ? ['mono'] : [];
    count(hist, `*:centred:${centred}`, mono);
    count(totals, '*:centred', mono);
    q.start.forEach((b, i) => {
      const id = q.tracks[i]!.id;
      for (const c of controls) {
        const faults = carriers(q, i, c);
        count(hist, `${id}:${c}:${bin(b, c)}`, faults);
        count(totals, `${id}:${c}`, faults);
        for (const f of faults) {
          const a = numbers(q.reference[i]!, c);
          const d = numbers(b, c).map((x, k) => (a[k] as number) - x);
          const key = `${id}:${c}:${f}`;
          deltas.set(key, [...(deltas.get(key) ?? []), d]);
        }
      }
    });
  }
  const ALPHA = 2;
  const posterior = (key: string, total: string, f: FaultName) => {
    const h = hist.get(key);
    const t = totals.get(total);
    const prior = t ? (t.by.get(f) ?? 0) / t.n : 0;
    return ((h?.by.get(f) ?? 0) + ALPHA * prior) / ((h?.n ?? 0) + ALPHA);
  };
  const meanDelta = (key: string) => {
    const rows = deltas.get(key) ?? [];
    return rows[0]?.map((_, k) => mean(rows.map((r) => r[k] as number))) ?? [];
  };
  return (q: FixMixQuestion) => {
    const claims: FaultClaim[] = [];
    const tracks = q.start.map(copyTrackMix);
    const claim = (f: FaultName, track: string | null) => {
      if (!q.choices.includes(f) || claims.some((c) => c.fault === f)) return;
      claims.push(TRACK_FAULTS.includes(f) && track ? { fault: f, track: track as never } : { fault: f });
    };
    const centred = q.start.every((t) => t.pan === 0) ? 'c' : 'x';
    if (posterior(`*:centred:${centred}`, '*:centred', 'mono') > threshold) claim('mono', null);
    q.start.forEach((b, i) => {
      const id = q.tracks[i]!.id;
      for (const c of controls) {
        for (const f of q.choices) {
          if (f === 'production') continue;
          if (posterior(`${id}:${c}:${bin(b, c)}`, `${id}:${c}`, f) <= threshold) continue;
          claim(f, id);
          const d = meanDelta(`${id}:${c}:${f}`);
          if (d.length > 0)
            withNumbers(
              tracks[i]!,
              c,
              numbers(b, c).map((x, k) => x + (d[k] as number)),
            );
        }
      }
    });
    return { faults: claims, tracks };
  };
}

/** Names the most common fault on its most common part (learned), moves nothing. */
function commonGuesser(song: ImportedSongSummary, level: number) {
  const seen = new Map<string, number>();
  for (const seed of TRAIN)
    for (const f of gen(song, seed, level).faults) {
      const k = `${f.fault}|${f.track ?? ''}`;
      seen.set(k, (seen.get(k) ?? 0) + 1);
    }
  const [best] = [...seen].sort((a, b) => b[1] - a[1]);
  const [fault, track] = (best?.[0] ?? 'loud|').split('|') as [FaultName, string];
  return (q: FixMixQuestion) => ({
    faults: [track ? { fault, track: track as never } : { fault }],
    tracks: q.start.map(copyTrackMix),
  });
}

/** Names every fault offered (each track fault on its most common part), moves nothing. */
function everyFault(song: ImportedSongSummary, level: number) {
  const where = new Map<FaultName, Map<string, number>>();
  for (const seed of TRAIN)
    for (const f of gen(song, seed, level).faults) {
      const m = where.get(f.fault) ?? new Map<string, number>();
      m.set(f.track ?? '', (m.get(f.track ?? '') ?? 0) + 1);
      where.set(f.fault, m);
    }
  const track = (f: FaultName) => [...(where.get(f) ?? [])].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  return (q: FixMixQuestion) => ({
    faults: q.choices.map((f) =>
      TRACK_FAULTS.includes(f) && track(f) ? { fault: f, track: track(f) as never } : { fault: f },
    ),
    tracks: q.start.map(copyTrackMix),
  });
}

describe('fix-mix on imported songs against players who read the desk and never listen', () => {
  const table: Record<string, Record<string, string>> = {};
  for (const song of SONGS)
    for (const level of LEVELS)
      it(`${song.name}, level ${level}: every reader and guess under mean 30 and 10 % passing`, () => {
        const players: [string, (q: FixMixQuestion) => Parameters<typeof check>[1]][] = [
          ['desk reader (review7)', deskReader(song, level)],
          ['learned reader (> 0.5)', strongReader(song, level)],
          ['bolder reader (> 0.2)', strongReader(song, level, 0.2)],
          ['common guess', commonGuesser(song, level)],
          ['every fault', everyFault(song, level)],
        ];
        const row: Record<string, string> = {};
        const out: [string, number, number][] = [];
        for (const [name, answer] of players) {
          const scores = PLAY.map((seed) => {
            const q = gen(song, seed, level);
            return check(q, answer(q)).score;
          });
          const m = mean(scores);
          const passes = scores.filter((s) => s >= PASS).length / scores.length;
          row[name] = `${m.toFixed(1)} (${Math.round(100 * passes)} %)`;
          out.push([name, m, passes]);
        }
        table[`${song.name} L${level}`] = row;
        console.table({ [`${song.name} L${level}`]: row });
        for (const [name, m, passes] of out) {
          expect(m, `${name} mean`).toBeLessThan(30);
          expect(passes, `${name} passing`).toBeLessThan(0.1);
        }
      }, 300_000);
});
