/**
 * A teacher cannot assign the drills that need summary version 2 on a song imported before it: the assignment
 * is refused in the drill's own words; the drills that read only levels and spectra are still assigned.
 */
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { summaryAsVersion } from '../../../src/exercises/shared/imported-song';
import { bandTracks, summaryOf } from '../../exercises/imported-dynamics-fixtures';

beforeAll(() => {
  vi.stubGlobal('navigator', { storage: { persist: async () => true } });
});

describe('assignments on a song imported before summary version 2', () => {
  it('refuses comp-spot with the reason, and keeps level-change', async () => {
    const { noteImportedSong } = await import('../../../src/state/library/imported-songs');
    const teacher = await import('../../../src/state/classroom/classroom-teacher');
    const song = summaryOf('Band', bandTracks());
    const old = summaryAsVersion(song, 1)!;
    noteImportedSong({
      id: 'imp-old',
      name: 'Band',
      sampleRate: 12000,
      length: 16 * 12000,
      tracks: old.tracks.map((t) => ({ id: t.key, name: t.name, channelCount: 1 })),
      bytes: 0,
      createdAt: 1,
      drillSummary: old,
    });
    const draft = {
      title: 'On our song',
      instructions: '',
      passMark: 50,
      due: '',
      lessons: [],
      songId: 'imp-old',
    };
    const refused = await teacher.createAssignment({
      ...draft,
      items: [{ exercise: 'comp-spot', level: 1, count: 2 }],
    });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error).toMatch(
      /imported before Headroom measured .* import its stems again/,
    );
    const made = await teacher.createAssignment({
      ...draft,
      items: [{ exercise: 'level-change', level: 1, count: 2 }],
    });
    if (!made.ok) throw new Error(made.error);
    expect(made.assignment.song?.hash).toBe(song.hash);
  }, 30_000);
});
