/** A storage-full import says "Nothing was imported." once (the panel's heading), and the problem says why. */
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { encodeWav } from '../../../src/dsp/wav';

vi.mock('../../../src/storage/songs', async (original) => ({
  ...(await original<typeof import('../../../src/storage/songs')>()),
  addPackedSong: async () => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  },
}));

const { importAudioFiles } = await import('../../../src/state/library/import-audio');
const { leaveReasons } = await import('../../../src/state/shared/leave-guard');

describe('an import when storage is full', () => {
  it('gives one storage problem that says storage is full, without repeating "Nothing was imported."', async () => {
    const rate = 8000;
    const samples = Float32Array.from(
      { length: rate / 2 },
      (_, i) => 0.5 * Math.sin((2 * Math.PI * 440 * i) / rate),
    );
    const data = new Uint8Array(encodeWav([samples], rate));
    const importing = importAudioFiles(
      [{ name: 'Kick.wav', size: data.length, arrayBuffer: async () => data.slice().buffer }],
      {
        limits: {
          maxSeconds: 2,
          maxFileBytes: 64 * 1024,
          maxTracks: 4,
          maxSongBytes: 1 << 20,
          silenceDb: -70,
        },
        sampleRate: rate,
        now: 1_700_000_000_000,
      },
    );
    // Leaving mid-import asks first, until the import ends (here: refused by a full disk).
    expect(leaveReasons.value).toEqual(['a song is being imported']);
    const result = await importing;
    expect(leaveReasons.value).toEqual([]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]!.code).toBe('storage');
    expect(result.problems[0]!.message).toMatch(/^Storage is full/);
    expect(result.problems[0]!.message).not.toMatch(/Nothing was imported/);
  });
});
