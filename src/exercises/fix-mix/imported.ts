/**
 * Fix this mix on an imported song, read from its summary alone (pure, seeded). The good mix is a seeded mix
 * of the stems off the defaults (shared/imported-mix.ts: faders over −12 … 0 dB balanced on the loop's
 * loudness, pans, gentle EQ where each part has sound, reverb and delay sends). A fault moves one control of
 * one part (masking: the low shelves of the kick- and bass-named parts) by a seeded amount, and only to a value
 * that good mixes use there: strictly inside the range the other parts' values of that control take on the
 * desk (on a desk with fewer than two other parts, inside the range good mixes use; a level fault also
 * strictly inside the other parts' loudness in the mix), so the faulty control is never the loudest or
 * quietest fader, the most extreme EQ gain or the only send, and it is never told by its distance from the
 * default. The desk has three parts at least (with two, the part moved would stand out). Of GOOD_MIX_TRIES
 * seeded good mixes, the balanced one that can carry the most kinds of fault is kept. Only the faults the summary can carry and judge are planted and offered:
 * loud, buried, muddy, harsh, masking, reverb and delay; never squashed (compression is graded on each part's
 * samples, which the summary does not keep), never mono (all pans at the centre would show on the desk) and
 * never a production problem (the parts are the song's own). The desk has no compressor (no 'dynamics'), so
 * the repair is graded without a sample of the stems: faders, pan and sends need no audio, tone is weighted
 * by each part's loop spectrum, which the question carries (bandsDb). Level 4 is refused
 * (importedFixMixLevelProblem): its production problems need the song's own parts.
 *
 * NOT OFFERED on imported songs (IMPORTED_REASONS in shared/imported-kinds.ts): a review found the hiding rule
 * itself tells the fault. Strictly inside the others' values means the middle value, so on a three-part desk the
 * faulty fader is the middle one, and its value tells loud (−6.5 … −1 dB) from buried (−11.5 … −5 dB); gentle
 * EQ never lands within ±1 dB but a raised fault can. A rule needing no listening scored 96.8 on three-part
 * desks. (The choice list, which held only plantable faults so that a one-item list named the fault, now offers
 * every fault of the level the desk could carry.) What it needs: a good mix drawn so the faulty value's
 * position, sign and distance from the default say nothing (the faulty desk distributed like a good one).
 */
import type { Rng } from '../../dsp/random';
import type { Decibels } from '../../dsp/units';
import { FREE_ECHO_SHARE } from '../delay-time/generate';
import { TAIL_ROOM_SHARE } from '../reverb-time/generate';
import {
  ACTIVE_SHARE,
  type Audibility,
  bandBelowLoudestDb,
  drawAudible,
  EQ_ENERGY_BELOW_DB,
  inaudible,
  isAudible,
  JND_DB,
  KEEP_SHARE,
  largestBandChangeDb,
} from '../shared/audibility';
import {
  balanceableParts,
  balanceProblem,
  GOOD_EQ_DB,
  GOOD_FADER_DB,
  GOOD_SEND_DB,
  goodImportedMix,
  type ImportedMixPart,
  importedMixParts,
  mixBands,
  partLoudnessDb,
  partPowerDb,
} from '../shared/imported-mix';
import {
  activeTracks,
  bodyLoops,
  type ImportedLoop,
  type ImportedSongSummary,
  importedSource,
  importedTrackId,
  LOOP_SEGMENTS,
  loopActivity,
  loopOf,
  pickImportedTracks,
  SEGMENT_S,
} from '../shared/imported-song';
import { clampLevel, levelSpec } from '../shared/levels';
import { SEND_FLOOR_DB } from '../shared/mix-grade';
import { copyTrackMix, type MixDimension, type TrackMix } from '../shared/mix-spec';
import { roundTo } from '../shared/scoring';
import { gradeAnswer } from './check';
import { type FixMixQuestion, type MixFault, meta, type PlantedFault } from './meta';
import { FAULT_DIMENSION } from './mix-faults';

/** Grader steps (just-noticeable amounts beyond the first) a fault alone must add to the good mix. */
export const CLEAR_STEPS = 3;
/** Faults never planted on an imported song (see the file's note). */
export const NOT_ON_IMPORTED: readonly MixFault[] = ['squashed', 'mono'];

/** The faults an imported song can carry. */
export type ImportedFault = Exclude<MixFault, 'squashed' | 'mono'>;
/** A control of one desk part that a fault moves. */
export type DeskControl = 'fader' | 'low' | 'lowMid' | 'upperMid' | 'reverb' | 'delay';

/** The control each fault moves. */
export const FAULT_CONTROL: Readonly<Record<ImportedFault, DeskControl>> = {
  loud: 'fader',
  buried: 'fader',
  muddy: 'lowMid',
  harsh: 'upperMid',
  masking: 'low',
  reverb: 'reverb',
  delay: 'delay',
};

/** How far each fault moves its control from the good mix, dB (seeded within, on a 0.5 dB grid). */
export const FAULT_SIZE_DB: Readonly<Record<ImportedFault, readonly [Decibels, Decibels]>> = {
  loud: [5, 8],
  buried: [5, 8],
  muddy: [4, 7],
  harsh: [4, 7],
  masking: [4, 7],
  // 17 dB on one send is three grader steps (the space distance is the RMS of two sends, 3 dB a step).
  reverb: [17, 20],
  delay: [17, 20],
};

const EQ_BAND: Readonly<Record<'low' | 'lowMid' | 'upperMid', 0 | 1 | 2>> = {
  low: 0,
  lowMid: 1,
  upperMid: 2,
};
const sendOf = (db: number | null) => Math.max(SEND_FLOOR_DB, db ?? SEND_FLOOR_DB);

/** A control's value as the desk shows it (a send that is off, or below the grader's floor, as the floor). */
export function controlValue(t: TrackMix, c: DeskControl): Decibels {
  if (c === 'fader') return t.faderDb;
  if (c === 'reverb') return sendOf(t.reverbDb);
  if (c === 'delay') return sendOf(t.delayDb);
  return t.eq[EQ_BAND[c]].gainDb;
}

function setControl(t: TrackMix, c: DeskControl, v: Decibels): void {
  if (c === 'fader') t.faderDb = v;
  else if (c === 'reverb') t.reverbDb = v;
  else if (c === 'delay') t.delayDb = v;
  else t.eq[EQ_BAND[c]] = { ...t.eq[EQ_BAND[c]], gainDb: v };
}

/** The range good mixes use for a control (inclusive). */
export function goodRange(c: DeskControl): readonly [Decibels, Decibels] {
  if (c === 'fader') return GOOD_FADER_DB;
  if (c === 'reverb' || c === 'delay') return [SEND_FLOOR_DB, GOOD_SEND_DB[1]];
  return [-GOOD_EQ_DB, GOOD_EQ_DB];
}

/**
 * Whether the values of `c` on the parts `touched` hide among the desk's: strictly inside the range the other
 * parts' values take (two others at least), else inside the range good mixes use.
 */
export function hiddenOnDesk(desk: readonly TrackMix[], touched: readonly number[], c: DeskControl): boolean {
  const others = desk.filter((_, j) => !touched.includes(j)).map((t) => controlValue(t, c));
  return touched.every((i) => {
    const v = controlValue(desk[i] as TrackMix, c);
    if (others.length >= 2) return v > Math.min(...others) && v < Math.max(...others);
    const [lo, hi] = goodRange(c);
    return v >= lo && v <= hi;
  });
}

/**
 * Whether a level fault on `touched` also hides in the mix: each touched part's loudness in the mix (its loop
 * spectrum through its fader and EQ, K-weighted and as plain power) strictly inside the range of the other parts' loudness, so the part too
 * loud is never the loudest part and the part buried never the quietest (two other parts at least).
 */
export function loudnessHidden(
  parts: readonly ImportedMixPart[],
  desk: readonly TrackMix[],
  touched: readonly number[],
): boolean {
  const inside = (loud: readonly number[]) => {
    const others = loud.filter((_, j) => !touched.includes(j));
    if (others.length < 2) return true;
    return touched.every(
      (i) => (loud[i] as number) > Math.min(...others) && (loud[i] as number) < Math.max(...others),
    );
  };
  // Both as loudness (K-weighted) and as plain power, so no simple meter tells the part.
  return (
    inside(parts.map((p, i) => partLoudnessDb(p, desk[i] as TrackMix))) &&
    inside(parts.map((p, i) => partPowerDb(p, desk[i] as TrackMix)))
  );
}

/** Whether fault `fault` on `touched` hides on the desk (its control's value) and, for a level fault, in the mix. */
export function faultHidden(
  fault: ImportedFault,
  parts: readonly ImportedMixPart[],
  desk: readonly TrackMix[],
  touched: readonly number[],
): boolean {
  return (
    hiddenOnDesk(desk, touched, FAULT_CONTROL[fault]) &&
    (FAULT_DIMENSION[fault] !== 'balance' || loudnessHidden(parts, desk, touched))
  );
}

/** The parts a planted fault touched: its track, or for masking the parts whose low shelf differs from the good mix. */
export function touchedParts(q: FixMixQuestion, f: PlantedFault): number[] {
  if (f.track) return [q.tracks.findIndex((t) => t.id === f.track)];
  return q.tracks
    .map((_, i) => i)
    .filter((i) => JSON.stringify(q.start[i]?.eq[0]) !== JSON.stringify(q.reference[i]?.eq[0]));
}

/** The good mix with only `f` planted (its control on its parts taken from the desk as found). */
function withOnly(q: FixMixQuestion, f: PlantedFault, idx: readonly number[]): TrackMix[] {
  const c = FAULT_CONTROL[f.fault as ImportedFault];
  return q.reference.map((t, i) => {
    const out = copyTrackMix(t);
    if (idx.includes(i)) setControl(out, c, controlValue(q.start[i] as TrackMix, c));
    return out;
  });
}

/**
 * One planted fault's audibility on the loop (the good mix with that fault alone), each by the nearest rule of
 * a kind that judges that change alone: loud and buried by level-change's (the mix's largest band change at
 * least half the fader move, and a just-noticeable amount); muddy, harsh and masking by eq-boost's (each moved
 * band where its part has sound, within 20 dB of its loudest band; the level-matched mix's largest band change
 * at least half the move); reverb by reverb-time's (a quarter of the part's notes followed by near-silence)
 * and delay by delay-time's (half its echoes, a 1/4 note at 120 bpm later, land on near-silence).
 */
export function faultAudibility(
  q: FixMixQuestion,
  f: PlantedFault,
  parts: readonly ImportedMixPart[],
): Audibility {
  if (f.fault === 'production' || NOT_ON_IMPORTED.includes(f.fault))
    return inaudible(`${f.fault} is not planted on an imported song`);
  const c = FAULT_CONTROL[f.fault as ImportedFault];
  const idx = touchedParts(q, f);
  if (idx.length === 0 || idx.some((i) => i < 0)) return inaudible(`the ${f.fault} fault touches no part`);
  const moves = idx.map(
    (i) => controlValue(q.start[i] as TrackMix, c) - controlValue(q.reference[i] as TrackMix, c),
  );
  const size = Math.max(...moves.map(Math.abs));
  const dim = FAULT_DIMENSION[f.fault as ImportedFault];
  if (dim === 'balance' || dim === 'tone') {
    if (dim === 'tone')
      for (const i of idx) {
        const hz = (q.start[i] as TrackMix).eq[EQ_BAND[c as 'low']].frequencyHz;
        if (bandBelowLoudestDb((parts[i] as ImportedMixPart).bands, hz) < -EQ_ENERGY_BELOW_DB)
          return inaudible(`a ${f.fault} move lands where its part has no sound`);
      }
    const a = mixBands(parts, q.reference);
    const b = mixBands(parts, withOnly(q, f, idx));
    return {
      planted: largestBandChangeDb(a, b, dim === 'tone'),
      required: Math.max(KEEP_SHARE * size, JND_DB),
    };
  }
  const part = parts[idx[0] as number] as ImportedMixPart;
  if (f.fault === 'reverb') return { planted: part.roomShare, required: TAIL_ROOM_SHARE };
  return { planted: part.echoShare, required: FREE_ECHO_SHARE };
}

/** The question's audibility on `song`: its least audible planted fault (each judged alone, see faultAudibility). */
export function importedAudibility(q: FixMixQuestion, song: ImportedSongSummary): Audibility {
  const loop = q.source.type === 'imported-song' ? loopOf(song, q.source) : null;
  if (!loop) return inaudible('not a loop of this song');
  if (q.faults.length === 0) return inaudible('no fault planted');
  const parts = importedMixParts(
    song,
    loop,
    q.tracks.map((t) => t.id),
  );
  // The good mix must be a sensible balance (no part buried or dominating).
  const unbalanced = balanceProblem(parts, q.reference);
  if (unbalanced) return inaudible(`the good mix is off: ${unbalanced}`);
  for (const t of q.tracks) {
    const s = song.tracks.find((x) => importedTrackId(x) === t.id);
    const activity = s ? loopActivity(s, loop) : 0;
    if (activity < ACTIVE_SHARE) return inaudible(`${t.name} plays ${activity} of the loop`);
  }
  let worst: Audibility | null = null;
  for (const f of q.faults) {
    const a = faultAudibility(q, f, parts);
    if (!isAudible(a)) return a;
    const m = a.required > 0 ? a.planted / a.required : Number.POSITIVE_INFINITY;
    if (!worst || m < worst.planted / worst.required) worst = a;
  }
  return worst as Audibility;
}

const lower = (name: string) => name.toLowerCase();
const wasOf = (name: string) => (/[^s]s$/i.test(name) ? 'were' : 'was');
const itsOf = (name: string) => (/[^s]s$/i.test(name) ? `${lower(name)}'` : `${lower(name)}'s`);
/** A desk value as the learner reads it: signed dB, a send at the floor as "off". */
const shown = (v: Decibels, c: DeskControl) =>
  (c === 'reverb' || c === 'delay') && v <= SEND_FLOOR_DB
    ? 'off'
    : `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v)} dB`;

/**
 * A fault's size (dB, on the 0.5 dB grid within FAULT_SIZE_DB) that keeps every touched part's value hidden
 * among the other parts' (hiddenOnDesk), seeded; null when no size does.
 */
function drawSize(
  rng: Rng,
  fault: ImportedFault,
  parts: readonly ImportedMixPart[],
  desk: readonly TrackMix[],
  idx: readonly number[],
): Decibels | null {
  const c = FAULT_CONTROL[fault];
  const sign = fault === 'buried' ? -1 : 1;
  const [lo, hi] = FAULT_SIZE_DB[fault];
  const fits: Decibels[] = [];
  for (let d = lo; d <= hi + 1e-9; d += 0.5) {
    const mix = desk.map(copyTrackMix);
    for (const i of idx) setControl(mix[i] as TrackMix, c, controlValue(desk[i] as TrackMix, c) + sign * d);
    if (faultHidden(fault, parts, mix, idx)) fits.push(d);
  }
  return fits.length > 0 ? rng.pick(fits) : null;
}

/** Plants `fault` of size `d` on parts `idx` of `mix` (in place); the planted fault's key and sentence. */
function plant(
  fault: ImportedFault,
  d: Decibels,
  idx: readonly number[],
  q: Pick<FixMixQuestion, 'tracks'>,
  mix: TrackMix[],
): PlantedFault {
  const c = FAULT_CONTROL[fault];
  const sign = fault === 'buried' ? -1 : 1;
  const before = idx.map((i) => controlValue(mix[i] as TrackMix, c));
  idx.forEach((i, k) => {
    setControl(mix[i] as TrackMix, c, (before[k] as number) + sign * d);
  });
  const i = idx[0] as number;
  const name = q.tracks[i]?.name ?? '';
  const t = mix[i] as TrackMix;
  const from = shown(before[0] as number, c);
  const to = shown(controlValue(t, c), c);
  const id = q.tracks[i]?.id ?? null;
  switch (fault) {
    case 'loud':
      return {
        fault,
        track: id,
        description: `The ${lower(name)} ${wasOf(name)} turned up ${d} dB (${from} to ${to}).`,
      };
    case 'buried':
      return {
        fault,
        track: id,
        description: `The ${lower(name)} ${wasOf(name)} turned down ${d} dB (${from} to ${to}).`,
      };
    case 'muddy':
      return {
        fault,
        track: id,
        description: `The ${itsOf(name)} low-mid EQ at ${t.eq[1].frequencyHz} Hz was raised ${d} dB (${from} to ${to}): muddy.`,
      };
    case 'harsh':
      return {
        fault,
        track: id,
        description: `The ${itsOf(name)} upper-mid EQ at ${t.eq[2].frequencyHz} Hz was raised ${d} dB (${from} to ${to}): harsh.`,
      };
    case 'reverb':
      return {
        fault,
        track: id,
        description: `The ${itsOf(name)} reverb send was raised ${d} dB (${from} to ${to}).`,
      };
    case 'delay':
      return {
        fault,
        track: id,
        description: `The ${itsOf(name)} delay send was raised ${d} dB (${from} to ${to}).`,
      };
    case 'masking': {
      const [k, b] = idx.map((x) => lower(q.tracks[x]?.name ?? ''));
      return {
        fault,
        track: null,
        description: `The ${k} and the ${b} both got ${d} dB more low end (their low shelves), so they blur into one boom.`,
      };
    }
  }
}

/** The parts a fault may be planted on (one per option; masking: the kick- and bass-named pair). */
function candidates(
  fault: ImportedFault,
  mix: readonly TrackMix[],
  parts: readonly ImportedMixPart[],
): number[][] {
  const c = FAULT_CONTROL[fault];
  // Tone faults move a band the good mix moved (a flat band keeps its default frequency, which would tell).
  const moved = (i: number) =>
    c === 'fader' || c === 'reverb' || c === 'delay' || controlValue(mix[i] as TrackMix, c) !== 0;
  if (fault === 'masking') {
    const kick = parts.findIndex((p) => p.role === 'kick');
    const bass = parts.findIndex((p) => p.role === 'bass');
    return kick >= 0 && bass >= 0 && moved(kick) && moved(bass) ? [[kick, bass]] : [];
  }
  return parts.map((_, i) => [i]).filter(([i]) => moved(i as number));
}

/** One way to plant a fault: its parts, its size and the good mix with it alone. */
interface Option {
  fault: ImportedFault;
  parts: number[];
  size: Decibels;
}

/** Good mixes drawn per question: the one that can carry the most kinds of fault is kept. */
export const GOOD_MIX_TRIES = 6;

/** Fewest parts on an imported fix-mix desk: with two, the faulty part would stand out as the one moved. */
export const MIN_DESK_PARTS = 3;

/**
 * The loops of the song's body where at least MIN_DESK_PARTS parts play (in three quarters of the loop) that a
 * good mix can balance (balanceableParts), with those parts.
 */
export function deskLoops(song: ImportedSongSummary): { loop: ImportedLoop; parts: ImportedMixPart[] }[] {
  return bodyLoops(song)
    .map((loop) => {
      const ids = activeTracks(song, loop).map((t) => importedTrackId(t));
      return {
        loop,
        parts: ids.length >= MIN_DESK_PARTS ? balanceableParts(importedMixParts(song, loop, ids)) : [],
      };
    })
    .filter((d) => d.parts.length >= MIN_DESK_PARTS);
}

/** Why `song` cannot carry fix-mix (plain words), or null when it can. */
export function importedFixMixProblem(song: ImportedSongSummary): string | null {
  return deskLoops(song).length > 0
    ? null
    : `Needs ${MIN_DESK_PARTS} parts playing together at comparable levels for ${SEGMENT_S * LOOP_SEGMENTS} seconds (with fewer, the faulty part would stand out on the desk): “${song.name}” has no such stretch.`;
}

/** Why no imported song can carry `level` (plain words), or null when one can: a level with production problems. */
export function importedFixMixLevelProblem(level: number): string | null {
  const lvl = clampLevel(meta, level);
  if (levelSpec(meta, lvl).params.productionChance <= 0) return null;
  return `Level ${lvl} adds problems in the parts themselves (wrong notes, a clash), which only Headroom’s own songs can have: your stems are played as they are, so this level plays only Headroom’s songs.`;
}

/** A question on an imported song for (seed, level), from its summary: deterministic, plain JSON, audible. */
export function generateImported(seed: number, level: number, song: ImportedSongSummary): FixMixQuestion {
  const lvl = clampLevel(meta, level);
  const refused = importedFixMixLevelProblem(lvl);
  if (refused) throw new Error(refused);
  return drawAudible(
    seed,
    (rng) => buildImported(rng, seed, lvl, song),
    (q) => importedAudibility(q, song),
  );
}

function buildImported(rng: Rng, seed: number, lvl: number, song: ImportedSongSummary): FixMixQuestion {
  const p = levelSpec(meta, lvl).params;
  const desks = deskLoops(song);
  if (desks.length === 0) throw new Error(importedFixMixProblem(song) ?? 'No loop fits.');
  const { loop, parts: usable } = rng.fork('loop').pick(desks);
  const source = importedSource(song, loop);
  const pool = song.tracks.filter((t) => usable.some((x) => x.id === importedTrackId(t)));
  const tracks = pickImportedTracks(rng.fork('tracks'), p.tracks.length, pool);
  const parts = tracks.map((t) => usable.find((x) => x.id === t.id) as ImportedMixPart);
  const dimensions: MixDimension[] = p.dimensions.filter((d) => d !== 'dynamics');
  const kinds = p.faults.filter(
    (f): f is ImportedFault => !NOT_ON_IMPORTED.includes(f) && dimensions.includes(FAULT_DIMENSION[f]),
  );
  const bandsDb = parts.map((x) => x.bands.map((v) => roundTo(10 * Math.log10(Math.max(v, 1e-20)), 0.1)));
  const base = (reference: TrackMix[], start: TrackMix[], faults: PlantedFault[]): FixMixQuestion => ({
    kind: 'fix-mix',
    seed,
    level: lvl,
    tracks,
    dimensions,
    choices: [],
    reference,
    start,
    faults,
    source,
    production: null,
    bandsDb,
  });
  // Every way each fault can be planted on a good mix, hidden on the desk, heard and graded clearly, judged alone.
  const optionsOn = (reference: TrackMix[]) => {
    const options = new Map<ImportedFault, Option[]>();
    for (const fault of kinds) {
      const frng = rng.fork(`fault-${fault}`);
      const list: Option[] = [];
      for (const idx of candidates(fault, reference, parts)) {
        const size = drawSize(
          frng.fork(idx.map((i) => tracks[i]?.id).join('+')),
          fault,
          parts,
          reference,
          idx,
        );
        if (size === null) continue;
        const mix = reference.map(copyTrackMix);
        const planted = plant(fault, size, idx, { tracks }, mix);
        const one = base(reference, mix, [planted]);
        const clear = gradeAnswer(one, { faults: [], tracks: mix }).repair.startTotal >= CLEAR_STEPS;
        if (clear && isAudible(faultAudibility(one, planted, parts))) list.push({ fault, parts: idx, size });
      }
      if (list.length > 0) options.set(fault, list);
    }
    return options;
  };
  // A few seeded good mixes; the balanced one that can carry the most kinds of fault is kept (the first of equals).
  let reference: TrackMix[] = [];
  let options = new Map<ImportedFault, Option[]>();
  for (let k = 0; k < GOOD_MIX_TRIES && options.size < kinds.length; k++) {
    const mix = goodImportedMix(rng.fork(k === 0 ? 'good' : `good-${k}`), parts);
    if (balanceProblem(parts, mix)) continue;
    const o = optionsOn(mix);
    if (reference.length === 0 || o.size > options.size) {
      reference = mix;
      options = o;
    }
  }
  if (reference.length === 0) reference = goodImportedMix(rng.fork('good'), parts);
  // Offered: every fault of the level this desk could carry (a fault that found no hidden, audible place on this
  // song stays a plausible wrong answer), so the list never names the fault by being one item long.
  const plausible = (f: ImportedFault) =>
    options.has(f) ||
    (candidates(f, reference, parts).length > 0 &&
      (FAULT_DIMENSION[f] !== 'space' || parts.some((x) => x.roomShare > 0 || x.echoShare > 0)));
  const choices = kinds.filter(plausible);
  // At most half the faults offered are planted (as on generated songs), so ticking every box never pays.
  const count = Math.max(
    1,
    Math.min(rng.fork('count').int(p.count[0], p.count[1]), Math.floor(choices.length / 2)),
  );
  const start = reference.map(copyTrackMix);
  const taken = new Set<number>();
  const planted: { fault: PlantedFault; parts: number[] }[] = [];
  const plantRng = rng.fork('plant');
  for (const fault of plantRng.shuffle([...choices])) {
    if (planted.length >= count) break;
    const free = plantRng.shuffle(
      (options.get(fault) ?? []).filter((o) => o.parts.every((i) => !taken.has(i))),
    );
    for (const o of free) {
      const desk = start.map(copyTrackMix);
      const f = plant(fault, o.size, o.parts, { tracks }, desk);
      // Every fault planted so far stays hidden on the desk with this one.
      const all = [...planted, { fault: f, parts: o.parts }];
      if (!all.every((x) => faultHidden(x.fault.fault as ImportedFault, parts, desk, x.parts))) continue;
      desk.forEach((t, i) => {
        start[i] = t;
      });
      for (const i of o.parts) taken.add(i);
      planted.push({ fault: f, parts: o.parts });
      break;
    }
  }
  const faults = planted
    .map((x) => x.fault)
    .sort((a, b) => choices.indexOf(a.fault as ImportedFault) - choices.indexOf(b.fault as ImportedFault));
  return { ...base(reference, start, faults), choices };
}
