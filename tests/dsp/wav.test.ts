import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/dsp/random';
import { decodeWav, encodeWav, type WavDecodeResult, type WavErrorCode } from '../../src/dsp/wav';

/** Little-endian byte writer for hand-built files. */
class Bytes {
  readonly out: number[] = [];
  ascii(s: string): this {
    for (const c of s) this.out.push(c.charCodeAt(0));
    return this;
  }
  u8(...v: number[]): this {
    for (const x of v) this.out.push(x & 0xff);
    return this;
  }
  u16(v: number): this {
    return this.u8(v, v >> 8);
  }
  u32(v: number): this {
    return this.u8(v, v >>> 8, v >>> 16, v >>> 24);
  }
  raw(v: ArrayLike<number>): this {
    for (let i = 0; i < v.length; i++) this.out.push((v[i] as number) & 0xff);
    return this;
  }
  build(): Uint8Array {
    return new Uint8Array(this.out);
  }
}

const GUID_TAIL = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71];

interface Spec {
  tag?: number;
  channels?: number;
  sampleRate?: number;
  bits?: number;
  extensible?: { validBits: number; subTag: number; guidTail?: number[] };
  data: number[];
  dataSize?: number;
  before?: Uint8Array; // chunks between "WAVE" and "fmt "
  between?: Uint8Array; // chunks between "fmt " and "data"
}

/** Builds a WAV file byte by byte, independently of encodeWav. */
function buildWav(spec: Spec): Uint8Array {
  const channels = spec.channels ?? 1;
  const bits = spec.bits ?? 16;
  const block = (channels * bits) / 8;
  const fmt = new Bytes()
    .u16(spec.extensible ? 0xfffe : (spec.tag ?? 1))
    .u16(channels)
    .u32(spec.sampleRate ?? 8000)
    .u32((spec.sampleRate ?? 8000) * block)
    .u16(block)
    .u16(bits);
  if (spec.extensible) {
    fmt.u16(22).u16(spec.extensible.validBits).u32(3).u16(spec.extensible.subTag);
    fmt.raw(spec.extensible.guidTail ?? GUID_TAIL);
  }
  const body = new Bytes().ascii('WAVE');
  if (spec.before) body.raw(spec.before);
  body.ascii('fmt ').u32(fmt.out.length).raw(fmt.out);
  if (spec.between) body.raw(spec.between);
  body
    .ascii('data')
    .u32(spec.dataSize ?? spec.data.length)
    .raw(spec.data);
  if (spec.data.length % 2 === 1) body.u8(0);
  return new Bytes().ascii('RIFF').u32(body.out.length).raw(body.out).build();
}

function expectOk(result: WavDecodeResult) {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result;
}

function expectError(result: WavDecodeResult, code: WavErrorCode): string {
  if (result.ok) throw new Error(`expected ${code}, got audio`);
  expect(result.error.code).toBe(code);
  expect(result.error.message.length).toBeGreaterThan(20);
  return result.error.message;
}

function randomSignal(seed: number, n: number): Float32Array {
  const rng = createRng(seed);
  const out = Float32Array.from({ length: n }, () => rng.range(-1, 1));
  out.set([1, -1, 0, 0.5, -0.5, 1 / 32768, -1 / 32768, 0.99999]);
  return out;
}

describe('encodeWav → decodeWav round trip', () => {
  const left = randomSignal(1, 2000);
  const right = randomSignal(2, 2000);
  const cases = [
    ['pcm16', 1 / 32768, 16],
    ['pcm24', 1 / 8388608, 24],
  ] as const;

  for (const [format, step, bits] of cases) {
    it(`${format}: stereo within one quantisation step (${step.toExponential(2)})`, () => {
      const r = expectOk(decodeWav(encodeWav([left, right], 44100, format)));
      expect(r.audio.sampleRate).toBe(44100);
      expect(r.source).toEqual({ encoding: 'pcm', bitsPerSample: bits });
      expect(r.audio.channels).toHaveLength(2);
      let worst = 0;
      r.audio.channels.forEach((ch, c) => {
        const src = c === 0 ? left : right;
        expect(ch.length).toBe(src.length);
        for (let i = 0; i < ch.length; i++)
          worst = Math.max(worst, Math.abs((ch[i] as number) - (src[i] as number)));
      });
      expect(worst).toBeLessThanOrEqual(step * (1 + 1e-6));
      expect(worst).toBeGreaterThan(step / 4); // it really is quantised, not float
    });
  }

  it('float32: exact, and keeps levels above full scale', () => {
    const hot = Float32Array.from([...left.subarray(0, 100), 2, -3.5, 1e-30]);
    const r = expectOk(decodeWav(encodeWav([hot], 48000, 'float32')));
    expect(r.source).toEqual({ encoding: 'float', bitsPerSample: 32 });
    expect(r.audio.channels[0]).toEqual(hot);
  });

  it('clamps integer formats to [−1, 1] and writes NaN as 0', () => {
    const r = expectOk(decodeWav(encodeWav([new Float32Array([1.5, -2, Number.NaN])], 8000)));
    expect(Array.from(r.audio.channels[0] as Float32Array)).toEqual([32767 / 32768, -1, 0]);
  });

  it('writes a plain 44-byte PCM header with an odd data chunk padded', () => {
    const buf = encodeWav([new Float32Array([0.5])], 22050, 'pcm24');
    const v = new DataView(buf);
    expect(buf.byteLength).toBe(44 + 3 + 1);
    expect(v.getUint32(4, true)).toBe(buf.byteLength - 8);
    expect([v.getUint16(20, true), v.getUint16(22, true), v.getUint32(24, true)]).toEqual([1, 1, 22050]);
    expect([v.getUint32(28, true), v.getUint16(32, true), v.getUint16(34, true)]).toEqual([22050 * 3, 3, 24]);
    expect(v.getUint32(40, true)).toBe(3);
    expect(expectOk(decodeWav(buf)).audio.channels[0]?.[0]).toBe(0.5);
  });

  it('rejects programming errors with RangeError', () => {
    expect(() => encodeWav([], 8000)).toThrow(RangeError);
    expect(() => encodeWav([new Float32Array(2), new Float32Array(3)], 8000)).toThrow(RangeError);
    expect(() => encodeWav([new Float32Array(2)], 0)).toThrow(RangeError);
  });
});

describe('decodeWav on hand-built files', () => {
  it('reads 24-bit PCM', () => {
    const data = [0xff, 0xff, 0x7f, 0x00, 0x00, 0x80, 0x01, 0x00, 0x00, 0xff, 0xff, 0xff, 0x00, 0x00, 0x40];
    const r = expectOk(decodeWav(buildWav({ bits: 24, data })));
    expect(Array.from(r.audio.channels[0] as Float32Array)).toEqual(
      [8388607 / 8388608, -1, 1 / 8388608, -1 / 8388608, 0.5].map(Math.fround),
    );
  });

  it('reads 32-bit integer PCM, stereo', () => {
    const data = new Bytes().u32(0x7fffffff).u32(0x80000000).u32(0x40000000).u32(0xc0000000).out;
    const r = expectOk(decodeWav(buildWav({ bits: 32, channels: 2, data })));
    expect(Array.from(r.audio.channels[0] as Float32Array)).toEqual([1, 0.5]); // 2^31−1 rounds to 1 in float32
    expect(Array.from(r.audio.channels[1] as Float32Array)).toEqual([-1, -0.5]);
  });

  it('reads 8-bit unsigned PCM', () => {
    const r = expectOk(decodeWav(buildWav({ bits: 8, data: [0, 128, 255, 64] })));
    expect(Array.from(r.audio.channels[0] as Float32Array)).toEqual([-1, 0, 127 / 128, -0.5]);
  });

  it('reads extensible PCM (24 valid bits in a 32-bit container) and extensible float', () => {
    const pcm = new Bytes().u32(0x40000000).u32(0xe0000000).out;
    const a = expectOk(
      decodeWav(buildWav({ bits: 32, extensible: { validBits: 24, subTag: 1 }, data: pcm })),
    );
    expect(Array.from(a.audio.channels[0] as Float32Array)).toEqual([0.5, -0.25]);
    const floats = new Uint8Array(new Float32Array([0.25, -0.75]).buffer);
    const b = expectOk(
      decodeWav(buildWav({ bits: 32, extensible: { validBits: 32, subTag: 3 }, data: [...floats] })),
    );
    expect(b.source.encoding).toBe('float');
    expect(Array.from(b.audio.channels[0] as Float32Array)).toEqual([0.25, -0.75]);
  });

  it('reads 64-bit float and turns non-finite samples into 0', () => {
    const data = new Uint8Array(new Float64Array([0.125, Number.NaN, Number.POSITIVE_INFINITY]).buffer);
    const r = expectOk(decodeWav(buildWav({ tag: 3, bits: 64, data: [...data] })));
    expect(Array.from(r.audio.channels[0] as Float32Array)).toEqual([0.125, 0, 0]);
  });

  it('skips unknown chunks, including odd-sized ones with their pad byte', () => {
    const list = new Bytes().ascii('LIST').u32(5).ascii('INFOx').u8(0).build();
    const junk = new Bytes().ascii('junk').u32(3).u8(1, 2, 3, 0).ascii('fact').u32(4).u32(2).build();
    const r = expectOk(decodeWav(buildWav({ before: list, between: junk, data: [0x00, 0x40, 0x00, 0xc0] })));
    expect(Array.from(r.audio.channels[0] as Float32Array)).toEqual([0.5, -0.5]);
  });

  it('reads a data chunk that comes before the fmt chunk, and a Uint8Array view at an offset', () => {
    const fmt = new Bytes().ascii('fmt ').u32(16).u16(1).u16(1).u32(8000).u32(16000).u16(2).u16(16).out;
    const file = new Bytes()
      .ascii('RIFF')
      .u32(0)
      .ascii('WAVE')
      .ascii('data')
      .u32(2)
      .u8(0x00, 0x20)
      .raw(fmt).out;
    const padded = new Uint8Array(file.length + 7);
    padded.set(file, 7);
    const r = expectOk(decodeWav(padded.subarray(7)));
    expect(r.audio.channels[0]?.[0]).toBe(0.25);
  });

  it('treats a data size of 0xFFFFFFFF as "to the end of the file"', () => {
    const r = expectOk(decodeWav(buildWav({ data: [0, 0x40, 0, 0x20], dataSize: 0xffffffff })));
    expect(Array.from(r.audio.channels[0] as Float32Array)).toEqual([0.5, 0.25]);
  });
});

describe('decodeWav errors', () => {
  const valid = new Uint8Array(encodeWav([randomSignal(3, 100)], 8000));

  it('truncated header', () => {
    expectError(decodeWav(valid.subarray(0, 8)), 'truncated');
    expect(expectError(decodeWav(valid.subarray(0, 20)), 'truncated')).toMatch(/format chunk/);
    expectError(decodeWav(valid.subarray(0, 39)), 'truncated');
    expectError(decodeWav(valid.subarray(0, 2)), 'truncated');
  });

  it('truncated data, with the numbers in the message', () => {
    const file = buildWav({ data: new Array(4000).fill(0), dataSize: 96000 });
    expect(expectError(decodeWav(file), 'truncated')).toBe(
      'This WAV file is truncated: the data chunk says 96000 bytes but only 4000 are present.',
    );
    expectError(decodeWav(valid.subarray(0, valid.length - 1)), 'truncated');
  });

  it('wrong magic', () => {
    const notRiff = valid.slice();
    notRiff.set([0x4a, 0x55, 0x4e, 0x4b]);
    expectError(decodeWav(notRiff), 'not-riff');
    const flac = new Bytes().ascii('fLaC').u32(0).u32(0).build();
    expect(expectError(decodeWav(flac), 'not-riff')).toMatch(/FLAC/);
    const avi = valid.slice();
    avi.set([0x41, 0x56, 0x49, 0x20], 8);
    expect(expectError(decodeWav(avi), 'not-wave')).toMatch(/AVI/);
    const rifx = valid.slice();
    rifx.set([0x52, 0x49, 0x46, 0x58]);
    expectError(decodeWav(rifx), 'unsupported-format');
  });

  it('5.1 channels', () => {
    const msg = expectError(
      decodeWav(buildWav({ channels: 6, data: new Array(24).fill(0) })),
      'too-many-channels',
    );
    expect(msg).toMatch(/6 channels/);
    expect(msg).toMatch(/mono or stereo/);
  });

  it('12-bit and 16-bit float', () => {
    expect(expectError(decodeWav(buildWav({ bits: 12, data: [0, 0] })), 'unsupported-bit-depth')).toMatch(
      /12-bit/,
    );
    expectError(decodeWav(buildWav({ tag: 3, bits: 16, data: [0, 0] })), 'unsupported-bit-depth');
  });

  it('ADPCM (format tag 2), an unknown extensible subformat, and a zero sample rate', () => {
    expect(expectError(decodeWav(buildWav({ tag: 2, bits: 4, data: [0, 0] })), 'unsupported-format')).toMatch(
      /ADPCM/,
    );
    const odd = { validBits: 16, subTag: 1, guidTail: [...GUID_TAIL.slice(0, 13), 0x72] };
    expectError(decodeWav(buildWav({ extensible: odd, data: [0, 0] })), 'unsupported-format');
    expectError(decodeWav(buildWav({ sampleRate: 0, data: [0, 0] })), 'unsupported-format');
  });

  it('zero-length data and a zero-byte file', () => {
    expectError(decodeWav(buildWav({ data: [] })), 'empty');
    expectError(decodeWav(new Uint8Array(0)), 'empty');
    expectError(decodeWav(buildWav({ channels: 2, data: [0, 0] })), 'empty'); // less than one frame
  });

  it('no fmt chunk, no data chunk', () => {
    const noFmt = new Bytes().ascii('RIFF').u32(14).ascii('WAVE').ascii('data').u32(2).u8(0, 0).build();
    expectError(decodeWav(noFmt), 'no-fmt');
    expectError(decodeWav(valid.subarray(0, 36)), 'no-data');
  });
});

describe('decodeWav fuzz', () => {
  it('never throws on 2000 seeded mutations of valid files, and every result is sane', () => {
    const rng = createRng(20240601);
    const list = new Bytes().ascii('LIST').u32(5).ascii('INFOx').u8(0).build();
    const bases = [
      new Uint8Array(encodeWav([randomSignal(4, 40), randomSignal(5, 40)], 44100)),
      new Uint8Array(encodeWav([randomSignal(6, 30)], 48000, 'float32')),
      buildWav({ bits: 24, channels: 2, before: list, data: new Array(60).fill(0).map((_, i) => i * 7) }),
      buildWav({ bits: 32, extensible: { validBits: 24, subTag: 1 }, data: new Array(64).fill(0x11) }),
    ];
    const interesting = [0, 1, 2, 3, 6, 8, 12, 16, 24, 32, 0xfffe, 0x7fffffff, 0xffffffff, 0x80000000];
    const outcomes = new Map<string, number>();
    for (let n = 0; n < 2000; n++) {
      const file = rng.pick(bases).slice();
      let bytes: Uint8Array = file;
      const kind = rng.int(0, 4);
      if (kind === 0) {
        for (let k = rng.int(1, 8); k > 0; k--) bytes[rng.int(0, bytes.length - 1)] = rng.int(0, 255);
      } else if (kind === 1) {
        bytes = bytes.subarray(0, rng.int(0, bytes.length));
      } else if (kind === 2) {
        const at = rng.int(0, 60);
        const v = rng.chance(0.5) ? rng.pick(interesting) : rng.int(0, 0xffffffff);
        new DataView(bytes.buffer).setUint32(at, v >>> 0, true);
        if (rng.chance(0.5)) new DataView(bytes.buffer).setUint16(at, v & 0xffff, true);
      } else if (kind === 3) {
        const at = rng.int(0, bytes.length);
        const extra = Uint8Array.from({ length: rng.int(1, 16) }, () => rng.int(0, 255));
        bytes = new Uint8Array([...bytes.subarray(0, at), ...extra, ...bytes.subarray(at)]);
      } else {
        const at = rng.int(0, bytes.length - 1);
        bytes = new Uint8Array([...bytes.subarray(0, at), ...bytes.subarray(at + rng.int(1, 12))]);
      }
      let result: WavDecodeResult;
      try {
        result = decodeWav(rng.chance(0.5) ? bytes : bytes.slice().buffer);
      } catch (e) {
        throw new Error(`mutation ${n} (kind ${kind}) threw: ${String(e)}`);
      }
      const key = result.ok ? 'ok' : result.error.code;
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
      if (result.ok) {
        const { channels, sampleRate } = result.audio;
        expect(channels.length === 1 || channels.length === 2).toBe(true);
        expect(sampleRate).toBeGreaterThanOrEqual(3000);
        for (const ch of channels) {
          expect(ch.length).toBe(channels[0]?.length);
          expect(ch.length).toBeGreaterThan(0);
          expect(ch.every(Number.isFinite)).toBe(true);
        }
      } else {
        expect(typeof result.error.message).toBe('string');
        expect(result.error.message.length).toBeGreaterThan(20);
      }
    }
    // The mutations must exercise both paths and several distinct errors.
    expect(outcomes.get('ok') ?? 0).toBeGreaterThan(200);
    expect(outcomes.size).toBeGreaterThanOrEqual(7);
  });
});
