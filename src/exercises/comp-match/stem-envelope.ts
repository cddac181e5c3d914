/**
 * Peak envelopes: how an imported stem's loop travels in a song's summary and in a comp-match question. The
 * compressor's detector reads the peak of |x| per sample, so the peak of each 0.5 ms block (2 kHz, finer than
 * the fastest attack offered) in 0.5 dB steps keeps what scoring needs. Stored losslessly in about 4.5 bits a
 * block: each step's change from the one before, zigzag-mapped and Rice-coded in runs of RUN blocks (each run
 * with its own 3-bit Rice parameter), base64. An 8 s loop of a busy part is about 12 kB.
 */
import type { Decibels, SampleRate } from '../../dsp/units';
import type { PeakEnvelope } from './meta';

/** Envelope rate: 2 kHz (0.5 ms blocks). */
export const ENVELOPE_RATE: SampleRate = 2000;
/** Level step of the envelope, dB. */
export const ENVELOPE_STEP_DB: Decibels = 0.5;
/** Steps below 0 dBFS at and past which a block is silence (−120 dB, the detector's floor). */
const SILENT_STEPS = 240;
/** Highest level kept, steps below 0 dBFS (negative: above full scale; a float stem may go there). */
const LOUDEST_STEPS = -48;
/** Blocks per Rice run. */
const RUN = 64;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 of bytes (pure: no btoa/Buffer). */
export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] as number;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!;
    out += b === undefined ? '=' : ALPHABET[(n >> 6) & 63]!;
    out += c === undefined ? '=' : ALPHABET[n & 63]!;
  }
  return out;
}

/** Decodes standard base64; characters outside the alphabet are skipped. */
export function decodeBase64(text: string): Uint8Array {
  const values: number[] = [];
  for (const ch of text) {
    const v = ALPHABET.indexOf(ch);
    if (v >= 0) values.push(v);
  }
  const out = new Uint8Array(Math.floor((values.length * 6) / 8));
  let bits = 0;
  let acc = 0;
  let j = 0;
  for (const v of values) {
    acc = ((acc << 6) | v) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (acc >> bits) & 255;
    }
  }
  return out;
}

/** The envelope's steps (0.5 dB below 0 dBFS, SILENT_STEPS for silence) of each block of a signal. */
export function envelopeSteps(
  channels: readonly Float32Array[],
  sampleRate: SampleRate,
  rate: SampleRate = ENVELOPE_RATE,
): Int16Array {
  const length = channels.reduce((max, ch) => Math.max(max, ch.length), 0);
  const blocks = Math.ceil((length * rate) / sampleRate);
  const steps = new Int16Array(blocks);
  for (let k = 0; k < blocks; k++) {
    const from = Math.floor((k * sampleRate) / rate);
    const to = Math.min(length, Math.floor(((k + 1) * sampleRate) / rate));
    let peak = 0;
    for (const ch of channels) {
      for (let n = from; n < Math.min(to, ch.length); n++) {
        const v = Math.abs(ch[n] as number);
        if (v > peak) peak = v;
      }
    }
    const s = peak > 0 ? Math.round((-20 * Math.log10(peak)) / ENVELOPE_STEP_DB) : SILENT_STEPS;
    steps[k] = Math.max(LOUDEST_STEPS, Math.min(SILENT_STEPS, s));
  }
  return steps;
}

/** Writes bits most significant first. */
class BitWriter {
  bytes: number[] = [];
  private acc = 0;
  private count = 0;
  write(value: number, bits: number): void {
    for (let b = bits - 1; b >= 0; b--) this.bit((value >> b) & 1);
  }
  bit(b: number): void {
    this.acc = (this.acc << 1) | b;
    if (++this.count === 8) {
      this.bytes.push(this.acc);
      this.acc = 0;
      this.count = 0;
    }
  }
  finish(): Uint8Array {
    if (this.count > 0) this.bytes.push(this.acc << (8 - this.count));
    return Uint8Array.from(this.bytes);
  }
}

const zigzag = (d: number) => (d >= 0 ? 2 * d : -2 * d - 1);
const unzigzag = (z: number) => (z % 2 === 0 ? z / 2 : -(z + 1) / 2);

/** Bits a run takes with Rice parameter k. */
function runBits(z: readonly number[], k: number): number {
  let bits = 0;
  for (const v of z) bits += (v >> k) + 1 + k;
  return bits;
}

/** Codes envelope steps (lossless). */
export function encodeSteps(steps: Int16Array, rate: SampleRate = ENVELOPE_RATE): PeakEnvelope {
  const w = new BitWriter();
  let prev = SILENT_STEPS;
  for (let r = 0; r < steps.length; r += RUN) {
    const z: number[] = [];
    for (let i = r; i < Math.min(steps.length, r + RUN); i++) {
      z.push(zigzag((steps[i] as number) - prev));
      prev = steps[i] as number;
    }
    let k = 0;
    for (let c = 1; c < 8; c++) if (runBits(z, c) < runBits(z, k)) k = c;
    w.write(k, 3);
    for (const v of z) {
      for (let q = v >> k; q > 0; q--) w.bit(1);
      w.bit(0);
      w.write(v & ((1 << k) - 1), k);
    }
  }
  return { sampleRate: rate, length: steps.length, data: encodeBase64(w.finish()) };
}

/** The peak envelope of a (mono or multichannel) signal, coded. */
export function encodePeakEnvelope(
  channels: readonly Float32Array[],
  sampleRate: SampleRate,
  rate: SampleRate = ENVELOPE_RATE,
): PeakEnvelope {
  return encodeSteps(envelopeSteps(channels, sampleRate, rate), rate);
}

const DAMAGED = 'The stem’s level outline in this question is damaged.';

/** Envelopes decoded lately, by their data (a question is checked many times while the learner turns knobs). */
const decoded = new Map<string, Int16Array>();
const DECODED_KEPT = 16;

/** The envelope's steps back (throws a plain sentence when the data is damaged); do not modify the result. */
export function decodeSteps(envelope: PeakEnvelope): Int16Array {
  const key = `${envelope.length}:${envelope.data}`;
  const hit = decoded.get(key);
  if (hit) return hit;
  const steps = decodeStepsFresh(envelope);
  decoded.set(key, steps);
  while (decoded.size > DECODED_KEPT) decoded.delete(decoded.keys().next().value as string);
  return steps;
}

function decodeStepsFresh(envelope: PeakEnvelope): Int16Array {
  const length = envelope.length;
  if (!(Number.isInteger(length) && length >= 0 && length <= 10_000_000) || typeof envelope.data !== 'string')
    throw new Error(DAMAGED);
  const bytes = decodeBase64(envelope.data);
  const total = bytes.length * 8;
  let pos = 0;
  const bit = () => {
    if (pos >= total) throw new Error(DAMAGED);
    const b = ((bytes[pos >> 3] as number) >> (7 - (pos & 7))) & 1;
    pos++;
    return b;
  };
  const read = (bits: number) => {
    let v = 0;
    for (let b = 0; b < bits; b++) v = (v << 1) | bit();
    return v;
  };
  const steps = new Int16Array(length);
  let prev = SILENT_STEPS;
  for (let r = 0; r < length; r += RUN) {
    const k = read(3);
    for (let i = r; i < Math.min(length, r + RUN); i++) {
      let q = 0;
      while (bit() === 1) if (++q > 2 * (SILENT_STEPS - LOUDEST_STEPS)) throw new Error(DAMAGED);
      const v = prev + unzigzag((q << k) | read(k));
      if (v < LOUDEST_STEPS || v > SILENT_STEPS) throw new Error(DAMAGED);
      steps[i] = v;
      prev = v;
    }
  }
  return steps;
}

/** The envelope back as a mono signal of peak amplitudes at the envelope's rate (feed it to the compressor). */
export function decodePeakEnvelope(envelope: PeakEnvelope): Float32Array {
  const steps = decodeSteps(envelope);
  const out = new Float32Array(steps.length);
  for (let k = 0; k < steps.length; k++) {
    const s = steps[k] as number;
    out[k] = s >= SILENT_STEPS ? 0 : 10 ** ((-s * ENVELOPE_STEP_DB) / 20);
  }
  return out;
}

/** The loudest block of an envelope, dBFS (−Infinity when silent). */
export function envelopePeakDb(envelope: PeakEnvelope): Decibels {
  let least = SILENT_STEPS;
  for (const s of decodeSteps(envelope)) least = Math.min(least, s);
  return least >= SILENT_STEPS ? Number.NEGATIVE_INFINITY : -least * ENVELOPE_STEP_DB;
}
