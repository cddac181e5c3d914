/**
 * Fix this mix on an imported song, read from its summary alone (pure, seeded). The good mix is the stems as
 * given (every fader at 0 dB, centred, flat, no compression, no sends: the summary keeps no rough mix). Only
 * the faults that can be planted and judged from the summary are planted and offered: loud, buried, muddy,
 * harsh, masking (with kick- and bass-named parts), reverb and delay on parts with room after their notes.
 * Never squashed (compression is graded on each part's samples, which the summary does not keep), never mono
 * (the good mix is already centred) and never a production problem (the parts are the song's own). The desk
 * has no compressor (no 'dynamics'), so the repair is graded without a sample of the stems: faders and pan
 * need no audio, tone is weighted by each part's loop spectrum, which the question carries (bandsDb).
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
  peakingPowerGains,
  sumBands,
} from '../shared/audibility';
import { loopFreeEchoShare, loopRoomShare } from '../shared/imported-notes';
import {
  type ImportedLoop,
  type ImportedSongSummary,
  type ImportedTrackSummary,
  importedLoopPick,
  importedTrackId,
  loopActivity,
  loopBands,
  loopOf,
  pickImportedTracks,
  SEGMENT_S,
} from '../shared/imported-song';
import { clampLevel, levelSpec } from '../shared/levels';
import { copyTrackMix, type MixDimension, type TrackMix, untouchedTrack } from '../shared/mix-spec';
import { roundTo } from '../shared/scoring';
import type { TrackRef } from '../shared/tracks';
import { gradeAnswer } from './check';
import { type FixMixQuestion, type MixFault, meta, type PlantedFault } from './meta';
import { FAULT_DIMENSION } from './mix-faults';

/** Grader steps (just-noticeable amounts beyond the first) a fault alone must add to the good mix. */
export const CLEAR_STEPS = 3;
/** Faults never planted on an imported song (see the file's note). */
export const NOT_ON_IMPORTED: readonly MixFault[] = ['squashed', 'mono'];
/** A delay echo on an imported song, s: the desk's 1/4 note at the 120 bpm an imported excerpt plays at. */
export const IMPORTED_DELAY_S = 0.5;

const half = (x: number) => roundTo(x, 0.5);
const SEND_FLOOR = -30;
const sendOf = (db: number | null) => Math.max(SEND_FLOOR, db ?? SEND_FLOOR);

/** The parts a fault touched: its track, or for masking the two parts whose low boost differs from the good mix. */
function touched(q: FixMixQuestion, f: PlantedFault): number[] {
  if (f.track) return [q.tracks.findIndex((t) => t.id === f.track)];
  return q.tracks
    .map((_, i) => i)
    .filter((i) => JSON.stringify(q.start[i]?.eq) !== JSON.stringify(q.reference[i]?.eq));
}

/**
 * One planted fault's audibility on the loop, each by the nearest rule of a kind that judges that change alone:
 * loud and buried by level-change's (the part plays in three quarters of the loop; the mix's largest band change
 * at least half the fader move, and a just-noticeable amount); muddy, harsh and masking by eq-boost's (each
 * boost where its part has sound, within 20 dB of its loudest band; the level-matched mix's largest band change
 * at least half the boost); reverb by reverb-time's (a quarter of the part's notes followed by near-silence) and
 * delay by delay-time's (half its echoes, a 1/4 note at 120 bpm later, land on near-silence clear of its notes).
 */
export function faultAudibility(
  q: FixMixQuestion,
  f: PlantedFault,
  song: ImportedSongSummary,
  loop: ImportedLoop,
): Audibility {
  const parts = q.tracks.map((t) => song.tracks.find((x) => importedTrackId(x) === t.id));
  if (parts.some((p) => !p)) return inaudible('a desk part is not in this song');
  const summaries = parts as ImportedTrackSummary[];
  const idx = touched(q, f);
  if (idx.length === 0 || idx.some((i) => i < 0)) return inaudible(`the ${f.fault} fault touches no part`);
  for (const i of idx) {
    const activity = loopActivity(summaries[i] as ImportedTrackSummary, loop);
    if (activity < ACTIVE_SHARE) return inaudible(`${q.tracks[i]?.name} plays ${activity} of the loop`);
  }
  const bands = summaries.map((t) => loopBands(t, loop));
  const a = sumBands(bands.map((b) => ({ bands: b })));
  const dim = f.fault === 'production' ? null : FAULT_DIMENSION[f.fault];
  if (dim === 'balance') {
    const i = idx[0] as number;
    const change = (q.start[i] as TrackMix).faderDb - (q.reference[i] as TrackMix).faderDb;
    const b = sumBands(bands.map((x, k) => ({ bands: x, powerGain: k === i ? 10 ** (change / 10) : 1 })));
    return {
      planted: largestBandChangeDb(a, b, false),
      required: Math.max(KEEP_SHARE * Math.abs(change), JND_DB),
    };
  }
  if (dim === 'tone') {
    const band = f.fault === 'harsh' ? 2 : 1;
    let gainDb: Decibels = 0;
    const gains = idx.map((i) => {
      const e = (q.start[i] as TrackMix).eq[band];
      gainDb = Math.max(gainDb, e.gainDb);
      const below = bandBelowLoudestDb(bands[i] as number[], e.frequencyHz);
      return below < -EQ_ENERGY_BELOW_DB ? null : peakingPowerGains(e.frequencyHz, e.gainDb, e.q);
    });
    if (gains.some((g) => g === null))
      return inaudible(`a ${f.fault} boost lands where its part has no sound`);
    const b = sumBands(
      bands.map((x, k) => {
        const g = gains[idx.indexOf(k)];
        return { bands: g ? x.map((v, j) => v * (g[j] as number)) : x };
      }),
    );
    return { planted: largestBandChangeDb(a, b, true), required: Math.max(KEEP_SHARE * gainDb, JND_DB) };
  }
  const part = summaries[idx[0] as number] as ImportedTrackSummary;
  if (f.fault === 'reverb') return { planted: loopRoomShare(part, loop), required: TAIL_ROOM_SHARE };
  if (f.fault === 'delay')
    return {
      planted: loopFreeEchoShare(part, loop, SEGMENT_S, IMPORTED_DELAY_S),
      required: FREE_ECHO_SHARE,
    };
  return inaudible(`${f.fault} is not planted on an imported song`);
}

/** The question's audibility on `song`: its least audible planted fault (each judged alone, see faultAudibility). */
export function importedAudibility(q: FixMixQuestion, song: ImportedSongSummary): Audibility {
  const loop = q.source.type === 'imported-song' ? loopOf(song, q.source) : null;
  if (!loop) return inaudible('not a loop of this song');
  if (q.faults.length === 0) return inaudible('no fault planted');
  let worst: Audibility | null = null;
  for (const f of q.faults) {
    const a = faultAudibility(q, f, song, loop);
    if (!isAudible(a)) return a;
    const m = a.required > 0 ? a.planted / a.required : Number.POSITIVE_INFINITY;
    if (!worst || m < worst.planted / worst.required) worst = a;
  }
  return worst as Audibility;
}

const lower = (name: string) => name.toLowerCase();
const wasOf = (name: string) => (/s$/i.test(name) ? 'were' : 'was');
const itsOf = (name: string) => (/s$/i.test(name) ? `${lower(name)}'` : `${lower(name)}'s`);

/** Plants `fault` on part `i` of a copy of the good mix (in place); the planted fault's key. */
function plantOn(
  rng: Rng,
  fault: MixFault,
  i: number,
  tracks: readonly TrackRef[],
  mix: TrackMix[],
): PlantedFault {
  const t = mix[i] as TrackMix;
  const ref = tracks[i] as TrackRef;
  const name = ref.name;
  switch (fault) {
    case 'loud': {
      const db = half(rng.range(7, 10));
      t.faderDb += db;
      return { fault, track: ref.id, description: `The ${lower(name)} ${wasOf(name)} turned up ${db} dB.` };
    }
    case 'buried': {
      const db = half(rng.range(9, 12));
      t.faderDb -= db;
      return { fault, track: ref.id, description: `The ${lower(name)} ${wasOf(name)} turned down ${db} dB.` };
    }
    case 'muddy': {
      const hz = 10 * Math.round(rng.range(22, 35));
      const db = half(rng.range(7, 9));
      t.eq[1] = { frequencyHz: hz, gainDb: db, q: 1 };
      return {
        fault,
        track: ref.id,
        description: `The ${lower(name)} got a boost of ${db} dB at ${hz} Hz (low mids).`,
      };
    }
    case 'harsh': {
      const hz = 100 * Math.round(rng.range(28, 34));
      const db = half(rng.range(9, 11));
      t.eq[2] = { frequencyHz: hz, gainDb: db, q: 1 };
      return { fault, track: ref.id, description: `The ${lower(name)} got a boost of ${db} dB at ${hz} Hz.` };
    }
    case 'reverb': {
      const db = half(Math.max(rng.range(0, 3), sendOf(t.reverbDb) + rng.range(18, 21)));
      t.reverbDb = db;
      return { fault, track: ref.id, description: `The ${itsOf(name)} reverb send was pushed to ${db} dB.` };
    }
    case 'delay': {
      const db = half(Math.max(rng.range(0, 3), sendOf(t.delayDb) + rng.range(18, 21)));
      t.delayDb = db;
      return { fault, track: ref.id, description: `The ${itsOf(name)} delay send was pushed to ${db} dB.` };
    }
    default:
      throw new Error(`${fault} is not planted on one part of an imported song.`);
  }
}

/** Masking on the kick- and bass-named parts (indices), planted in place. */
function plantMasking(
  rng: Rng,
  pair: readonly [number, number],
  tracks: readonly TrackRef[],
  mix: TrackMix[],
) {
  const hz = rng.pick([60, 70, 80, 90]);
  const db = half(rng.range(7, 9));
  for (const i of pair) (mix[i] as TrackMix).eq[1] = { frequencyHz: hz, gainDb: db, q: 1 };
  const [k, b] = pair.map((i) => (tracks[i] as TrackRef).name);
  return {
    fault: 'masking' as const,
    track: null,
    description: `The ${k} and the ${b} were both boosted by ${db} dB at ${hz} Hz, so they blur into one boom.`,
  };
}

/** One way to plant a fault: its parts and the mix with it alone. */
interface Option {
  parts: number[];
  mix: TrackMix[];
  fault: PlantedFault;
}

/** A question on an imported song for (seed, level), from its summary: deterministic, plain JSON, audible. */
export function generateImported(seed: number, level: number, song: ImportedSongSummary): FixMixQuestion {
  const lvl = clampLevel(meta, level);
  return drawAudible(
    seed,
    (rng) => buildImported(rng, seed, lvl, song),
    (q) => importedAudibility(q, song),
  );
}

function buildImported(rng: Rng, seed: number, lvl: number, song: ImportedSongSummary): FixMixQuestion {
  const p = levelSpec(meta, lvl).params;
  const { loop, pool, source } = importedLoopPick(rng.fork('loop'), song, 2);
  const tracks = pickImportedTracks(rng.fork('tracks'), p.tracks.length, pool);
  const byId = new Map(song.tracks.map((t) => [importedTrackId(t), t]));
  const roles = tracks.map((t) => byId.get(t.id)?.role ?? 'audio');
  const dimensions: MixDimension[] = p.dimensions.filter((d) => d !== 'dynamics');
  const reference = tracks.map(() => untouchedTrack());
  const kinds = p.faults.filter(
    (f) => !NOT_ON_IMPORTED.includes(f) && dimensions.includes(FAULT_DIMENSION[f]),
  );
  const kick = roles.indexOf('kick');
  const bass = roles.indexOf('bass');
  // Every way each fault can be planted here and heard, each judged alone on the good mix.
  const options = new Map<MixFault, Option[]>();
  const base = (): FixMixQuestion => ({
    kind: 'fix-mix',
    seed,
    level: lvl,
    tracks,
    dimensions,
    choices: [],
    reference,
    start: reference.map(copyTrackMix),
    faults: [],
    source,
    production: null,
    bandsDb: tracks.map((t) =>
      loopBands(byId.get(t.id) as ImportedTrackSummary, loop).map((v) => roundTo(10 * Math.log10(v), 0.1)),
    ),
  });
  for (const fault of kinds) {
    const frng = rng.fork(`fault-${fault}`);
    const list: Option[] = [];
    const tries: number[][] =
      fault === 'masking' ? (kick >= 0 && bass >= 0 ? [[kick, bass]] : []) : tracks.map((_, i) => [i]);
    for (const parts of tries) {
      const mix = reference.map(copyTrackMix);
      const prng = frng.fork(parts.map((i) => tracks[i]?.id).join('+'));
      const planted =
        fault === 'masking'
          ? plantMasking(prng, parts as [number, number], tracks, mix)
          : plantOn(prng, fault, parts[0] as number, tracks, mix);
      const one = { ...base(), start: mix, faults: [planted] };
      // Heard, and a clear change for the grader (as on a generated song: three steps beyond the first).
      const clear = gradeAnswer(one, { faults: [], tracks: mix }).repair.startTotal >= CLEAR_STEPS;
      if (clear && isAudible(faultAudibility(one, planted, song, loop)))
        list.push({ parts, mix, fault: planted });
    }
    if (list.length > 0) options.set(fault, list);
  }
  const choices = kinds.filter((f) => options.has(f));
  // At most half the faults offered are planted (as on generated songs), so ticking every box never pays.
  const count = Math.max(
    1,
    Math.min(rng.fork('count').int(p.count[0], p.count[1]), Math.floor(choices.length / 2)),
  );
  const start = reference.map(copyTrackMix);
  const taken = new Set<number>();
  const faults: PlantedFault[] = [];
  const plantRng = rng.fork('plant');
  for (const fault of plantRng.shuffle([...choices])) {
    if (faults.length >= count) break;
    const free = (options.get(fault) ?? []).filter((o) => o.parts.every((i) => !taken.has(i)));
    if (free.length === 0) continue;
    const o = plantRng.pick(free);
    for (const i of o.parts) {
      taken.add(i);
      start[i] = copyTrackMix(o.mix[i] as TrackMix);
    }
    faults.push(o.fault);
  }
  faults.sort((a, b) => choices.indexOf(a.fault as MixFault) - choices.indexOf(b.fault as MixFault));
  return { ...base(), choices, start, faults };
}
