/**
 * WAV decoding for imports without whole-file copies: the file is read a slice at a time and decoded
 * channel by channel by our own WAV reader (src/dsp/wav.ts, so every sample comes out exactly as
 * decodeWav gives it); each slice is resampled to the import rate (src/dsp/resample.ts on the slice
 * plus enough neighbours that every kept sample is bit for bit what resampling the whole channel gives)
 * and becomes a part of that channel's Blob at once (the samples then live in the browser's blob store,
 * not in this page). Runs in import-wav.worker.ts, or on the main thread where no Worker starts (Node).
 *
 * Peak memory for a file: a few slices, whatever its length.
 */
import { measurePeak } from '../../dsp/meters';
import { RESAMPLE_HALF_TAPS, resample, resampledLength } from '../../dsp/resample';
import type { SampleRate } from '../../dsp/units';
import { decodeWav, type WavDecodeResult } from '../../dsp/wav';
import type { ImportLimits } from '../../production/import/limits';
import type { ImportProblem } from '../../production/import/problems';
import { checkDecoded, wavProblem } from '../../production/import/validate';

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

/** Largest fmt chunk the slice reader copies (a plain one is 16 to 40 bytes). */
const MAX_FMT_BYTES = 1024;

/**
 * The plain layout (RIFF/WAVE, fmt before data, the data fully present), found by reading chunk headers
 * only; null for anything else, which is then decoded from the whole file so decodeWav words the problem.
 */
async function findLayout(bytes: ByteSource): Promise<Layout | null> {
  const head = await bytes.read(0, Math.min(bytes.size, 12));
  if (head.length < 12 || text(head, 0) !== 'RIFF' || text(head, 8) !== 'WAVE') return null;
  let fmt: Uint8Array | null = null;
  let pos = 12;
  while (pos + 8 <= bytes.size) {
    const header = await bytes.read(pos, pos + 8);
    const id = text(header, 0);
    const size = u32(header, 4);
    const body = pos + 8;
    if (id === 'data') {
      if (!fmt) return null;
      // A size of 0xFFFFFFFF (streaming writers) means "to the end of the file", as decodeWav reads it.
      const dataSize = size === 0xffffffff ? bytes.size - body : size;
      if (body + dataSize > bytes.size) return null;
      return { fmt, dataAt: body, dataSize };
    }
    if (id === 'fmt ' && !fmt) {
      if (size > MAX_FMT_BYTES || body + size > bytes.size) return null;
      fmt = new Uint8Array(8 + size + (size & 1));
      fmt.set(await bytes.read(pos, body + size));
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

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/**
 * Decodes a WAV file for import: checked as decodeWav and checkDecoded check it (same messages), every
 * channel at `rate`, one Blob each. Reads the file in slices and keeps a few slices in memory at a time.
 */
export async function decodeWavForImport(job: WavImportJob): Promise<WavImport> {
  const bytes = sourceOf(job.source);
  const layout = await findLayout(bytes);
  if (!layout || layout.dataSize <= (job.sliceBytes ?? SLICE_BYTES)) return decodeWhole(job, bytes);
  const { fmt, dataAt, dataSize } = layout;
  // The format, checked by decodeWav itself on the first few bytes of audio.
  const probe = decodeWav(piece(fmt, await bytes.read(dataAt, dataAt + Math.min(dataSize, 64))));
  if (!probe.ok) return refused(job.name, probe);
  const from = probe.audio.sampleRate;
  const to = job.rate;
  const channelCount = probe.audio.channels.length;
  const frameBytes = (probe.source.bitsPerSample / 8) * channelCount;
  const frames = Math.floor(dataSize / frameBytes);
  if (frames / from > job.limits.maxSeconds)
    return { ok: false, problem: checkLevels(job, from, frames, 1) as ImportProblem, tryBrowser: false };
  /** Input frames [start, end) of channel `c`, decoded by decodeWav. */
  const decode = async (c: number, start: number, end: number): Promise<Float32Array | WavRefused> => {
    const data = await bytes.read(dataAt + start * frameBytes, dataAt + end * frameBytes);
    const part = decodeWav(piece(fmt, data));
    return part.ok ? (part.audio.channels[c] as Float32Array) : refused(job.name, part);
  };
  const sliceFrames = Math.max(1, Math.floor((job.sliceBytes ?? SLICE_BYTES) / frameBytes));
  const outLength = from === to ? frames : resampledLength(frames, from, to);
  const out: Blob[] = [];
  let peak = 0;
  for (let c = 0; c < channelCount; c++) {
    const parts: Blob[] = [];
    if (from === to) {
      for (let start = 0; start < frames; start += sliceFrames) {
        const samples = await decode(c, start, Math.min(frames, start + sliceFrames));
        if (!(samples instanceof Float32Array)) return samples;
        peak = Math.max(peak, measurePeak(samples));
        parts.push(asBlob(samples));
      }
    } else {
      // Output sample n sits at input n·from/to: a slice starting at a multiple of from/g (g = gcd) lines
      // up with outputs starting at a multiple of to/g, with the same filter phases. Each slice brings
      // `margin` neighbours on either side (fewer only at the file's own ends, as the whole-channel
      // resampler has), so every output kept is computed from exactly the same samples.
      const g = gcd(from, to);
      const inStep = from / g;
      const outStep = to / g;
      // The resampler reads RESAMPLE_HALF_TAPS / (0.91 · min(1, to/from)) inputs each side: twice that is ample.
      const reach = Math.ceil((2 * RESAMPLE_HALF_TAPS) / Math.min(1, to / from)) + 2;
      const margin = Math.ceil(reach / inStep) * inStep;
      const outChunk = Math.max(1, Math.floor((sliceFrames * to) / from / outStep)) * outStep;
      let lastRead = 0;
      for (let n0 = 0; n0 < outLength; n0 += outChunk) {
        const n1 = Math.min(outLength, n0 + outChunk);
        const s = Math.max(0, (n0 / outStep) * inStep - margin);
        const e = Math.min(frames, Math.ceil(((n1 - 1) * from) / to) + 1 + RESAMPLE_HALF_TAPS + margin);
        const input = await decode(c, s, e);
        if (!(input instanceof Float32Array)) return input;
        // The peak counts each input sample once (slices overlap by their margins).
        peak = Math.max(peak, measurePeak(input, Math.max(0, lastRead - s)));
        lastRead = e;
        const local = resample(input, from, to);
        const offset = (s / inStep) * outStep;
        parts.push(asBlob(local.subarray(n0 - offset, n1 - offset)));
      }
    }
    out.push(new Blob(parts, { type: 'application/octet-stream' }));
  }
  const problem = checkLevels(job, from, frames, peak);
  if (problem) return { ok: false, problem, tryBrowser: false };
  return { ok: true, length: outLength, channels: out };
}
