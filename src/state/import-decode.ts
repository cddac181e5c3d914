import { resample } from '../dsp/resample';
import type { SampleRate } from '../dsp/units';
import type { DecodedAudio } from '../production/import/validate';

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

let worker: Worker | null = null;
let workerFailed = false;
let nextId = 1;
const waiting = new Map<number, { resolve: (c: Float32Array[]) => void; reject: (e: Error) => void }>();

function getWorker(): Worker | null {
  if (workerFailed || typeof Worker === 'undefined') return null;
  if (worker) return worker;
  try {
    worker = new Worker(new URL('./import-resample.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    workerFailed = true;
    return null;
  }
  worker.onmessage = (event: MessageEvent<ResampleReply>) => {
    const reply = event.data;
    const entry = waiting.get(reply.id);
    if (!entry) return;
    waiting.delete(reply.id);
    if (reply.type === 'done') entry.resolve(reply.channels);
    else entry.reject(new Error(reply.message));
  };
  worker.onerror = () => {
    workerFailed = true;
    worker?.terminate();
    worker = null;
    const pending = [...waiting.values()];
    waiting.clear();
    for (const entry of pending) entry.reject(new Error('worker failed'));
  };
  return worker;
}

/** Resamples with our own resampler, in a Worker when one starts (else here). The input is left intact. */
export function resampleInWorker(audio: DecodedAudio, to: SampleRate): Promise<DecodedAudio> {
  if (audio.sampleRate === to) return Promise.resolve(audio);
  const here = () => ({
    sampleRate: to,
    channels: audio.channels.map((c) => resample(c, audio.sampleRate, to)),
  });
  const w = getWorker();
  if (!w) return Promise.resolve(here());
  const id = nextId++;
  return new Promise<Float32Array[]>((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    w.postMessage({ id, channels: audio.channels, from: audio.sampleRate, to } satisfies ResampleRequest);
  }).then(
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
