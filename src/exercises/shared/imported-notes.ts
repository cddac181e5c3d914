/**
 * Where an imported track's notes start and whether each leaves room after it (for reverb tails and echoes),
 * found on its mono sum: the level in FRAME_S frames, a note starting where the level jumps ONSET_RISE_DB
 * above the frames just before, and "room" when, before the next note, the level stays ROOM_BELOW_DB under
 * the note's peak (or below silence) for NOTE_ROOM_S. Pure: the import Worker runs it, Node tests too.
 */
import type { Decibels, SampleRate, Seconds } from '../../dsp/units';
import { type ImportedLoop, type ImportedTrackSummary, NOTE_ROOM_S, SILENT_DB } from './imported-song';

/** Length of a level frame, s. */
export const FRAME_S: Seconds = 0.01;
/** A note starts where a frame is this much above the quietest of the ONSET_LOOKBACK frames before it, dB. */
export const ONSET_RISE_DB: Decibels = 9;
/** Frames looked back for a rise. */
const ONSET_LOOKBACK = 3;
/** No new note within this of the last one, s. */
const REFRACTORY_S: Seconds = 0.05;
/** A note's peak is its loudest frame within this of its start, s. */
const PEAK_WITHIN_S: Seconds = 0.1;
/** Room after a note: this far below its peak, dB. */
export const ROOM_BELOW_DB: Decibels = 25;
/** Frames quieter than this below the track's loudest frame are never a note's start, dB. */
const NOTE_FLOOR_BELOW_DB: Decibels = 40;

/** Mean-square level of each FRAME_S frame of `x`, dBFS (−Infinity for digital silence). */
export function frameLevelsDb(x: Float32Array, sampleRate: SampleRate): Float64Array {
  const per = Math.max(1, Math.round(FRAME_S * sampleRate));
  const out = new Float64Array(Math.ceil(x.length / per));
  for (let f = 0; f < out.length; f++) {
    let sum = 0;
    const end = Math.min(x.length, (f + 1) * per);
    for (let i = f * per; i < end; i++) sum += (x[i] as number) ** 2;
    out[f] = sum > 0 ? 10 * Math.log10(sum / (end - f * per)) : Number.NEGATIVE_INFINITY;
  }
  return out;
}

/** A note: its first frame and whether it leaves room after it. */
export interface FoundNote {
  frame: number;
  room: boolean;
}

/** The notes of a track from its frame levels (see the file's comment). */
export function findNotes(levels: Float64Array): FoundNote[] {
  let loudest = Number.NEGATIVE_INFINITY;
  for (const l of levels) loudest = Math.max(loudest, l);
  const floor = Math.max(SILENT_DB, loudest - NOTE_FLOOR_BELOW_DB);
  const refractory = Math.round(REFRACTORY_S / FRAME_S);
  const starts: number[] = [];
  for (let f = 0; f < levels.length; f++) {
    const l = levels[f] as number;
    if (!(l > floor)) continue;
    let before = Number.POSITIVE_INFINITY;
    for (let k = 1; k <= ONSET_LOOKBACK; k++)
      before = Math.min(before, levels[f - k] ?? Number.NEGATIVE_INFINITY);
    const last = starts[starts.length - 1];
    if (l - before >= ONSET_RISE_DB && (last === undefined || f - last >= refractory)) starts.push(f);
  }
  const peakFrames = Math.round(PEAK_WITHIN_S / FRAME_S);
  const roomFrames = Math.round(NOTE_ROOM_S / FRAME_S);
  return starts.map((start, i) => {
    const next = starts[i + 1] ?? levels.length;
    let peak = Number.NEGATIVE_INFINITY;
    for (let f = start; f < Math.min(next, start + peakFrames); f++)
      peak = Math.max(peak, levels[f] as number);
    const quiet = Math.max(SILENT_DB, peak - ROOM_BELOW_DB);
    let run = 0;
    let room = false;
    for (let f = start; f < next && !room; f++) {
      run = (levels[f] as number) < quiet ? run + 1 : 0;
      room = run >= roomFrames;
    }
    return { frame: start, room };
  });
}

/** Per `segmentS` segment (`segments` of them), [notes starting in it, those with room after]. */
export function notesPerSegment(
  x: Float32Array,
  sampleRate: SampleRate,
  segmentS: Seconds,
  segments: number,
): [number, number][] {
  const out: [number, number][] = Array.from({ length: segments }, () => [0, 0]);
  for (const note of findNotes(frameLevelsDb(x, sampleRate))) {
    const s = Math.floor((note.frame * FRAME_S) / segmentS + 1e-9);
    const cell = out[s];
    if (!cell) continue;
    cell[0]++;
    if (note.room) cell[1]++;
  }
  return out;
}

/** Per segment, the frames (from its start) where notes start, and its near-silent frames as hex (see the summary). */
export function onsetsAndQuiet(
  x: Float32Array,
  sampleRate: SampleRate,
  segmentS: Seconds,
  segments: number,
): { onsets: number[][]; quietFrames: string[] } {
  const levels = frameLevelsDb(x, sampleRate);
  const per = Math.round(segmentS / FRAME_S);
  const onsets: number[][] = Array.from({ length: segments }, () => []);
  for (const note of findNotes(levels)) onsets[Math.floor(note.frame / per)]?.push(note.frame % per);
  const quietFrames = Array.from({ length: segments }, (_, s) => {
    let loudest = Number.NEGATIVE_INFINITY;
    for (let f = s * per; f < (s + 1) * per; f++)
      loudest = Math.max(loudest, levels[f] ?? Number.NEGATIVE_INFINITY);
    const quiet = Math.max(SILENT_DB, loudest - ROOM_BELOW_DB);
    let hex = '';
    for (let f = s * per; f < (s + 1) * per; f += 4) {
      let digit = 0;
      for (let k = 0; k < 4; k++)
        if (!((levels[f + k] ?? Number.NEGATIVE_INFINITY) >= quiet)) digit |= 8 >> k;
      hex += digit.toString(16);
    }
    return hex;
  });
  return { onsets, quietFrames };
}

/** Whether frame `f` of segment `s` is near-silent (read from the summary's hex). */
export function isQuietFrame(track: ImportedTrackSummary, s: number, f: number): boolean {
  const digit = Number.parseInt(track.quietFrames[s]?.[f >> 2] ?? '0', 16);
  return (digit & (8 >> (f & 3))) !== 0;
}

/** An echo landing within this of a note's start is masked by it, s (a 32nd note at 120 bpm). */
const ECHO_MARGIN_S: Seconds = 0.0625;

/**
 * Share of the track's notes in the loop whose echo `delayS` later (wrapping round the loop, as it plays)
 * lands on a near-silent frame and not within ECHO_MARGIN_S of one of its notes (0 when no note starts there).
 */
export function loopFreeEchoShare(
  track: ImportedTrackSummary,
  loop: ImportedLoop,
  segmentS: Seconds,
  delayS: Seconds,
): number {
  const per = Math.round(segmentS / FRAME_S);
  const total = per * loop.segments;
  const starts: number[] = [];
  for (let s = 0; s < loop.segments; s++)
    for (const f of track.onsets[loop.firstSegment + s] ?? []) starts.push(s * per + f);
  if (starts.length === 0) return 0;
  const lag = Math.round(delayS / FRAME_S);
  const margin = Math.round(ECHO_MARGIN_S / FRAME_S);
  let free = 0;
  for (const start of starts) {
    const echo = (start + lag) % total;
    const quiet = isQuietFrame(track, loop.firstSegment + Math.floor(echo / per), echo % per);
    const masked = starts.some((o) => {
      const d = Math.abs(o - echo);
      return Math.min(d, total - d) <= margin;
    });
    if (quiet && !masked) free++;
  }
  return Math.round((free / starts.length) * 1000) / 1000;
}

/**
 * Share of a track's notes starting in the loop that leave NOTE_ROOM_S of near-silence after them (0 when none
 * starts there): where a reverb tail or an echo is heard on its own.
 */
export function loopRoomShare(track: ImportedTrackSummary, loop: ImportedLoop): number {
  let notes = 0;
  let roomy = 0;
  for (let s = loop.firstSegment; s < loop.firstSegment + loop.segments; s++) {
    notes += track.notes[s]?.[0] ?? 0;
    roomy += track.notes[s]?.[1] ?? 0;
  }
  return notes > 0 ? Math.round((roomy / notes) * 1000) / 1000 : 0;
}
