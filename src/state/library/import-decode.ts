import { resample } from '../../dsp/resample';
import type { SampleRate } from '../../dsp/units';
import type { DecodedAudio } from '../../production/import/validate';
import { createWorkerCall } from '../shared/worker-call';
import { decodeWavForImport, type WavImport, type WavImportJob } from './import-wav';
import type { WavImportReply, WavImportRequest } from './import-wav.worker';

/**
 * The browser's half of importing audio: decoding what our WAV reader does not handle (FLAC, MP3,
 * Ogg, M4A … whatever this browser decodes) and converting sample rates. The browser's decoder
 * resamples to the rate of the context it decodes in, with a good band-limited resampler, so that is
 * the first choice; our own resampler (src/dsp/resample.ts), run in a Worker, covers what the browser
 * refuses to decode.
 */

/** A request to the resampling worker. */
export interface ResampleRequest {
  id: number;
  channels: Float32Array[];
  from: SampleRate;
  to: SampleRate;
}

/** The resampling worker's answer. */
export type ResampleReply =
  | { id: number; type: 'done'; channels: Float32Array[] }
  | { id: number; type: 'error'; message: string };

/** Decodes compressed or WAV audio with the browser at `sampleRate` (resampling as it decodes). Rejects when it cannot. */
export async function decodeWithBrowser(bytes: ArrayBuffer, sampleRate: SampleRate): Promise<DecodedAudio> {
  const { OfflineAudioContext } = await import('standardized-audio-context');
  const ctx = new OfflineAudioContext({ numberOfChannels: 1, length: 1, sampleRate });
  // decodeAudioData detaches what it is given: hand it a copy so the caller keeps its bytes.
  const buffer = await ctx.decodeAudioData(bytes.slice(0));
  return {
    sampleRate: buffer.sampleRate,
    channels: Array.from({ length: buffer.numberOfChannels }, (_, c) => buffer.getChannelData(c)),
  };
}

const worker = createWorkerCall<ResampleRequest, Extract<ResampleReply, { type: 'done' }>, Float32Array[]>(
  () => new Worker(new URL('./import-resample.worker.ts', import.meta.url), { type: 'module' }),
  (reply) => reply.channels,
);

/** Resamples with our own resampler, in a Worker when one starts (else here). The input is left intact. */
export function resampleInWorker(audio: DecodedAudio, to: SampleRate): Promise<DecodedAudio> {
  if (audio.sampleRate === to) return Promise.resolve(audio);
  const here = () => ({
    sampleRate: to,
    channels: audio.channels.map((c) => resample(c, audio.sampleRate, to)),
  });
  const pending = worker.call({ channels: audio.channels, from: audio.sampleRate, to });
  if (!pending) return Promise.resolve(here());
  return pending.then(
    (channels) => ({ sampleRate: to, channels }),
    () => here(),
  );
}

/** What this browser says about playing a MIME type ('' when it cannot). */
export function browserCanPlay(mime: string): boolean {
  if (typeof document === 'undefined') return false;
  try {
    return document.createElement('audio').canPlayType(mime) !== '';
  } catch {
    return false;
  }
}

const wavWorker = createWorkerCall<WavImportRequest, Extract<WavImportReply, { type: 'done' }>, WavImport>(
  () => new Worker(new URL('./import-wav.worker.ts', import.meta.url), { type: 'module' }),
  (reply) => reply.result,
);

/**
 * Decodes a WAV file for import in a Worker (here where none starts): the file goes over as a Blob
 * handle (bytes given as an ArrayBuffer are transferred, not copied) and comes back as one Blob per
 * channel at `rate`. A worker that fails mid-way is retried here once the bytes are still at hand.
 */
export async function decodeWavOffThread(job: WavImportJob): Promise<WavImport> {
  const transfer = job.source instanceof ArrayBuffer ? [job.source] : [];
  const pending = wavWorker.call(job, transfer);
  if (!pending) return decodeWavForImport(job);
  try {
    return await pending;
  } catch (error) {
    if (job.source instanceof ArrayBuffer && job.source.byteLength === 0) throw error;
    return decodeWavForImport(job);
  }
}
