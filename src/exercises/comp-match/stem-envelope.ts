/**
 * Peak envelopes: how an imported stem travels inside a comp-match question. The compressor's detector
 * reads the peak of |x| per sample, so the block peaks at a lower rate keep what scoring needs, in a few kB.
 */
import type { SampleRate } from '../../dsp/units';
import type { PeakEnvelope } from './meta';

/** Default envelope rate: 2 kHz (0.5 ms blocks, finer than the fastest attack we offer). */
export const ENVELOPE_RATE: SampleRate = 2000;
const SILENT_BYTE = 255;
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
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (acc >> bits) & 255;
    }
  }
  return out;
}

/** The peak envelope of a (mono or multichannel) excerpt: max |x| over each block, in 0.5 dB steps. */
export function encodePeakEnvelope(
  channels: readonly Float32Array[],
  sampleRate: SampleRate,
  rate: SampleRate = ENVELOPE_RATE,
): PeakEnvelope {
  const length = channels.reduce((max, ch) => Math.max(max, ch.length), 0);
  const blocks = Math.ceil((length * rate) / sampleRate);
  const bytes = new Uint8Array(blocks);
  for (let k = 0; k < blocks; k++) {
    const from = Math.floor((k * sampleRate) / rate);
    const to = Math.min(length, Math.floor(((k + 1) * sampleRate) / rate));
    let peak = 0;
    for (const ch of channels) {
      for (let n = from; n < to; n++) {
        const v = Math.abs(ch[n] ?? 0);
        if (v > peak) peak = v;
      }
    }
    const halfSteps = peak > 0 ? Math.round(-40 * Math.log10(Math.min(1, peak))) : SILENT_BYTE;
    bytes[k] = Math.min(SILENT_BYTE, halfSteps);
  }
  return { sampleRate: rate, data: encodeBase64(bytes) };
}

/** The envelope back as a mono signal of peak amplitudes at the envelope's rate (feed it to the compressor). */
export function decodePeakEnvelope(envelope: PeakEnvelope): Float32Array {
  const bytes = decodeBase64(envelope.data);
  const out = new Float32Array(bytes.length);
  for (let k = 0; k < bytes.length; k++) {
    const b = bytes[k] as number;
    out[k] = b >= SILENT_BYTE ? 0 : 10 ** (-b / 40);
  }
  return out;
}
