import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { summaryDigest } from '../../../src/classroom/summary-digest';
import { encodeWav } from '../../../src/dsp/wav';
import type { ImportedSongSummary } from '../../../src/exercises/shared/imported-song';

beforeAll(() => {
  vi.stubGlobal('navigator', { storage: { persist: async () => true } });
});

const RATE = 8000;
const tone = (seconds: number, hz: number) =>
  Float32Array.from(
    { length: Math.round(seconds * RATE) },
    (_, i) => 0.3 * Math.sin((2 * Math.PI * hz * i) / RATE),
  );

describe('the song digest from teacher to report', () => {
  it('the teacher’s assignment carries its digest, and the student’s report the digest of the student’s copy', async () => {
    const { importAudioFiles } = await import('../../../src/state/library/import-audio');
    const teacher = await import('../../../src/state/classroom/classroom-teacher');
    const student = await import('../../../src/state/classroom/classroom');
    const profiles = await import('../../../src/state/classroom/profiles');
    const files = [
      new File([encodeWav([tone(9, 110)], RATE)], 'Demo_Bass.wav'),
      new File([encodeWav([tone(9, 440)], RATE)], 'Demo_Keys.wav'),
    ];
    const imported = await importAudioFiles(files);
    if (!imported.ok) throw new Error(imported.problems.map((p) => p.message).join(' '));
    const summary = imported.song.drillSummary as ImportedSongSummary;
    const made = await teacher.createAssignment({
      title: 'On our song',
      instructions: '',
      items: [{ exercise: 'loudness', level: 1, count: 2 }],
      passMark: 50,
      due: '',
      lessons: [],
      songId: imported.song.id,
    });
    if (!made.ok) throw new Error(made.error);
    expect(made.assignment.song?.digest).toBe(summaryDigest(summary));
    expect(made.assignment.song?.digest).toMatch(/^[0-9a-f]{16}$/);

    // The same device plays the student (the song is here): the report names the song and its digest.
    const opened = student.readAssignment(teacher.shareAssignment(made.assignment, 'https://x.example').link);
    if (!opened.ok) throw new Error(opened.error);
    const ana = await profiles.createProfile('Ana', { activate: false });
    if (!ana.ok) throw new Error(ana.error);
    expect((await student.acceptAssignment(opened.assignment, ana.profile.id)).ok).toBe(true);
    const handed = await student.handInAssignment(student.studentAssignments.value[0]!.key, 'Ana');
    if (!handed.ok) throw new Error(handed.error);
    expect(handed.report.songHash).toBe(summary.hash);
    expect(handed.report.songDigest).toBe(summaryDigest(summary));
    // And the version of the summary that digest was made from (the teacher's re-check reads it).
    expect(handed.report.songSummaryVersion).toBe(summary.version);
  }, 30_000);
});
