import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Assignment } from '../../../src/classroom/assignment';
import { songHashOf } from '../../../src/classroom/imported-song-hash';
import { encodeWav } from '../../../src/dsp/wav';

// The import runs here in Node (our WAV decoder and resampler, no Worker) with fake-indexeddb behind database().
const { assignmentSong, importAssignmentSong } = await import('../../../src/state/classroom/assignment-song');
const { database } = await import('../../../src/state/shared/storage');
const { listSongs } = await import('../../../src/storage/songs');

const RATE = 8000;

function tone(seconds: number, hz: number, amp = 0.3): Float32Array {
  return Float32Array.from(
    { length: Math.round(seconds * RATE) },
    (_, i) => amp * Math.sin((2 * Math.PI * hz * i) / RATE),
  );
}

const bytes = {
  bass: new Uint8Array(encodeWav([tone(5, 110)], RATE)),
  keys: new Uint8Array(encodeWav([tone(5, 440, 0.2)], RATE)),
};
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const hash = songHashOf([sha(bytes.bass), sha(bytes.keys)]);

const assignment: Assignment = {
  version: 1,
  id: 'song-check',
  title: 'On our song',
  instructions: '',
  items: [{ exercise: 'level-change', level: 1, seeds: [1, 2] }],
  passMark: 50,
  createdAt: Date.UTC(2026, 0, 1),
  song: { hash, name: 'Demo', tracks: ['Bass', 'Keys'] },
};

const songCount = async () => (await listSongs(await database())).length;

describe('importing an assignment’s song on the student’s device', () => {
  it('refuses files that are not the teacher’s before decoding them, naming the song and its tracks; nothing is stored', async () => {
    expect(await assignmentSong(assignment)).toBeNull();
    const changed = new Uint8Array(bytes.keys);
    changed[200] = (changed[200]! + 1) & 0xff; // one byte of one file differs
    const before = await songCount();
    const result = await importAssignmentSong(assignment, [
      new File([bytes.bass], 'Demo_Bass.wav'),
      new File([changed], 'Demo_Keys.wav'),
    ]);
    expect(result).toEqual({
      ok: false,
      error:
        'These are not the files of “Demo”: choose exactly the 2 stem files your teacher shared (Bass, Keys), unchanged. Nothing was imported.',
    });
    const short = await importAssignmentSong(assignment, [new File([bytes.bass], 'Demo_Bass.wav')]);
    expect(!short.ok && short.error).toMatch(/You chose 1 file; the song has 2\./);
    expect(await songCount()).toBe(before);
  });

  it('imports the right files (in any order), after which the song is found by its hash', async () => {
    const result = await importAssignmentSong(assignment, [
      new File([bytes.keys], 'Demo_Keys.wav'),
      new File([bytes.bass], 'Demo_Bass.wav'),
    ]);
    expect(result).toEqual({ ok: true });
    const song = await assignmentSong(assignment);
    expect(song?.hash).toBe(hash);
    expect(song?.tracks.map((t) => t.name).sort()).toEqual(['Bass', 'Keys']);
    // Choosing the files again imports nothing new.
    const count = await songCount();
    expect(
      await importAssignmentSong(assignment, [
        new File([bytes.bass], 'a.wav'),
        new File([bytes.keys], 'b.wav'),
      ]),
    ).toEqual({ ok: true });
    expect(await songCount()).toBe(count);
  });
});
