import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { encodeWav } from '../../../src/dsp/wav';
import type { ImportLimits } from '../../../src/production/import/limits';

// The import runs here in Node for WAV files: our decoder, our resampler (no Worker, no browser decoder),
// and fake-indexeddb behind the app's database().
const { importAudioFiles } = await import('../../../src/state/library/import-audio');
const { database } = await import('../../../src/state/shared/storage');
const { getSong, listSongs } = await import('../../../src/storage/songs');

const RATE = 8000;
const LIMITS: ImportLimits = {
  maxSeconds: 2,
  maxFileBytes: 64 * 1024,
  maxTracks: 4,
  maxSongBytes: 1 << 20,
  silenceDb: -70,
};

function file(name: string, bytes: ArrayBuffer | Uint8Array) {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  return { name, size: data.length, arrayBuffer: async () => data.slice().buffer };
}

function tone(seconds: number, rate = RATE, hz = 500, amp = 0.5): Float32Array {
  return Float32Array.from(
    { length: Math.round(seconds * rate) },
    (_, i) => amp * Math.sin((2 * Math.PI * hz * i) / rate),
  );
}

const options = { limits: LIMITS, sampleRate: RATE, now: 1_700_000_000_000 };

describe('importAudioFiles (WAV, in Node)', () => {
  it('turns a set of stems into one song: names from the files, resampled, padded to one length', async () => {
    const result = await importAudioFiles(
      [
        file('Demo_Kick.wav', encodeWav([tone(0.5)], RATE)),
        file('Demo_Bass.wav', encodeWav([tone(0.25, 16000, 100), tone(0.25, 16000, 100)], 16000, 'pcm24')),
      ],
      options,
    );
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
    expect(result.song.name).toBe('Demo');
    expect(result.song.tracks).toEqual([
      { id: 'kick', name: 'Kick', channelCount: 1 },
      { id: 'bass', name: 'Bass', channelCount: 2 },
    ]);
    expect(result.song.sampleRate).toBe(RATE);
    expect(result.song.length).toBe(4000);
    const stored = await getSong(await database(), result.song.id);
    const bass = stored!.tracks[1]!.channels[0]!;
    // 0.25 s at 16 kHz became 2000 samples at 8 kHz, then silence to 4000.
    expect(bass.length).toBe(4000);
    expect(bass.subarray(2000).every((x) => x === 0)).toBe(true);
    // The resampled 100 Hz tone is where it should be (within 24-bit and filter error), away from the edges.
    for (const i of [400, 1000, 1600])
      expect(bass[i]!).toBeCloseTo(0.5 * Math.sin((2 * Math.PI * 100 * i) / RATE), 3);
  });

  it('stores nothing when one file of the set is bad, and names every bad file', async () => {
    const before = (await listSongs(await database())).length;
    const truncated = new Uint8Array(encodeWav([tone(0.2)], RATE)).subarray(0, 900);
    const result = await importAudioFiles(
      [
        file('good.wav', encodeWav([tone(0.2)], RATE)),
        file('cut.wav', truncated),
        file('blank.wav', encodeWav([new Float32Array(800)], RATE)),
        file('notes.txt', new TextEncoder().encode('not audio at all')),
      ],
      options,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.file, p.code])).toEqual([
      ['cut.wav', 'corrupt'],
      ['blank.wav', 'silent'],
      ['notes.txt', 'not-audio'],
    ]);
    expect((await listSongs(await database())).length).toBe(before);
  });

  it('refuses too many files or a too long one before storing anything', async () => {
    const five = Array.from({ length: 5 }, (_, i) => file(`t${i}.wav`, encodeWav([tone(0.1)], RATE)));
    const many = await importAudioFiles(five, options);
    expect(!many.ok && many.problems[0]?.code).toBe('too-many-tracks');
    const long = await importAudioFiles([file('long.wav', encodeWav([tone(2.5)], RATE))], options);
    expect(!long.ok && long.problems[0]?.message).toMatch(
      /^“long\.wav”: it is 3 s long; Headroom takes up to 2 s/,
    );
  });

  it('reads an undecodable FLAC as a problem for that file (no browser decoder here)', async () => {
    const flac = new Uint8Array([0x66, 0x4c, 0x61, 0x43, 0, 0, 0, 34, 1, 2, 3, 4, 5, 6, 7, 8]);
    const result = await importAudioFiles([file('take.flac', flac)], options);
    expect(!result.ok && result.problems[0]?.code).toBe('unsupported-codec');
    expect(!result.ok && result.problems[0]?.message).toMatch(
      /^“take\.flac”: this browser cannot decode FLAC/,
    );
  });
});
