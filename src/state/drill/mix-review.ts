/**
 * The audio readings beside a graded mix's review: both mixes (or one soloed track of each) rendered and
 * read in a Worker (falling back to the main thread when no worker can start), the newest request winning.
 */
import type { SampleRate } from '../../dsp/units';
import { soloForMeasure } from '../../exercises/shared/play-solo';
import type { AbPair, SideSpec } from '../../exercises/shared/play-types';
import { createWorkerCall } from '../shared/worker-call';
import type { ReviewReadings } from './mix-review-read';

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

/** Why a reading was not made: a newer request came in while it waited (the UI ignores it). */
export class ReadingSuperseded extends Error {
  override readonly name = 'ReadingSuperseded';
  constructor() {
    super('A newer reading was asked for.');
  }
}

type Job = {
  request: Omit<MixReviewRequest, 'id'>;
  resolve: (r: ReviewReadings) => void;
  reject: (e: unknown) => void;
};
let running = false;
let next: Job | null = null;

function pump(): void {
  if (running || !next) return;
  const job = next;
  next = null;
  running = true;
  const pending = worker.call(job.request);
  (pending ? pending.catch(() => readHere(job.request)) : readHere(job.request))
    .then(job.resolve, job.reject)
    .finally(() => {
      running = false;
      pump();
    });
}

/**
 * Readings of a review pair's two mixes, or of the track called `solo` in each (a side without it reads
 * null). The samples are copied to the worker; a solo sends only the soloed track. One reading runs at a
 * time and only the newest request waits: one it replaces rejects with ReadingSuperseded, so clicking
 * through the solos never queues up renders.
 */
export function readReview(
  pair: AbPair,
  sampleRate: SampleRate,
  solo: string | null,
): Promise<ReviewReadings> {
  const request = { a: soloForMeasure(pair.a, solo), b: soloForMeasure(pair.b, solo), sampleRate };
  return new Promise<ReviewReadings>((resolve, reject) => {
    next?.reject(new ReadingSuperseded());
    next = { request, resolve, reject };
    pump();
  });
}
