/**
 * The tempo of an imported song's loop, from the note starts its summary keeps: every pair of notes (all
 * parts together) is an interval, and the tempo is the one whose beat, two, three and four beats hold the most
 * intervals (within a frame and a half, the nearer the more). Searched in one octave, MIN_BPM up to MAX_BPM, so a beat and its half or double
 * never compete. Pure.
 */
import { FRAME_S } from './imported-notes';
import { type ImportedLoop, type ImportedSongSummary, SEGMENT_S } from './imported-song';

/** Slowest tempo considered, quarter notes per minute. */
export const MIN_BPM = 80;
/** Tempos considered are below this (one octave). */
export const MAX_BPM = 160;
/** Tempos are found to this step, bpm. */
export const BPM_STEP = 0.5;

/** The loop's tempo (bpm, BPM_STEP steps), or null when fewer than four notes start in it. */
export function loopBpm(summary: ImportedSongSummary, loop: ImportedLoop): number | null {
  const per = Math.round(SEGMENT_S / FRAME_S);
  const total = per * loop.segments;
  const starts: number[] = [];
  for (const t of summary.tracks)
    for (let s = 0; s < loop.segments; s++)
      for (const f of t.onsets[loop.firstSegment + s] ?? []) starts.push(s * per + f);
  if (starts.length < 4) return null;
  starts.sort((a, b) => a - b);
  const intervals = new Float64Array(total);
  for (let i = 0; i < starts.length; i++)
    for (let j = i + 1; j < starts.length; j++) {
      const d = (starts[j] as number) - (starts[i] as number);
      intervals[d] = (intervals[d] as number) + 1;
    }
  // Intervals near a length of `frames` (not whole frames: a triangle 1.5 frames wide each side), so the tempo
  // whose beats fall nearest the notes wins over its neighbours a step away.
  const near = (frames: number) => {
    let sum = 0;
    for (let d = Math.floor(frames - 1.5); d <= Math.ceil(frames + 1.5); d++)
      sum += (intervals[d] ?? 0) * Math.max(0, 1 - Math.abs(d - frames) / 1.5);
    return sum;
  };
  let best: number | null = null;
  let bestScore = 0;
  for (let bpm = MIN_BPM; bpm < MAX_BPM; bpm += BPM_STEP) {
    const beat = 60 / bpm / FRAME_S;
    let score = 0;
    for (let k = 1; k <= 4; k++) score += near(k * beat);
    // Ties go to the tempo nearer 120 bpm.
    if (
      score > bestScore ||
      (score === bestScore && best !== null && Math.abs(bpm - 120) < Math.abs(best - 120))
    ) {
      best = bpm;
      bestScore = score;
    }
  }
  return bestScore > 0 ? best : null;
}
