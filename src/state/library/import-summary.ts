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

/** The summary, made in a Worker (here when none starts or it fails). */
export async function summariseOffThread(job: SummaryJob): Promise<ImportedSongSummary> {
  const pending = worker.call(job);
  if (!pending) return summariseJob(job);
  try {
    return await pending;
  } catch {
    return summariseJob(job);
  }
}
