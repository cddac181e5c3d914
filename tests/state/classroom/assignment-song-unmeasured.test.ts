import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Assignment } from '../../../src/classroom/assignment';
import { songHashOf } from '../../../src/classroom/imported-song-hash';
import { encodeWav } from '../../../src/dsp/wav';

// The import runs here in Node (our WAV decoder) with fake-indexeddb behind database().
const { importAssignmentSong } = await import('../../../src/state/classroom/assignment-song');
const { importAudioFiles } = await import('../../../src/state/library/import-audio');
const { drillSongOf } = await import('../../../src/state/library/drill-songs');
const { database } = await import('../../../src/state/shared/storage');
const { listSongs } = await import('../../../src/storage/songs');

const RATE = 8000;
const tone = (seconds: number, hz: number) =>
  Float32Array.from(
    { length: Math.round(seconds * RATE) },
    (_, i) => 0.3 * Math.sin((2 * Math.PI * hz * i) / RATE),
  );
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

function songOf(seconds: number, name: string) {
  const bytes = [
    new Uint8Array(encodeWav([tone(seconds, 110)], RATE)),
    new Uint8Array(encodeWav([tone(seconds, 440)], RATE)),
  ];
  const assignment: Assignment = {
    version: 1,
    id: `song-${name}`,
    title: 'On our song',
    instructions: '',
    items: [{ exercise: 'level-change', level: 1, seeds: [1] }],
    passMark: 50,
    createdAt: Date.UTC(2026, 0, 1),
    song: { hash: songHashOf(bytes.map(sha)), name, tracks: ['Bass', 'Keys'] },
  };
  const files = () => [new File([bytes[0]!], `${name}_Bass.wav`), new File([bytes[1]!], `${name}_Keys.wav`)];
  return { assignment, files };
}

const songCount = async () => (await listSongs(await database())).length;

afterEach(() => vi.unstubAllGlobals());

describe('an assignment’s song that drills cannot use', () => {
  it('a song too short for drills is not kept, and a retry stores no copy', async () => {
    const { assignment, files } = songOf(3, 'Short');
    const before = await songCount();
    const first = await importAssignmentSong(assignment, files());
    expect(first).toEqual({
      ok: false,
      error:
        '“Short” cannot be used in drills on this device: the song is shorter than 4 seconds. Nothing was kept.',
    });
    expect(await importAssignmentSong(assignment, files())).toEqual(first);
    expect(await songCount()).toBe(before);
  });

  // Last: the failed Worker stays failed for the rest of this file.
  it('a song that could not be measured is refused before it is stored, in plain words; retries store nothing', async () => {
    class FailingWorker {
      onerror: ((e: unknown) => void) | null = null;
      onmessage: unknown = null;
      postMessage() {
        queueMicrotask(() => this.onerror?.(new Error('out of memory')));
      }
      terminate() {}
    }
    vi.stubGlobal('Worker', FailingWorker);
    const { assignment, files } = songOf(5, 'Demo');
    const before = await songCount();
    const result = await importAssignmentSong(assignment, files());
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(
      /^Headroom could not measure this song for drills on this device/,
    );
    expect(await importAssignmentSong(assignment, files())).toEqual(result);
    expect(await songCount()).toBe(before);

    // The library's own import still keeps the song (the Mix page needs no summary), and Train says why
    // drills cannot use it: not "imported before songs could be used in drills".
    const kept = await importAudioFiles(files());
    expect(kept.ok).toBe(true);
    const stored = (await listSongs(await database())).find((s) => kept.ok && s.id === kept.song.id)!;
    expect(stored.drillSummary).toBeUndefined();
    const drill = drillSongOf(stored);
    expect(drill.usable).toBe(false);
    expect(!drill.usable && drill.reason).toMatch(
      /^Headroom could not measure it for drills when it imported your stems/,
    );
    expect(!drill.usable && drill.reason).not.toMatch(/imported before/);
  });
});
