/**
 * An imported song's drill summary and content hash, made once at import (src/exercises/shared/imported-song.ts):
 * each file's bytes hashed (SHA-256), each decoded track summarised. Runs in a Worker (seconds of work for a
 * long song), here where none starts.
 */
import type { ImportedSongSummary } from '../../exercises/shared/imported-song';
import { createWorkerCall } from '../shared/worker-call';
import { type SummaryJob, type SummaryReply, type SummaryRequest, summariseJob } from './import-summary-job';

const worker = createWorkerCall<SummaryRequest, Extract<SummaryReply, { type: 'done' }>, ImportedSongSummary>(
  () => new Worker(new URL('./import-summary.worker.ts', import.meta.url), { type: 'module' }),
  (reply) => reply.summary,
);

/** What the import says when the song could not be measured for drills. */
export const NOT_MEASURED =
  'Headroom could not measure this song for drills on this device (its measuring step stopped, perhaps for lack of memory: close other tabs and try again).';

/**
 * The summary, made in a Worker; here only where no Worker exists at all (Node tests). When the Worker fails
 * the work is not redone on the page (a long song's samples could freeze or crash it): it throws NOT_MEASURED.
 * The Worker is stopped after each call (it holds a track's samples; an import is rare).
 */
export async function summariseOffThread(job: SummaryJob): Promise<ImportedSongSummary> {
  const pending = worker.call(job);
  if (!pending) {
    // A browser whose Worker would not start: not measured here either.
    if (typeof Worker !== 'undefined') throw new Error(NOT_MEASURED);
    return summariseJob(job);
  }
  try {
    return await pending;
  } catch {
    throw new Error(NOT_MEASURED);
  } finally {
    worker.terminate();
  }
}
