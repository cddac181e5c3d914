/**
 * Players of fix-mix who never listen: they read the desk as found (B) and name what looks off, or guess. Each
 * learns on TRAIN (reading the answers of those questions, as a student who read many reviews) and is scored on
 * the unseen PLAY seeds. `make(seed)` gives the question, so the same players attack Headroom's songs and yours.
 */
import { check } from '../../src/exercises/fix-mix/check';
import {
  type FaultClaim,
  type FaultName,
  type FixMixQuestion,
  TRACK_FAULTS,
} from '../../src/exercises/fix-mix/meta';
import { FAULT_DIMENSION } from '../../src/exercises/fix-mix/mix-faults';
import { copyTrackMix, type MixDimension, type TrackMix } from '../../src/exercises/shared/mix-spec';

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
/** Seeds the players learn on, and the unseen seeds they are scored on. */
export const TRAIN = range(1, 200);
export const PLAY = range(1001, 1100);
/** The pass mark. */
export const PASS = 60;
const mean = (v: number[]) => (v.length > 0 ? v.reduce((s, x) => s + x, 0) / v.length : 0);

/** The question for a seed (one level, one song). */
export type Make = (seed: number) => FixMixQuestion;
/** A player: an answer for each question. */
export type Answerer = (q: FixMixQuestion) => Parameters<typeof check>[1];

/** A strategy's result on one level: mean score and the share passing. */
export interface Outcome {
  mean: number;
  passes: number;
}
export function play(make: Make, answer: Answerer): Outcome {
  const scores = PLAY.map((seed) => {
    const q = make(seed);
    return check(q, answer(q)).score;
  });
  return { mean: mean(scores), passes: scores.filter((s) => s >= PASS).length / scores.length };
}

// ——— the review7 desk reader: the usual value of each control, and what is far from it ———

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

export function deskReader(make: Make): Answerer {
  const seen = new Map<string, number[]>();
  for (const seed of range(1, 60)) {
    const q = make(seed);
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
        // Kick and bass (or, on your song, a boost down where kick and bass live) read as masking.
        add(id === 'kick' || id === 'bass' || t.eq[1].frequencyHz <= 100 ? 'masking' : 'muddy', id);
        out.eq[1] = { ...out.eq[1], gainDb: m('eq1') };
      }
      if (off('eq2') > 4) {
        add('harsh', id);
        out.eq[2] = { ...out.eq[2], gainDb: m('eq2') };
      }
      if (off('comp') > 4) {
        add('squashed', id);
        out.comp = { ...out.comp, enabled: false };
      }
      if (off('reverb') > 10) {
        add('reverb', id);
        out.reverbDb = m('reverb') <= -59 ? null : m('reverb');
      }
      if (off('delay') > 10) {
        add('delay', id);
        out.delayDb = m('delay') <= -59 ? null : m('delay');
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

// ——— a stronger learned reader: per track × control, how B's value is spread with each fault and without ———

type Control = 'fader' | 'pan' | 'eq0' | 'eq1' | 'eq2' | 'eq3' | 'comp' | 'reverb' | 'delay';
const CONTROLS: readonly Control[] = ['fader', 'pan', 'eq0', 'eq1', 'eq2', 'eq3', 'comp', 'reverb', 'delay'];
const CONTROL_DIMENSION: Record<Control, MixDimension> = {
  fader: 'balance',
  pan: 'pan',
  eq0: 'tone',
  eq1: 'tone',
  eq2: 'tone',
  eq3: 'tone',
  comp: 'dynamics',
  reverb: 'space',
  delay: 'space',
};
const OFF = -40;
const send = (v: number | null) => (v === null ? OFF : Math.max(OFF, v));
/** The histogram bin of a control's value as the desk shows it. */
function bin(t: TrackMix, c: Control): string {
  switch (c) {
    case 'fader':
      return `${Math.round(t.faderDb / 2)}`;
    case 'pan':
      return t.pan === 0 ? 'c' : `${Math.round(t.pan * 10)}`;
    case 'comp':
      return t.comp.enabled
        ? `${Math.round(t.comp.thresholdDb / 4)}:${Math.round(Math.log2(t.comp.ratio))}:${Math.round(t.comp.makeupDb / 3)}`
        : 'off';
    case 'reverb':
    case 'delay': {
      const v = t[c === 'reverb' ? 'reverbDb' : 'delayDb'];
      return v === null ? 'off' : `${Math.round(v / 3)}`;
    }
    default: {
      const b = t.eq[Number(c.slice(2))]!;
      return `${Math.round(Math.log2(b.frequencyHz) * 3)}:${Math.round(b.gainDb / 2)}`;
    }
  }
}
/** The numbers a control holds (the reader moves them by the mean difference it learned). */
function numbers(t: TrackMix, c: Control): number[] {
  switch (c) {
    case 'fader':
      return [t.faderDb];
    case 'pan':
      return [t.pan];
    case 'comp':
      return [
        t.comp.enabled ? 1 : 0,
        t.comp.thresholdDb,
        t.comp.ratio,
        t.comp.attackMs,
        t.comp.releaseMs,
        t.comp.makeupDb,
      ];
    case 'reverb':
      return [send(t.reverbDb)];
    case 'delay':
      return [send(t.delayDb)];
    default: {
      const b = t.eq[Number(c.slice(2))]!;
      return [b.frequencyHz, b.gainDb, b.q];
    }
  }
}
function withNumbers(t: TrackMix, c: Control, v: number[]): void {
  const n = (k: number) => v[k] as number;
  switch (c) {
    case 'fader':
      t.faderDb = n(0);
      return;
    case 'pan':
      t.pan = Math.max(-1, Math.min(1, n(0)));
      return;
    case 'comp':
      t.comp = {
        enabled: n(0) >= 0.5,
        thresholdDb: n(1),
        ratio: Math.max(1, n(2)),
        attackMs: Math.max(0.1, n(3)),
        releaseMs: Math.max(5, n(4)),
        makeupDb: n(5),
      };
      return;
    case 'reverb':
      t.reverbDb = n(0) <= OFF ? null : n(0);
      return;
    case 'delay':
      t.delayDb = n(0) <= OFF ? null : n(0);
      return;
    default:
      t.eq[Number(c.slice(2))] = { frequencyHz: Math.max(20, n(0)), gainDb: n(1), q: Math.max(0.1, n(2)) };
  }
}
const differs = (a: TrackMix, b: TrackMix, c: Control) =>
  numbers(a, c).some((x, k) => Math.abs(x - (numbers(b, c)[k] as number)) > 1e-9);

/** The planted faults that account for a changed control (by dimension and track). */
function carriers(q: FixMixQuestion, i: number, c: Control): FaultName[] {
  const id = q.tracks[i]!.id;
  if (!differs(q.start[i]!, q.reference[i]!, c)) return [];
  return q.faults
    .filter((f) => f.fault !== 'production' && FAULT_DIMENSION[f.fault] === CONTROL_DIMENSION[c])
    .filter((f) => f.track === null || f.track === id)
    .map((f) => f.fault);
}

export function strongReader(make: Make, threshold = 0.5): Answerer {
  const dims = make(TRAIN[0] as number).dimensions;
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
    const q = make(seed);
    const centred = q.start.every((t) => t.pan === 0) ? 'c' : 'x';
    count(hist, `*:centred:${centred}`, q.faults.some((f) => f.fault === 'mono') ? ['mono'] : []);
    count(totals, '*:centred', q.faults.some((f) => f.fault === 'mono') ? ['mono'] : []);
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

// ——— guessers ———

/** Names the most common fault on its most common track (learned), moves nothing. */
export function commonGuesser(make: Make): Answerer {
  const seen = new Map<string, number>();
  for (const seed of TRAIN) {
    for (const f of make(seed).faults) {
      const k = `${f.fault}|${f.track ?? ''}`;
      seen.set(k, (seen.get(k) ?? 0) + 1);
    }
  }
  const [best] = [...seen].sort((a, b) => b[1] - a[1]);
  const [fault, track] = (best?.[0] ?? 'loud|').split('|') as [FaultName, string];
  return (q: FixMixQuestion) => ({
    faults: [track ? { fault, track: track as never } : { fault }],
    tracks: q.start.map(copyTrackMix),
  });
}

/** Names every fault the level offers (each track fault on its most common track), moves nothing. */
export function everyFault(make: Make): Answerer {
  const where = new Map<FaultName, Map<string, number>>();
  for (const seed of TRAIN) {
    for (const f of make(seed).faults) {
      const m = where.get(f.fault) ?? new Map<string, number>();
      m.set(f.track ?? '', (m.get(f.track ?? '') ?? 0) + 1);
      where.set(f.fault, m);
    }
  }
  const track = (f: FaultName) => [...(where.get(f) ?? [])].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  return (q: FixMixQuestion) => ({
    faults: q.choices.map((f) =>
      TRACK_FAULTS.includes(f) && track(f) ? { fault: f, track: track(f) as never } : { fault: f },
    ),
    tracks: q.start.map(copyTrackMix),
  });
}
