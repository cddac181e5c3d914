/** Reverb type and size: seeded questions per level, each with its planted difference measured on the IRs. */
import type { Rng } from '../../dsp/random';
import { createRng } from '../../dsp/random';
import { arrivalTime, clarityC50, energyOf } from '../../dsp/reverb-measures';
import { REVERB_TRAITS, type ReverbType, spaceImpulseResponse } from '../../dsp/reverb-space';
import type { Decibels, Milliseconds } from '../../dsp/units';
import type { TrackId } from '../../production/types';
import { ACTIVE_SHARE, type Audibility, drawAudible, inaudible, roomAfterShare } from '../shared/audibility';
import { loopRoomShare } from '../shared/imported-notes';
import {
  type ImportedSongSummary,
  importedLoopPick,
  importedTrackId,
  loopActivity,
  loopOf,
  requireDynamics,
} from '../shared/imported-song';
import { clampLevel, clampValue, levelSpec } from '../shared/levels';
import { analyseSongLoop } from '../shared/song-analysis';
import { generateSongSource } from '../shared/sources';
import type { SongSource } from '../types';
import { meta, type ReverbTypeQuestion, type SpaceSpec, TYPE_LABELS } from './meta';

/** Sparse, dry parts whose reverb is easy to hear (as reverb-time). */
const REVERB_TRACKS: readonly TrackId[] = ['snare', 'keys', 'lead', 'vocal'];
/** Pre-delay of every space, ms (the same everywhere, so it gives nothing away). */
const PRE_DELAY_MS: Milliseconds = 5;
/** Send from the part into the reverb, dB. */
const SEND_DB: Decibels = -4;
/** Geometric middle of the two sizes in a "which is larger?" question, metres. */
export const MIDDLE_SIZE_M = 12;
/** Rate the impulse responses are measured at, Hz (cheap; the timings and clarity need no more). */
export const MEASURE_RATE = 8000;
/** Silence after a note that lets a reverb be heard, beats; and the share of notes that must have it. */
const TAIL_ROOM_BEATS = 0.5;
const TAIL_ROOM_SHARE = 0.25;
/** Fixed levels: the spaces offered must differ in clarity (C50) by at least this, dB (about its JND, 1 dB). */
export const CLARITY_STEP_DB: Decibels = 1;
/** Fixed levels: the larger space must answer at least this much later, ms (a gap a listener hears). */
export const ARRIVAL_STEP_MS: Milliseconds = 3;

/** The energy of a space's impulse response at MEASURE_RATE, from the end of its pre-delay. */
function spaceEnergy(space: SpaceSpec): { energy: Float64Array; from: number } {
  const channels = spaceImpulseResponse(createRng(space.seed), {
    sampleRate: MEASURE_RATE,
    decayS: space.decayS,
    preDelayMs: space.preDelayMs,
    damping: 0,
    stereoWidth: 1,
    type: space.type,
    sizeM: space.sizeM,
  });
  return { energy: energyOf(channels), from: Math.round((space.preDelayMs / 1000) * MEASURE_RATE) };
}

/** Clarity C50 of a space, dB (a room's is high, a hall's low). */
export function spaceClarityDb(space: SpaceSpec): Decibels {
  const { energy, from } = spaceEnergy(space);
  return clarityC50(energy, MEASURE_RATE, from);
}

/** When a space answers (5 % of its first 0.3 s of energy has arrived), ms. */
export function spaceArrivalMs(space: SpaceSpec): Milliseconds {
  const { energy, from } = spaceEnergy(space);
  return arrivalTime(energy, MEASURE_RATE, from) * 1000;
}

/** A space of `type` (its own size unless given) with the question's decay and seed. */
function space(type: ReverbType, decayS: number, seed: number, sizeM?: number): SpaceSpec {
  return {
    type,
    sizeM: Math.round((sizeM ?? REVERB_TRAITS[type].sizeM) * 10) / 10,
    decayS,
    preDelayMs: PRE_DELAY_MS,
    seed,
  };
}

/**
 * The planted difference. 'type': the smallest clarity (C50) difference between the spaces offered, at least
 * CLARITY_STEP_DB; 'size': how much later the larger space answers, at least ARRIVAL_STEP_MS (adaptive
 * questions only need it later at all). Either way the part must play in three quarters of the loop and leave
 * half a beat of silence after a quarter of its notes, where the reverb is heard on its own.
 */
export function audibility(q: ReverbTypeQuestion): Audibility {
  if (q.source.type !== 'song') return inaudible('an imported song: see importedAudibility');
  return spacesAudibility(q, partProblem(q.source, q.source.track));
}

/**
 * audibility on an imported song, read from its summary: the part plays in three quarters of the loop and
 * leaves a quarter second (half a beat at 120 bpm) of near-silence after a quarter of its notes there
 * (imported-notes.ts); the spaces must differ as on a generated song.
 */
export function importedAudibility(q: ReverbTypeQuestion, song: ImportedSongSummary): Audibility {
  return spacesAudibility(q, importedPartProblem(song, q.source));
}

/** Why an imported part's reverb would not be heard in the source's loop, or null when it would. */
function importedPartProblem(song: ImportedSongSummary, source: ReverbTypeQuestion['source']): string | null {
  const loop = source.type === 'imported-song' ? loopOf(song, source) : null;
  const track = song.tracks.find((t) => importedTrackId(t) === source.track);
  if (!loop || !track) return 'not a part of a loop of this song';
  const activity = loopActivity(track, loop);
  if (activity < ACTIVE_SHARE) return `the ${track.name} plays ${activity} of the loop`;
  const room = loopRoomShare(track, loop);
  if (room < TAIL_ROOM_SHARE) return `the ${track.name} leaves room after ${room} of its notes`;
  return null;
}

/** The spaces' measured difference, once the part is known to leave its reverb room (`why` null). */
function spacesAudibility(q: ReverbTypeQuestion, why: string | null): Audibility {
  if (why) return inaudible(why);
  if (q.subtype === 'type')
    return { planted: q.measured.value, required: q.adaptiveValue === undefined ? CLARITY_STEP_DB : 0 };
  return { planted: q.measured.value, required: q.adaptiveValue === undefined ? ARRIVAL_STEP_MS : 0.1 };
}

/** Why a part's reverb would not be heard in this song's loop, or null when it would. */
function partProblem(source: SongSource, track: TrackId): string | null {
  const analysis = analyseSongLoop(source);
  const target = analysis.tracks.get(track);
  if (!target) return `the song has no ${track}`;
  if (target.activity < ACTIVE_SHARE) return `the ${track} plays ${target.activity} of the loop`;
  const room = roomAfterShare(target.notes, TAIL_ROOM_BEATS, analysis.beats);
  if (room < TAIL_ROOM_SHARE) return `the ${track} leaves room after ${room} of its notes`;
  return null;
}

/** A question for (seed, level): deterministic, plain JSON, audible by construction (see audibility). */
export function generate(seed: number, level: number): ReverbTypeQuestion {
  const lvl = clampLevel(meta, level);
  return drawAudible(seed, (rng) => build(rng, seed, lvl), audibility);
}

/** Adaptive mode: "which space is larger?" on the base level, the larger `value` times the smaller (clamped). */
export function generateAt(seed: number, value: number): ReverbTypeQuestion {
  const mv = meta.mainVariable as NonNullable<typeof meta.mainVariable>;
  const v = Math.round(clampValue(value, mv.min, mv.max) * 100) / 100;
  return drawAudible(seed, (rng) => ({ ...build(rng, seed, mv.baseLevel, v), adaptiveValue: v }), audibility);
}

/**
 * The drawn part when the generated song leaves it room, else one of the parts it does (as reverb-time), so a
 * redraw (a new song to analyse) is needed only when no part fits.
 */
function generatedReverbSource(rng: Rng, drawn: TrackId): SongSource & { track: TrackId } {
  const song = generateSongSource(rng.fork('source'));
  const heard = REVERB_TRACKS.filter((t) => partProblem(song, t) === null);
  const track = heard.includes(drawn) || heard.length === 0 ? drawn : rng.fork('track').pick(heard);
  return { ...song, track };
}

/** A loop of an imported song's body (seeded) and a part playing there that leaves room when any does. */
function importedReverbSource(rng: Rng, song: ImportedSongSummary): ReverbTypeQuestion['source'] {
  const { loop, pool, source } = importedLoopPick(rng.fork('loop'), song, 1);
  const roomy = pool.filter((t) => loopRoomShare(t, loop) >= TAIL_ROOM_SHARE);
  const track = rng.fork('track').pick(roomy.length > 0 ? roomy : pool);
  return { ...source, track: importedTrackId(track) };
}

/** A question on an imported song (read from its summary): deterministic, plain JSON, audible. */
export function generateImported(seed: number, level: number, song: ImportedSongSummary): ReverbTypeQuestion {
  requireDynamics(song);
  const lvl = clampLevel(meta, level);
  return drawAudible(
    seed,
    (rng) => build(rng, seed, lvl, undefined, song),
    (q) => importedAudibility(q, song),
  );
}

/** Adaptive mode on an imported song: "which space is larger?" at `value` (as generateAt). */
export function generateImportedAt(
  seed: number,
  value: number,
  song: ImportedSongSummary,
): ReverbTypeQuestion {
  requireDynamics(song);
  const mv = meta.mainVariable as NonNullable<typeof meta.mainVariable>;
  const v = Math.round(clampValue(value, mv.min, mv.max) * 100) / 100;
  return drawAudible(
    seed,
    (rng) => ({ ...build(rng, seed, mv.baseLevel, v, song), adaptiveValue: v }),
    (q) => importedAudibility(q, song),
  );
}

/** One draw: the subtype, the part (redrawn by drawAudible when the song leaves it no room), the spaces. */
function build(
  rng: Rng,
  seed: number,
  lvl: number,
  adaptiveRatio?: number,
  imported?: ImportedSongSummary,
): ReverbTypeQuestion {
  const p = levelSpec(meta, lvl).params;
  const subtype = adaptiveRatio === undefined ? rng.pick(p.subtypes) : 'size';
  const drawn = rng.pick(REVERB_TRACKS);
  const source = imported ? importedReverbSource(rng, imported) : generatedReverbSource(rng, drawn);
  const irSeed = rng.int(1, 999_999);
  const base = { kind: 'reverb-type' as const, seed, level: lvl, subtype, source, sendDb: SEND_DB };
  if (subtype === 'type') {
    const types = [...p.types];
    const type = rng.pick(types);
    const spaces = types.map((t) => space(t, p.decayS, irSeed));
    const clarity = spaces.map(spaceClarityDb);
    let step = Number.POSITIVE_INFINITY;
    for (let i = 0; i < clarity.length; i++)
      for (let j = i + 1; j < clarity.length; j++)
        step = Math.min(step, Math.abs((clarity[i] as number) - (clarity[j] as number)));
    return {
      ...base,
      prompt: 'A is dry. What kind of space is B in?',
      choices: types,
      choiceLabels: types.map((t) => TYPE_LABELS[t]),
      correct: type,
      spaceA: null,
      spaceB: space(type, p.decayS, irSeed),
      measured: { name: 'smallest clarity difference between the choices', value: round1(step), unit: 'dB' },
    };
  }
  const ratio = adaptiveRatio ?? p.sizeRatio;
  const type = rng.pick(p.types.filter((t) => t !== 'plate'));
  const small = space(type, p.decayS, irSeed, MIDDLE_SIZE_M / Math.sqrt(ratio));
  const large = space(type, p.decayS, irSeed, MIDDLE_SIZE_M * Math.sqrt(ratio));
  const largerSide = rng.chance(0.5) ? 'A' : 'B';
  return {
    ...base,
    prompt: 'Which is the larger space?',
    choices: ['A', 'B'],
    choiceLabels: ['A', 'B'],
    correct: largerSide,
    spaceA: largerSide === 'A' ? large : small,
    spaceB: largerSide === 'A' ? small : large,
    sizeRatio: ratio,
    measured: {
      name: 'how much later the larger space answers',
      value: round1(spaceArrivalMs(large) - spaceArrivalMs(small)),
      unit: 'ms',
    },
  };
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
