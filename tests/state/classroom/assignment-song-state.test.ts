import { describe, expect, it } from 'vitest';
import type { Assignment } from '../../../src/classroom/assignment';
import { summaryDigest } from '../../../src/classroom/summary-digest';
import { summaryAsVersion } from '../../../src/exercises/shared/imported-song';
import {
  importAssignmentSong,
  songDecodesDifferently,
  songStateOf,
} from '../../../src/state/classroom/assignment-song';
import { hash, summary } from '../../exercises/imported-fixtures';

const onSong: Assignment = {
  version: 1,
  id: 'song-state',
  title: 'On our song',
  instructions: '',
  items: [{ exercise: 'level-change', level: 1, seeds: [1] }],
  passMark: 50,
  createdAt: Date.UTC(2026, 0, 1),
  song: {
    hash,
    name: summary.name,
    tracks: summary.tracks.map((t) => t.name),
    digest: summaryDigest(summary),
  },
};
const { song: _song, ...plain } = onSong;

describe('the assignment song’s state on the work page', () => {
  it('is “checking” (never “none”, which offers Start) before the look-up for this assignment finishes', () => {
    expect(songStateOf(onSong, 0, null)).toBe('checking');
    // A look-up finished for the placeholder assignment shown before the list loaded does not count.
    expect(songStateOf(onSong, 0, { assignment: plain, round: 0, found: null })).toBe('checking');
    // Nor one from before the last import.
    expect(songStateOf(onSong, 1, { assignment: onSong, round: 0, found: null })).toBe('checking');
    expect(songStateOf(onSong, 1, { assignment: onSong, round: 1, found: summary })).toBe('here');
    expect(songStateOf(onSong, 1, { assignment: onSong, round: 1, found: null })).toBe('missing');
    expect(songStateOf(plain, 0, null)).toBe('none');
  });

  it('knows when this device measured the song differently from the teacher’s', () => {
    expect(songDecodesDifferently(onSong, summary)).toBe(false);
    const apart = { ...summary, durationS: summary.durationS + 0.001 };
    expect(songDecodesDifferently(onSong, apart)).toBe(true);
    expect(songDecodesDifferently(onSong, null)).toBe(false);
    // An assignment made before the digest was carried: nothing to compare.
    const old = { ...onSong, song: { ...onSong.song!, digest: undefined } };
    expect(songDecodesDifferently(old, apart)).toBe(false);
    // A teacher on a Headroom whose summary was version 1 measured the same song the same way, with less.
    const byOlder = {
      ...onSong,
      song: { ...onSong.song!, digest: summaryDigest(summaryAsVersion(summary, 1)!) },
    };
    expect(songDecodesDifferently(byOlder, summary)).toBe(false);
    const olderApart = {
      ...onSong,
      song: { ...onSong.song!, digest: summaryDigest(summaryAsVersion(apart, 1)!) },
    };
    expect(songDecodesDifferently(olderApart, summary)).toBe(true);
    // This device's copy is still version 1 (being measured again) against a teacher's version 2 digest: the
    // teacher's re-check rebuilds version 1, so the student is not told the song decodes differently.
    expect(songDecodesDifferently(onSong, summaryAsVersion(summary, 1))).toBe(false);
  });
});

describe('checking the files of an assignment’s song', () => {
  it('reads one file at a time (never every file’s bytes at once)', async () => {
    let live = 0;
    let most = 0;
    const file = (name: string) => {
      const f = new File([new Uint8Array(64).fill(name.length)], name);
      return Object.assign(f, {
        arrayBuffer: async () => {
          live++;
          most = Math.max(most, live);
          const bytes = await Blob.prototype.arrayBuffer.call(f);
          await new Promise<void>((r) => setTimeout(r, 0));
          live--;
          return bytes;
        },
      });
    };
    const result = await importAssignmentSong(onSong, [file('a.wav'), file('bb.wav'), file('ccc.wav')]);
    expect(!result.ok && result.error).toMatch(/These are not the files of “Test song”/);
    expect(most).toBe(1);
  });
});
