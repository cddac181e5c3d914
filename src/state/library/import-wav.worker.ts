import type { WorkerErrorReply } from '../shared/worker-call';
import { decodeWavForImport, type WavImport, type WavImportJob } from './import-wav';

/** A request to the WAV import worker. */
export interface WavImportRequest extends WavImportJob {
  id: number;
}

/** The WAV import worker's answer. */
export type WavImportReply = { id: number; type: 'done'; result: WavImport } | WorkerErrorReply;

// Decodes and resamples imported WAV files off the main thread (seconds of work and hundreds of MB for a
// long file): the page gets one Blob per channel, never the samples themselves.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WavImportRequest>) => void) | null;
  postMessage(message: WavImportReply): void;
};

scope.onmessage = (event: MessageEvent<WavImportRequest>) => {
  const { id, ...job } = event.data;
  decodeWavForImport(job).then(
    (result) => scope.postMessage({ id, type: 'done', result }),
    (error: unknown) =>
      scope.postMessage({
        id,
        type: 'error',
        message: error instanceof Error ? error.message : String(error),
      }),
  );
};
