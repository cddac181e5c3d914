/**
 * The import's WAV reader (state/library/import-wav.ts) reads a file in slices, channel by channel, yet gives
 * exactly what decodeWav + checkDecoded give for the whole file: the same samples bit for bit, the same
 * problems word for word. Slices of 4 kB here (4 MB in the app) make every file take many slices.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/dsp/random';
import { resample } from '../../../src/dsp/resample';
import { decodeWav, encodeWav, type WavFormat } from '../../../src/dsp/wav';
import type { ImportLimits } from '../../../src/production/import/limits';
import { checkDecoded, wavProblem } from '../../../src/production/import/validate';
import { decodeWavForImport, type WavImport } from '../../../src/state/library/import-wav';

const SLICE = 4096;
const LIMITS: ImportLimits = {
  maxSeconds: 60,
  maxFileBytes: 64 << 20,
  maxTracks: 4,
  maxSongBytes: 256 << 20,
  silenceDb: -70,
};

function noise(length: number, seed: number, amp = 0.9): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length }, () => rng.range(-amp, amp));
}

/** A WAV with extra chunks around the audio: an odd-sized LIST before, a cue after. */
function withChunks(wav: ArrayBuffer, before: number, after = 0): Uint8Array {
  const src = new Uint8Array(wav);
  const extra = (id: string, size: number) => {
    const c = new Uint8Array(8 + size + (size & 1));
    for (let i = 0; i < 4; i++) c[i] = id.charCodeAt(i);
    new DataView(c.buffer).setUint32(4, size, true);
    c.fill(0x41, 8, 8 + size);
    return c;
  };
  // encodeWav writes RIFF header (12) + fmt (8 + 16) + data: insert between fmt and data, append after.
  const head = src.subarray(0, 36);
  const parts = [
    head,
    ...(before ? [extra('LIST', before)] : []),
    src.subarray(36),
    ...(after ? [extra('cue ', after)] : []),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

async function floats(blob: Blob): Promise<Uint32Array> {
  return new Uint32Array(await blob.arrayBuffer());
}

/** What the whole-file path gives: decodeWav, checkDecoded, then resampling to `rate`. */
function expected(bytes: Uint8Array, rate: number) {
  const result = decodeWav(bytes);
  if (!result.ok) return { problem: wavProblem('f.wav', result) };
  const problem = checkDecoded('f.wav', result.audio, LIMITS);
  if (problem) return { problem };
  const from = result.audio.sampleRate;
  return { channels: result.audio.channels.map((c) => (from === rate ? c : resample(c, from, rate))) };
}

async function compare(bytes: Uint8Array, rate: number, asBlob = true): Promise<WavImport> {
  const source = asBlob ? new Blob([bytes as Uint8Array<ArrayBuffer>]) : bytes.slice().buffer;
  const got = await decodeWavForImport({ source, name: 'f.wav', rate, limits: LIMITS, sliceBytes: SLICE });
  const want = expected(bytes, rate);
  if (want.problem) {
    expect(got.ok).toBe(false);
    expect(!got.ok && got.problem).toEqual(want.problem);
    return got;
  }
  if (!got.ok) throw new Error(got.problem.message);
  expect(got.channels).toHaveLength(want.channels!.length);
  for (const [c, channel] of want.channels!.entries()) {
    expect(got.length).toBe(channel.length);
    const bits = new Uint32Array(channel.buffer, channel.byteOffset, channel.length);
    const same = Buffer.from((await floats(got.channels[c]!)).buffer).equals(Buffer.from(bits.buffer));
    expect(same).toBe(true);
  }
  return got;
}

describe('the slice-by-slice WAV reader of imports', () => {
  const rate = 48000;
  const left = noise(rate / 2, 1);
  const right = noise(rate / 2, 2, 0.3);
  for (const format of ['pcm16', 'pcm24', 'float32'] as WavFormat[]) {
    it(`decodes ${format} stereo slice by slice exactly as decodeWav`, async () => {
      const wav = new Uint8Array(encodeWav([left, right], rate, format));
      expect(wav.length).toBeGreaterThan(20 * SLICE);
      await compare(wav, rate);
    });
  }

  it('skips chunks before and after the audio, odd sizes included, from a Blob or from bytes', async () => {
    const wav = withChunks(encodeWav([left.subarray(0, rate / 4)], rate, 'pcm24'), 1001, 77);
    await compare(wav, rate);
    await compare(wav, rate, false);
  });

  it('resamples 44.1 kHz channel by channel exactly as the whole-file path does', async () => {
    const wav = new Uint8Array(encodeWav([noise(44100 / 4, 3), noise(44100 / 4, 4)], 44100, 'pcm16'));
    const got = await compare(wav, rate);
    expect(got.ok && got.length).toBe(rate / 4);
  });

  for (const from of [96000, 32000, 22050, 8000, 44099]) {
    it(`resamples ${from} Hz to 48 kHz slice by slice, bit for bit as the whole channel`, async () => {
      const frames = Math.floor(from / 5);
      const wav = new Uint8Array(encodeWav([noise(frames, 8, 0.7)], from, 'pcm24'));
      const got = await compare(wav, rate);
      expect(got.ok && got.length).toBe(Math.round((frames * rate) / from));
    });
  }

  it('reads a data size of 0xFFFFFFFF (streaming writers) as "to the end of the file"', async () => {
    const wav = new Uint8Array(encodeWav([left, right], rate, 'pcm16'));
    new DataView(wav.buffer).setUint32(40, 0xffffffff, true);
    await compare(wav, rate);
  });

  it('finds the audio after a large chunk (70 kB) before it, same result', async () => {
    await compare(withChunks(encodeWav([left.subarray(0, rate / 10)], rate), 70_001), rate);
  });

  it('words damaged, too long and silent files exactly as the whole-file checks do', async () => {
    const good = new Uint8Array(encodeWav([left, right], rate, 'pcm16'));
    // Cut short inside the audio: decodeWav's "truncated" message.
    const cut = await compare(good.subarray(0, 50_000), rate);
    expect(!cut.ok && cut.problem.message).toMatch(/truncated/);
    // Longer than the limit: refused before any sample is decoded.
    const long = new Uint8Array(encodeWav([noise(3000 * 61, 5)], 3000, 'pcm16'));
    const tooLong = await compare(long, rate);
    expect(!tooLong.ok && tooLong.problem.code).toBe('too-long');
    // Quiet in both channels: the louder channel's level is the one named.
    const quiet = new Uint8Array(
      encodeWav([noise(rate / 4, 6, 0.0001), noise(rate / 4, 7, 0.0002)], rate, 'float32'),
    );
    const silent = await compare(quiet, rate);
    expect(!silent.ok && silent.problem.message).toMatch(/its loudest sample is -7\d dBFS/);
    // Quiet in one channel only: not silent.
    await compare(
      new Uint8Array(encodeWav([noise(rate / 4, 6, 0.0001), right.subarray(0, rate / 4)], rate, 'float32')),
      rate,
    );
    // A compressed WAV is left to the browser's decoder.
    const adpcm = good.slice(0, 30_000);
    new DataView(adpcm.buffer).setUint16(20, 2, true);
    const refused = await compare(adpcm, rate);
    expect(!refused.ok && refused.tryBrowser).toBe(true);
  });
});
