import type { SampleRate } from './units';

/** Sample formats encodeWav can write. */
export type WavFormat = 'pcm16' | 'pcm24' | 'float32';

/** Why a WAV file could not be read. */
export type WavErrorCode =
  | 'not-riff'
  | 'not-wave'
  | 'no-fmt'
  | 'no-data'
  | 'unsupported-format'
  | 'unsupported-bit-depth'
  | 'too-many-channels'
  | 'truncated'
  | 'empty';

/** A decoding failure: a code for programs and a sentence for people. */
export interface WavError {
  code: WavErrorCode;
  message: string;
}

/** Decoded audio: one Float32Array per channel (1 or 2), nominally in [−1, 1]. */
export interface WavAudio {
  sampleRate: SampleRate;
  channels: Float32Array[];
}

/** What the file held before decoding, for display ("24-bit PCM"). */
export interface WavSource {
  encoding: 'pcm' | 'float';
  bitsPerSample: number;
}

/** The result of decodeWav: audio or a typed error, never an exception. */
export type WavDecodeResult =
  | { ok: true; audio: WavAudio; source: WavSource }
  | { ok: false; error: WavError };

const FORMAT_PCM = 1;
const FORMAT_FLOAT = 3;
const FORMAT_EXTENSIBLE = 0xfffe;
/** Bytes 2..15 of the KSDATAFORMAT_SUBTYPE_PCM / _IEEE_FLOAT GUIDs (bytes 0..1 carry the format tag). */
const SUBFORMAT_TAIL = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71];
const MIN_SAMPLE_RATE = 3000;
const MAX_SAMPLE_RATE = 768000;
const KNOWN_FORMATS: Record<number, string> = {
  2: 'Microsoft ADPCM',
  6: 'A-law',
  7: 'µ-law',
  17: 'IMA ADPCM',
  49: 'GSM 6.10',
  80: 'MPEG',
  85: 'MP3',
  255: 'AAC',
};

const BYTES: Record<WavFormat, number> = { pcm16: 2, pcm24: 3, float32: 4 };

function writeAscii(view: DataView, offset: number, text: string): void {
  for (let i = 0; i < text.length; i++) view.setUint8(offset + i, text.charCodeAt(i));
}

/**
 * Encodes channels (equal lengths) as a RIFF/WAVE file, interleaved. Integer formats clamp to
 * [−1, 1] and store round(x·2^(n−1)) limited to [−2^(n−1), 2^(n−1)−1]: decoding divides by 2^(n−1),
 * so a round trip is within one step and 1.0 becomes the top code. float32 keeps values as they
 * are (levels above full scale survive); NaN and ±Infinity become 0. Throws RangeError on
 * programming errors (no channels, unequal lengths, bad sample rate).
 */
export function encodeWav(
  channels: Float32Array[],
  sampleRate: SampleRate,
  format: WavFormat = 'pcm16',
): ArrayBuffer {
  const first = channels[0];
  if (!first) throw new RangeError('encodeWav needs at least one channel');
  if (channels.length > 0xffff) throw new RangeError('encodeWav: too many channels');
  if (channels.some((c) => c.length !== first.length))
    throw new RangeError('encodeWav: channels differ in length');
  if (!Number.isInteger(sampleRate) || sampleRate <= 0 || sampleRate > 0xffffffff) {
    throw new RangeError(`encodeWav: bad sample rate ${sampleRate}`);
  }
  const bytes = BYTES[format];
  const isFloat = format === 'float32';
  const frames = first.length;
  const blockAlign = channels.length * bytes;
  const dataBytes = frames * blockAlign;
  const fmtBytes = isFloat ? 18 : 16;
  // Non-PCM formats carry a 'fact' chunk with the frame count.
  const factBytes = isFloat ? 12 : 0;
  const headerBytes = 12 + 8 + fmtBytes + factBytes + 8;
  const padded = dataBytes + (dataBytes & 1);
  if (headerBytes - 8 + padded > 0xffffffff) throw new RangeError('encodeWav: audio too long for a WAV file');
  const buffer = new ArrayBuffer(headerBytes + padded);
  const view = new DataView(buffer);
  writeAscii(view, 0, 'RIFF');
  view.setUint32(4, headerBytes - 8 + padded, true);
  writeAscii(view, 8, 'WAVE');
  writeAscii(view, 12, 'fmt ');
  view.setUint32(16, fmtBytes, true);
  view.setUint16(20, isFloat ? FORMAT_FLOAT : FORMAT_PCM, true);
  view.setUint16(22, channels.length, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * blockAlign, true);
  view.setUint16(32, blockAlign, true);
  view.setUint16(34, bytes * 8, true);
  let pos = 36;
  if (isFloat) {
    view.setUint16(pos, 0, true);
    writeAscii(view, pos + 2, 'fact');
    view.setUint32(pos + 6, 4, true);
    view.setUint32(pos + 10, frames, true);
    pos += 14;
  }
  writeAscii(view, pos, 'data');
  view.setUint32(pos + 4, dataBytes, true);
  pos += 8;
  const full = 2 ** (bytes * 8 - 1);
  for (let i = 0; i < frames; i++) {
    for (const channel of channels) {
      const x = channel[i] as number;
      if (isFloat) {
        view.setFloat32(pos, Number.isFinite(x) ? x : 0, true);
      } else {
        const clamped = Number.isNaN(x) ? 0 : Math.max(-1, Math.min(1, x));
        const q = Math.max(-full, Math.min(full - 1, Math.round(clamped * full)));
        if (bytes === 2) {
          view.setInt16(pos, q, true);
        } else {
          view.setUint8(pos, q & 0xff);
          view.setUint8(pos + 1, (q >> 8) & 0xff);
          view.setUint8(pos + 2, (q >> 16) & 0xff);
        }
      }
      pos += bytes;
    }
  }
  return buffer;
}

function fail(code: WavErrorCode, message: string): WavDecodeResult {
  return { ok: false, error: { code, message } };
}

function ascii(bytes: Uint8Array, offset: number): string {
  return String.fromCharCode(...bytes.subarray(offset, offset + 4));
}

/** Names a few common non-WAV files from their first bytes, for a more useful message. */
function guessOtherType(bytes: Uint8Array): string | undefined {
  const head = ascii(bytes, 0);
  if (head === 'fLaC') return 'a FLAC file';
  if (head === 'OggS') return 'an Ogg file';
  if (head.startsWith('ID3') || (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0))
    return 'an MP3 file';
  if (head === 'FORM') return 'an AIFF file';
  if (ascii(bytes, 4) === 'ftyp') return 'an MP4/M4A file';
  return undefined;
}

interface FmtInfo {
  encoding: 'pcm' | 'float';
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
}

/** Reads and validates a fmt chunk body; returns the format or an error result. */
function parseFmt(view: DataView, bytes: Uint8Array, at: number, size: number): FmtInfo | WavDecodeResult {
  if (size < 16) {
    return fail(
      'no-fmt',
      `This WAV file's format chunk is damaged: it has ${size} bytes where at least 16 are needed.`,
    );
  }
  let tag = view.getUint16(at, true);
  const channels = view.getUint16(at + 2, true);
  const sampleRate = view.getUint32(at + 4, true);
  const bitsPerSample = view.getUint16(at + 14, true);
  if (tag === FORMAT_EXTENSIBLE) {
    if (size < 40 || view.getUint16(at + 16, true) < 22) {
      return fail(
        'unsupported-format',
        'This WAV file says it uses the extensible format, but its format chunk is too short to say which one.',
      );
    }
    const validBits = view.getUint16(at + 18, true);
    const tail = bytes.subarray(at + 26, at + 40);
    tag = view.getUint16(at + 24, true);
    if (!SUBFORMAT_TAIL.every((b, i) => tail[i] === b)) tag = -1;
    if (validBits > bitsPerSample) {
      return fail(
        'unsupported-bit-depth',
        `This WAV file is damaged: it says ${validBits} of its ${bitsPerSample}-bit samples are valid.`,
      );
    }
  }
  if (tag !== FORMAT_PCM && tag !== FORMAT_FLOAT) {
    const name = KNOWN_FORMATS[tag];
    const what = name
      ? `compressed as ${name}`
      : tag === -1
        ? 'in an unknown extensible format'
        : `in format ${tag}`;
    return fail(
      'unsupported-format',
      `This WAV file is ${what}, which Headroom cannot read. Export it again as 16- or 24-bit PCM WAV.`,
    );
  }
  if (channels === 0)
    return fail('unsupported-format', 'This WAV file is damaged: it says it has no channels.');
  if (channels > 2) {
    return fail(
      'too-many-channels',
      `This WAV file has ${channels} channels. Headroom imports mono or stereo files only: export a stereo mixdown or separate mono stems.`,
    );
  }
  if (sampleRate < MIN_SAMPLE_RATE || sampleRate > MAX_SAMPLE_RATE) {
    return fail(
      'unsupported-format',
      `This WAV file's sample rate is ${sampleRate} Hz; Headroom can use 3 kHz to 768 kHz.`,
    );
  }
  const encoding = tag === FORMAT_FLOAT ? 'float' : 'pcm';
  const supported = encoding === 'float' ? [32, 64] : [8, 16, 24, 32];
  if (!supported.includes(bitsPerSample)) {
    const kind = encoding === 'float' ? 'floating-point' : 'PCM';
    return fail(
      'unsupported-bit-depth',
      `This WAV file uses ${bitsPerSample}-bit ${kind} samples, which Headroom cannot read. Export it again as 16- or 24-bit PCM WAV.`,
    );
  }
  return { encoding, channels, sampleRate, bitsPerSample };
}

/** Reads one sample at `pos` as a float. */
function readSample(view: DataView, pos: number, fmt: FmtInfo): number {
  if (fmt.encoding === 'float') {
    const x = fmt.bitsPerSample === 32 ? view.getFloat32(pos, true) : view.getFloat64(pos, true);
    return Number.isFinite(x) ? x : 0;
  }
  switch (fmt.bitsPerSample) {
    case 8:
      return (view.getUint8(pos) - 128) / 128;
    case 16:
      return view.getInt16(pos, true) / 32768;
    case 24: {
      const u = view.getUint8(pos) | (view.getUint8(pos + 1) << 8) | (view.getInt8(pos + 2) << 16);
      return u / 8388608;
    }
    default:
      return view.getInt32(pos, true) / 2147483648;
  }
}

/**
 * Decodes a WAV file: PCM 8/16/24/32-bit, float 32/64, mono or stereo, plain or extensible.
 * Skips unknown chunks, honours odd-size padding, and returns a typed error (never throws) for
 * anything else, including a data chunk shorter than its header declares. A data size of
 * 0xFFFFFFFF (streaming writers) means "to the end of the file".
 */
export function decodeWav(data: ArrayBuffer | Uint8Array): WavDecodeResult {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = bytes.length;
  if (length === 0) return fail('empty', 'This file is empty (0 bytes).');
  const magic = ascii(bytes, 0);
  if (magic === 'RIFX' || magic === 'RF64') {
    const why = magic === 'RIFX' ? 'a big-endian WAV (RIFX)' : 'an RF64 (very large) WAV';
    return fail(
      'unsupported-format',
      `This file is ${why}, which Headroom cannot read. Export it again as a standard WAV.`,
    );
  }
  if (magic !== 'RIFF') {
    if (length < 4 && 'RIFF'.startsWith(magic)) {
      return fail(
        'truncated',
        `This WAV file is truncated: it ends after ${length} bytes, inside its header.`,
      );
    }
    const other = guessOtherType(bytes);
    const hint = other ? ` It looks like ${other}.` : '';
    return fail('not-riff', `This is not a WAV file: it does not start with "RIFF".${hint}`);
  }
  if (length < 12)
    return fail('truncated', `This WAV file is truncated: it ends after ${length} bytes, inside its header.`);
  const form = ascii(bytes, 8).replace(/[^\x20-\x7e]/g, '?');
  if (form !== 'WAVE')
    return fail('not-wave', `This is a RIFF file of type "${form}", not a WAV (WAVE) file.`);

  let fmt: FmtInfo | undefined;
  let dataAt = -1;
  let dataSize = 0;
  let pos = 12;
  while (pos < length && (fmt === undefined || dataAt < 0)) {
    if (pos + 8 > length) {
      return fail('truncated', `This WAV file is truncated: it ends inside a chunk header at byte ${pos}.`);
    }
    const id = ascii(bytes, pos);
    const size = view.getUint32(pos + 4, true);
    const body = pos + 8;
    if (id === 'data' && dataAt < 0) {
      dataAt = body;
      dataSize = size === 0xffffffff ? length - body : size;
      if (body + dataSize > length) {
        return fail(
          'truncated',
          `This WAV file is truncated: the data chunk says ${dataSize} bytes but only ${length - body} are present.`,
        );
      }
    } else if (id === 'fmt ' && fmt === undefined) {
      if (body + size > length) {
        return fail(
          'truncated',
          `This WAV file is truncated: it ends inside its format chunk (at byte ${length}).`,
        );
      }
      const parsed = parseFmt(view, bytes, body, size);
      if ('ok' in parsed) return parsed;
      fmt = parsed;
    }
    const span = dataAt === body ? dataSize : size;
    pos = body + span + (span & 1);
  }
  if (fmt === undefined)
    return fail(
      'no-fmt',
      'This WAV file has no format chunk, so there is no way to know how to read its audio.',
    );
  if (dataAt < 0) return fail('no-data', 'This WAV file has no data chunk: it contains no audio.');

  const sampleBytes = fmt.bitsPerSample / 8;
  const frameBytes = sampleBytes * fmt.channels;
  const frames = Math.floor(dataSize / frameBytes);
  if (frames === 0) {
    const why =
      dataSize === 0
        ? 'its data chunk is empty'
        : `its data chunk holds only ${dataSize} bytes, less than one sample`;
    return fail('empty', `This WAV file contains no audio: ${why}.`);
  }
  const channels = Array.from({ length: fmt.channels }, () => new Float32Array(frames));
  let at = dataAt;
  for (let i = 0; i < frames; i++) {
    for (const channel of channels) {
      channel[i] = readSample(view, at, fmt);
      at += sampleBytes;
    }
  }
  return {
    ok: true,
    audio: { sampleRate: fmt.sampleRate, channels },
    source: { encoding: fmt.encoding, bitsPerSample: fmt.bitsPerSample },
  };
}
