/**
 * The EQ band confusion matrix from eq-boost attempts: rows are the band that was boosted or cut, columns
 * the band the learner picked. Octave questions and third-octave questions get separate matrices: a
 * third-octave answer one step off would vanish if collapsed to octaves (400 Hz and 630 Hz both round to
 * 500 Hz), and that is exactly the mix-up the learner needs to see. The octave matrix spans every octave
 * band from the lowest to the highest that occurs (a contiguous axis); the third-octave matrix lists only
 * the bands that occur, so it stays small enough for a phone.
 */
import { OCTAVE_CENTRES, THIRD_OCTAVE_CENTRES } from '../dsp/bands';
import type { Hz } from '../dsp/units';
import type { AttemptRecord } from './progress-records';

/** Band spacing of a matrix. */
export type BandResolution = 'octave' | 'third';

/** Counts of (played band, answered band) pairs. */
export interface ConfusionMatrix {
  resolution: BandResolution;
  /** Row and column bands, ascending (ISO 266 nominal centres). */
  bandsHz: Hz[];
  /** counts[row][column]: row = band played, column = band answered. */
  counts: number[][];
  /** Answers per played band. */
  rowTotals: number[];
  /** Answers in the matrix. */
  total: number;
  /** Answers on the diagonal (right band). */
  right: number;
}

/** One off-diagonal cell worth telling the learner about. */
export interface BandMixUp {
  resolution: BandResolution;
  /** The band that was played. */
  playedHz: Hz;
  /** The band the learner picked instead. */
  answeredHz: Hz;
  /** How often. */
  count: number;
  /** Times that band was played at all. */
  ofPlayed: number;
}

/** Everything the progress page shows about EQ band hearing. */
export interface EqConfusion {
  octave: ConfusionMatrix | null;
  third: ConfusionMatrix | null;
  /** The most frequent mix-ups (at least twice each), most frequent first, at most three. */
  mixUps: BandMixUp[];
  /** Answers where boost-or-cut was asked, and how many of those got it wrong. */
  directionAsked: number;
  directionWrong: number;
  /** eq-boost attempts without a usable band (no answer, or a malformed record). */
  skipped: number;
}

interface BandPair {
  resolution: BandResolution;
  played: number;
  answered: number;
}

/** Index of the nearest band on a list (log distance), or -1 for a non-positive or non-finite input. */
export function nearestBandIndex(hz: unknown, list: readonly Hz[]): number {
  if (typeof hz !== 'number' || !Number.isFinite(hz) || hz <= 0) return -1;
  let best = -1;
  let bestDistance = Number.POSITIVE_INFINITY;
  list.forEach((centre, i) => {
    const d = Math.abs(Math.log2(hz / centre));
    if (d < bestDistance) {
      best = i;
      bestDistance = d;
    }
  });
  return best;
}

function bandsOf(resolution: BandResolution): readonly Hz[] {
  return resolution === 'octave' ? OCTAVE_CENTRES : THIRD_OCTAVE_CENTRES;
}

/** Reads the played and answered band of one eq-boost attempt (indices on its resolution's full list). */
function pairOf(a: AttemptRecord): (BandPair & { asked: boolean; directionWrong: boolean }) | null {
  const q = a.question as {
    resolution?: unknown;
    targetHz?: unknown;
    askDirection?: unknown;
    direction?: unknown;
  };
  const ans = a.answer as { bandHz?: unknown; direction?: unknown } | null;
  if (typeof q !== 'object' || q === null || typeof ans !== 'object' || ans === null) return null;
  const resolution: BandResolution = q.resolution === 'third' ? 'third' : 'octave';
  const list = bandsOf(resolution);
  const played = nearestBandIndex(q.targetHz, list);
  const answered = nearestBandIndex(ans.bandHz, list);
  if (played < 0 || answered < 0) return null;
  const asked = q.askDirection === true;
  return { resolution, played, answered, asked, directionWrong: asked && ans.direction !== q.direction };
}

function buildMatrix(resolution: BandResolution, pairs: readonly BandPair[]): ConfusionMatrix | null {
  const mine = pairs.filter((p) => p.resolution === resolution);
  if (mine.length === 0) return null;
  const list = bandsOf(resolution);
  const used = [...new Set(mine.flatMap((p) => [p.played, p.answered]))].sort((x, y) => x - y);
  let indices = used;
  if (resolution === 'octave') {
    const lo = used[0] as number;
    const hi = used.at(-1) as number;
    indices = Array.from({ length: hi - lo + 1 }, (_, k) => lo + k);
  }
  const position = new Map(indices.map((index, k) => [index, k]));
  const counts = indices.map(() => indices.map(() => 0));
  for (const p of mine) {
    const row = counts[position.get(p.played) as number] as number[];
    const column = position.get(p.answered) as number;
    row[column] = (row[column] as number) + 1;
  }
  const rowTotals = counts.map((row) => row.reduce((s, n) => s + n, 0));
  const right = counts.reduce((s, row, k) => s + (row[k] as number), 0);
  return {
    resolution,
    bandsHz: indices.map((i) => list[i] as Hz),
    counts,
    rowTotals,
    total: mine.length,
    right,
  };
}

function mixUpsOf(matrix: ConfusionMatrix | null): BandMixUp[] {
  if (!matrix) return [];
  const out: BandMixUp[] = [];
  matrix.counts.forEach((row, r) => {
    row.forEach((count, c) => {
      if (r === c || count < 2) return;
      out.push({
        resolution: matrix.resolution,
        playedHz: matrix.bandsHz[r] as Hz,
        answeredHz: matrix.bandsHz[c] as Hz,
        count,
        ofPlayed: matrix.rowTotals[r] as number,
      });
    });
  });
  return out;
}

/** Builds the octave and third-octave confusion matrices and the top mix-ups from every eq-boost attempt. */
export function eqConfusion(attempts: readonly AttemptRecord[]): EqConfusion {
  const pairs: BandPair[] = [];
  let skipped = 0;
  let directionAsked = 0;
  let directionWrong = 0;
  for (const a of attempts) {
    if (a.exercise !== 'eq-boost') continue;
    const pair = pairOf(a);
    if (!pair) {
      skipped++;
      continue;
    }
    pairs.push(pair);
    if (pair.asked) directionAsked++;
    if (pair.directionWrong) directionWrong++;
  }
  const octave = buildMatrix('octave', pairs);
  const third = buildMatrix('third', pairs);
  const mixUps = [...mixUpsOf(octave), ...mixUpsOf(third)]
    .sort((x, y) => y.count - x.count || y.count / y.ofPlayed - x.count / x.ofPlayed)
    .slice(0, 3);
  return { octave, third, mixUps, directionAsked, directionWrong, skipped };
}
