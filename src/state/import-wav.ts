/**
 * WAV decoding for imports without whole-file copies: the file is read a slice at a time and decoded
 * channel by channel by our own WAV reader (src/dsp/wav.ts, so every sample comes out exactly as
 * decodeWav gives it), each channel resampled to the import rate and handed over as its own Blob of
 * float32 samples at once (the samples then live in the browser's blob store, not in this page).
 * Runs in import-wav.worker.ts, or here on the main thread where no Worker starts (Node tests).
 *
 * Peak memory for a file: one channel at the file's rate, plus that channel at the import rate.
 */
import { measurePeak } from '../dsp/meters';
import { resample } from '../dsp/resample';
import type { SampleRate } from '../dsp/units';
import { decodeWav, type WavDecodeResult } from '../dsp/wav';
import type { ImportLimits } from '../production/import/limits';
import type { ImportProblem } from '../production/import/problems';
import { checkDecoded, wavProblem } from '../production/import/validate';

/** A decoded file: each channel's samples at the import rate, one Blob per channel. */
export interface WavChannels {
  ok: true;
  length: number;
  channels: Blob[];
}

/** A file that could not be used: the problem, and whether the browser's decoder may still read it. */
export interface WavRefused {
  ok: false;
  problem: ImportProblem;
  /** A WAV in a format our reader does not know (ADPCM, µ-law …): try the browser. */
  tryBrowser: boolean;
}

/** What decoding one WAV file for import gives. */
export type WavImport = WavChannels | WavRefused;

/** What to decode: the file (or its bytes), its name for messages, the import rate and limits. */
export interface WavImportJob {
  source: Blob | ArrayBuffer;
  name: string;
  rate: SampleRate;
  limits: ImportLimits;
  /** Bytes of sample data decoded at a time (tests use small slices). */
  sliceBytes?: number;
}

/** Bytes of a file's start searched for the format and data chunk headers. */
const HEAD_BYTES = 1 << 16;
/** Bytes of sample data decoded at a time. */
const SLICE_BYTES = 4 << 20;

interface ByteSource {
  size: number;
  read(start: number, end: number): Promise<Uint8Array>;
}

function sourceOf(source: Blob | ArrayBuffer): ByteSource {
  if (source instanceof ArrayBuffer)
    return { size: source.byteLength, read: async (s, e) => new Uint8Array(source, s, e - s) };
  return {
    size: source.size,
    read: async (s, e) => new Uint8Array(await source.slice(s, e).arrayBuffer()),
  };
}

const text = (b: Uint8Array, at: number) => String.fromCharCode(...b.subarray(at, at + 4));
const u32 = (b: Uint8Array, at: number) => new DataView(b.buffer, b.byteOffset + at, 4).getUint32(0, true);

/** Where the samples are: the whole fmt chunk (header, body, pad byte) and the data chunk's bytes. */
interface Layout {
  fmt: Uint8Array;
  dataAt: number;
  dataSize: number;
}

/**
 * The plain layout (RIFF/WAVE, fmt before data, both headers in the first HEAD_BYTES, the data fully
 * present); null for anything else, which is then decoded from the whole file so decodeWav words the problem.
 */
function findLayout(head: Uint8Array, fileSize: number): Layout | null {
  if (head.length < 12 || text(head, 0) !== 'RIFF' || text(head, 8) !== 'WAVE') return null;
  let fmt: Uint8Array | null = null;
  let pos = 12;
  while (pos + 8 <= head.length) {
    const id = text(head, pos);
    const size = u32(head, pos + 4);
    const body = pos + 8;
    if (id === 'data') {
      if (!fmt || size === 0xffffffff || body + size > fileSize) return null;
      return { fmt, dataAt: body, dataSize: size };
    }
    if (id === 'fmt ' && !fmt) {
      if (body + size > head.length) return null;
      fmt = new Uint8Array(8 + size + (size & 1));
      fmt.set(head.subarray(pos, body + size));
    }
    pos = body + size + (size & 1);
  }
  return null;
}

/** A small WAV holding the file's fmt chunk and `data`: decodeWav reads it exactly as it reads the file. */
function piece(fmt: Uint8Array, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + fmt.length + 8 + data.length);
  const view = new DataView(out.buffer);
  const put = (at: number, s: string) => {
    for (let i = 0; i < 4; i++) out[at + i] = s.charCodeAt(i);
  };
  put(0, 'RIFF');
  view.setUint32(4, out.length - 8, true);
  put(8, 'WAVE');
  out.set(fmt, 12);
  put(12 + fmt.length, 'data');
  view.setUint32(16 + fmt.length, data.length, true);
  out.set(data, 20 + fmt.length);
  return out;
}

function refused(name: string, result: WavDecodeResult): WavRefused {
  const problem = wavProblem(name, result) as ImportProblem;
  return { ok: false, problem, tryBrowser: problem.code === 'unsupported-codec' };
}

/** One channel as a Blob of float32 samples. */
const asBlob = (c: Float32Array) =>
  new Blob([c as Float32Array<ArrayBuffer>], { type: 'application/octet-stream' });

/** Checks length and silence from the loudest sample (the checks decodeWav's callers run), or null. */
function checkLevels(job: WavImportJob, sampleRate: number, frames: number, peak: number) {
  if (frames / sampleRate > job.limits.maxSeconds) {
    // Too long is told from the length alone: checkDecoded answers before it reads a sample.
    const lengthOnly = { length: frames } as Float32Array;
    return checkDecoded(job.name, { sampleRate, channels: [lengthOnly] }, job.limits);
  }
  // The loudest sample decides silence: a one-sample channel holding it reads the same to checkDecoded.
  return checkDecoded(job.name, { sampleRate, channels: [Float32Array.of(peak)] }, job.limits);
}

/** The whole file through decodeWav (layouts the slice reader does not take, and small files). */
async function decodeWhole(job: WavImportJob, bytes: ByteSource): Promise<WavImport> {
  const result = decodeWav(await bytes.read(0, bytes.size));
  if (!result.ok) return refused(job.name, result);
  const { sampleRate, channels } = result.audio;
  const frames = channels[0]?.length ?? 0;
  const peak = Math.max(...channels.map((c) => measurePeak(c)));
  const problem = checkLevels(job, sampleRate, frames, peak);
  if (problem) return { ok: false, problem, tryBrowser: false };
  const out: Blob[] = [];
  for (let c = 0; c < channels.length; c++) {
    const source = channels[c] as Float32Array;
    out.push(asBlob(sampleRate === job.rate ? source : resample(source, sampleRate, job.rate)));
  }
  return { ok: true, length: out[0] ? out[0].size / 4 : 0, channels: out };
}

/**
 * Decodes a WAV file for import: checked as decodeWav and checkDecoded check it (same messages), every
 * channel at `rate`, one Blob each. Reads the file in slices; holds one channel at a time.
 */
export async function decodeWavForImport(job: WavImportJob): Promise<WavImport> {
  const bytes = sourceOf(job.source);
  const head = await bytes.read(0, Math.min(bytes.size, HEAD_BYTES));
  const layout = findLayout(head, bytes.size);
  if (!layout || layout.dataAt + layout.dataSize <= HEAD_BYTES) return decodeWhole(job, bytes);
  const { fmt, dataAt, dataSize } = layout;
  // The format, checked by decodeWav itself on the first few bytes of audio.
  const probe = decodeWav(piece(fmt, await bytes.read(dataAt, dataAt + Math.min(dataSize, 64))));
  if (!probe.ok) return refused(job.name, probe);
  const sampleRate = probe.audio.sampleRate;
  const channelCount = probe.audio.channels.length;
  const frameBytes = (probe.source.bitsPerSample / 8) * channelCount;
  const frames = Math.floor(dataSize / frameBytes);
  const tooLong = frames / sampleRate > job.limits.maxSeconds;
  if (tooLong) return { ok: false, problem: checkLevels(job, sampleRate, frames, 1)!, tryBrowser: false };
  const sliceFrames = Math.max(1, Math.floor((job.sliceBytes ?? SLICE_BYTES) / frameBytes));
  const out: Blob[] = [];
  let peak = 0;
  for (let c = 0; c < channelCount; c++) {
    let channel: Float32Array | null = new Float32Array(frames);
    for (let start = 0; start < frames; start += sliceFrames) {
      const end = Math.min(frames, start + sliceFrames);
      const data = await bytes.read(dataAt + start * frameBytes, dataAt + end * frameBytes);
      const part = decodeWav(piece(fmt, data));
      if (!part.ok) return refused(job.name, part);
      channel.set(part.audio.channels[c] as Float32Array, start);
    }
    peak = Math.max(peak, measurePeak(channel));
    const atRate: Float32Array = sampleRate === job.rate ? channel : resample(channel, sampleRate, job.rate);
    channel = null;
    out.push(asBlob(atRate));
  }
  const problem = checkLevels(job, sampleRate, frames, peak);
  if (problem) return { ok: false, problem, tryBrowser: false };
  return { ok: true, length: (out[0]?.size ?? 0) / 4, channels: out };
}
