import { describe, expect, it } from 'vitest';
import { decodeWav, encodeWav } from '../../../src/dsp/wav';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from '../../../src/production/import/limits';
import { sniffFile } from '../../../src/production/import/sniff';
import {
  checkDecoded,
  checkFileSet,
  checkSongBytes,
  sniffProblem,
  wavProblem,
} from '../../../src/production/import/validate';

const RATE = 8000;
/** Small limits so test files stay tiny: 1 s, 4 kB a file, 3 tracks, 64 kB a song. */
const SMALL: ImportLimits = {
  maxSeconds: 1,
  maxFileBytes: 4096,
  maxTracks: 3,
  maxSongBytes: 65536,
  silenceDb: -70,
};

function tone(seconds: number, amp = 0.5, hz = 440): Float32Array {
  return Float32Array.from(
    { length: Math.round(seconds * RATE) },
    (_, i) => amp * Math.sin((2 * Math.PI * hz * i) / RATE),
  );
}

const wav = (channels: Float32Array[], format: 'pcm16' | 'pcm24' | 'float32' = 'pcm16') =>
  new Uint8Array(encodeWav(channels, RATE, format));

/** Runs a file's bytes through the same checks the import does, up to the first problem. */
function verdict(name: string, bytes: Uint8Array, limits = SMALL) {
  const set = checkFileSet([{ name, size: bytes.length }], limits);
  if (set.length > 0) return set[0]!;
  const sniffed = sniffProblem(name, sniffFile(bytes.subarray(0, 16)));
  if (sniffed) return sniffed;
  const decoded = decodeWav(bytes);
  const problem = wavProblem(name, decoded);
  if (problem || !decoded.ok) return problem;
  return checkDecoded(name, decoded.audio, limits);
}

describe('a good file passes', () => {
  it('accepts mono and stereo WAVs in every sample format', () => {
    expect(verdict('kick.wav', wav([tone(0.2)]))).toBeNull();
    expect(verdict('mix.wav', wav([tone(0.05), tone(0.05, 0.3)], 'pcm24'))).toBeNull();
    expect(verdict('pad.wav', wav([tone(0.1, 2)], 'float32'))).toBeNull();
  });
});

describe('each bad file gets its own clear message, naming the file', () => {
  const good = wav([tone(0.2)]);
  it('truncated: the data chunk ends early → corrupt', () => {
    const p = verdict('bass.wav', good.subarray(0, good.length - 100));
    expect(p?.code).toBe('corrupt');
    expect(p?.message).toMatch(/^“bass\.wav”: the file is damaged or cut short\. .*truncated/);
  });
  it('truncated inside the header → corrupt', () => {
    expect(verdict('bass.wav', good.subarray(0, 30))?.code).toBe('corrupt');
  });
  it('wrong magic (RIFF → JUNK) with no other known type → not audio', () => {
    const bad = good.slice();
    bad.set([0x4a, 0x55, 0x4e, 0x4b], 0);
    const p = verdict('vox.wav', bad);
    expect(p?.code).toBe('not-audio');
    expect(p?.message).toMatch(/^“vox\.wav”: This is not a WAV file/);
  });
  it('RIFF but not WAVE → not audio', () => {
    const bad = good.slice();
    bad.set([0x41, 0x56, 0x49, 0x20], 8);
    expect(verdict('clip.wav', bad)?.code).toBe('not-audio');
  });
  it('5.1 (six channels) → too many channels', () => {
    const six = Array.from({ length: 6 }, () => tone(0.02));
    const p = verdict('surround.wav', wav(six));
    expect(p?.code).toBe('too-many-channels');
    expect(p?.message).toMatch(/6 channels/);
    // Decoded by the browser instead, the same rule applies.
    expect(checkDecoded('surround.flac', { sampleRate: RATE, channels: six }, SMALL)?.code).toBe(
      'too-many-channels',
    );
  });
  it('all zeros → silent; dither-level noise → silent with its level', () => {
    const zero = verdict('empty-take.wav', wav([new Float32Array(800)]));
    expect(zero?.code).toBe('silent');
    expect(zero?.message).toMatch(/every sample is zero/);
    const hiss = verdict('hiss.wav', wav([tone(0.1, 10 ** (-80 / 20))], 'float32'));
    expect(hiss?.code).toBe('silent');
    expect(hiss?.message).toMatch(/−?-?80 dBFS/);
    // Just above the threshold is fine.
    expect(verdict('quiet.wav', wav([tone(0.1, 10 ** (-60 / 20))], 'float32'))).toBeNull();
  });
  it('longer than the limit → too long, with both durations', () => {
    const p = verdict('song.wav', wav([tone(1.5)]), { ...SMALL, maxFileBytes: 1e6 });
    expect(p?.code).toBe('too-long');
    expect(p?.message).toBe(
      '“song.wav”: it is 2 s long; Headroom takes up to 1 s. Export a section of the song.',
    );
    expect(verdict('song.wav', wav([tone(0.99)]), { ...SMALL, maxFileBytes: 1e6 })).toBeNull();
  });
  it('bigger than the file limit → too big, before anything is read', () => {
    const p = checkFileSet([{ name: 'huge.wav', size: 5000 }], SMALL)[0];
    expect(p?.code).toBe('too-big');
    expect(p?.message).toMatch(/^“huge\.wav”: 5 kB is too big \(up to 4 kB a file\)/);
    expect(checkFileSet([{ name: 'ok.wav', size: 4096 }], SMALL)).toEqual([]);
  });
  it('more files than tracks allowed → too many tracks (one message for the set)', () => {
    const files = ['a', 'b', 'c', 'd'].map((n) => ({ name: `${n}.wav`, size: 100 }));
    const problems = checkFileSet(files, SMALL);
    expect(problems.map((p) => p.code)).toEqual(['too-many-tracks']);
    expect(problems[0]!.message).toMatch(/^4 files is too many for one song: Headroom takes up to 3 tracks/);
    expect(checkFileSet(files.slice(0, 3), SMALL)).toEqual([]);
    expect(checkFileSet([], SMALL)[0]?.code).toBe('no-files');
  });
  it('an empty file, and a WAV with an empty data chunk → empty', () => {
    expect(checkFileSet([{ name: 'zero.wav', size: 0 }], SMALL)[0]?.code).toBe('empty');
    const header = wav([new Float32Array(0).fill(0)].map(() => new Float32Array(0)));
    expect(verdict('nothing.wav', header)?.code).toBe('empty');
  });
  it('an unsupported WAV encoding (µ-law tag) → unsupported codec', () => {
    const bad = good.slice();
    new DataView(bad.buffer).setUint16(20, 7, true);
    const p = verdict('phone.wav', bad);
    expect(p?.code).toBe('unsupported-codec');
    expect(p?.message).toMatch(/µ-law/);
  });
  it('images, documents and text are "not audio", naming what they look like', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
    expect(sniffProblem('cover.wav', sniffFile(png))?.message).toBe(
      '“cover.wav”: this is not audio: it looks like a PNG image.',
    );
    const text = new TextEncoder().encode('These are my lyrics\n');
    expect(sniffProblem('lyrics.mp3', sniffFile(text))?.code).toBe('not-audio');
    expect(sniffProblem('x.mid', sniffFile(new TextEncoder().encode('MThd\0\0\0\u0006')))?.message).toMatch(
      /MIDI/,
    );
  });
  it('a song too big once decoded → one message for the set', () => {
    expect(checkSongBytes(65536, SMALL)).toBeNull();
    expect(checkSongBytes(65537, SMALL)?.code).toBe('too-much-audio');
  });
});

describe('sniffFile', () => {
  const head = (...bytes: (number | string)[]) =>
    new Uint8Array(bytes.flatMap((b) => (typeof b === 'string' ? [...b].map((c) => c.charCodeAt(0)) : [b])));
  it('tells WAV and the common audio containers apart', () => {
    expect(sniffFile(head('RIFF', 0, 0, 0, 0, 'WAVE'))).toEqual({ kind: 'wav' });
    const container = (h: Uint8Array) => {
      const s = sniffFile(h);
      return s.kind === 'audio' ? s.container : s.kind;
    };
    expect(container(head('fLaC', 0, 0, 0, 34))).toBe('flac');
    expect(container(head('OggS', 0, 2))).toBe('ogg');
    expect(container(head('ID3', 4, 0))).toBe('mp3');
    expect(container(head(0xff, 0xfb, 0x90, 0x64))).toBe('mp3');
    expect(container(head(0xff, 0xf1, 0x50, 0x80))).toBe('aac');
    expect(container(head(0, 0, 0, 0x20, 'ftypM4A '))).toBe('mp4');
    expect(container(head('FORM', 0, 0, 0, 0, 'AIFF'))).toBe('aiff');
    expect(container(head(0x1a, 0x45, 0xdf, 0xa3))).toBe('webm');
    expect(container(head(0x00, 0x01, 0x02, 0x03, 0x80, 0x90))).toBe('unknown');
  });
});

describe('the app’s limits', () => {
  it('are 10 minutes, 250 MB a file and 16 tracks', () => {
    expect(DEFAULT_IMPORT_LIMITS.maxSeconds).toBe(600);
    expect(DEFAULT_IMPORT_LIMITS.maxFileBytes).toBe(250 * 1024 * 1024);
    expect(DEFAULT_IMPORT_LIMITS.maxTracks).toBe(16);
  });
});
