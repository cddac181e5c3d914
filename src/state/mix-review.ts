/**
 * The audio readings beside a graded mix's review: both mixes (or one soloed track of each) rendered and
 * read in a Worker (falling back to the main thread when no worker can start), the newest request winning.
 */
import type { SampleRate } from '../dsp/units';
import { soloForMeasure } from '../exercises/shared/play-solo';
import type { AbPair, SideSpec } from '../exercises/shared/play-types';
import type { ReviewReadings } from './mix-review-read';
import { createWorkerCall } from './worker-call';

export type { ReviewReadings } from './mix-review-read';

/** What the worker renders: the two sides at the tracks' rate. */
export interface MixReviewRequest {
  id: number;
  a: SideSpec | null;
  b: SideSpec | null;
  sampleRate: SampleRate;
}

/** The worker's answer. */
export type MixReviewReply =
  | { id: number; type: 'done'; readings: ReviewReadings }
  | { id: number; type: 'error'; message: string };

const worker = createWorkerCall<MixReviewRequest, Extract<MixReviewReply, { type: 'done' }>, ReviewReadings>(
  () => new Worker(new URL('./mix-review.worker.ts', import.meta.url), { type: 'module' }),
  (reply) => reply.readings,
);

async function readHere(r: Omit<MixReviewRequest, 'id'>): Promise<ReviewReadings> {
  const { readSides } = await import('./mix-review-read');
  return readSides(r.a, r.b, r.sampleRate);
}

/**
 * Readings of a review pair's two mixes, or of the track called `solo` in each (a side without it reads
 * null). The samples are copied to the worker; a solo sends only the soloed track.
 */
export function readReview(
  pair: AbPair,
  sampleRate: SampleRate,
  solo: string | null,
): Promise<ReviewReadings> {
  const request = { a: soloForMeasure(pair.a, solo), b: soloForMeasure(pair.b, solo), sampleRate };
  const pending = worker.call(request);
  return pending ? pending.catch(() => readHere(request)) : readHere(request);
}
