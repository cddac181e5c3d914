import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { encodeWav } from '../../../src/dsp/wav';
import {
  type ImportedSongSummary,
  SUMMARY_VERSION,
  summaryAsVersion,
} from '../../../src/exercises/shared/imported-song';

// The import and the measuring again run here in Node (our WAV decoder, no Worker) with fake-indexeddb.
const { importAudioFiles } = await import('../../../src/state/library/import-audio');
const { refreshImportedSongs, importedSongs } = await import('../../../src/state/library/imported-songs');
const { needsRemeasure, remeasureOldSongs } = await import('../../../src/state/library/summary-upgrade');
const { dynamicsProblem } = await import('../../../src/exercises/shared/imported-song');
const { database } = await import('../../../src/state/shared/storage');
const { getSong, setDrillSummary } = await import('../../../src/storage/songs');

const RATE = 8000;
/** A plucked tone: notes every half second with gaps, so the newer measurements (notes, peaks) are not empty. */
const plucks = (seconds: number, hz: number) =>
  Float32Array.from({ length: Math.round(seconds * RATE) }, (_, i) => {
    const t = (i % (RATE / 2)) / RATE;
    return 0.4 * Math.exp(-t * 12) * Math.sin((2 * Math.PI * hz * i) / RATE);
  });

async function importSong(name: string) {
  const files = [
    new File([new Uint8Array(encodeWav([plucks(20, 110)], RATE))], `${name}_Bass.wav`),
    new File([new Uint8Array(encodeWav([plucks(20, 440)], RATE))], `${name}_Keys.wav`),
  ];
  const result = await importAudioFiles(files, { sampleRate: RATE });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.song;
}

describe('songs imported before the summary’s current version', () => {
  it('are measured again from their stored audio: the same summary as a new import, no new import needed', async () => {
    const song = await importSong('Old');
    const fresh = song.drillSummary as ImportedSongSummary;
    expect(fresh.version).toBe(SUMMARY_VERSION);
    // As an earlier Headroom stored it: version 1, without the measurements added since.
    const v1 = summaryAsVersion(fresh, 1);
    expect(v1?.version).toBe(1);
    await setDrillSummary(await database(), song.id, v1);
    await refreshImportedSongs();
    const listed = importedSongs.value.find((s) => s.id === song.id)!;
    expect(needsRemeasure(listed)).toBe(true);
    expect(dynamicsProblem(v1!)).toMatch(/measures it again from the stored stems/);

    await remeasureOldSongs();
    const again = importedSongs.value.find((s) => s.id === song.id)!;
    expect(needsRemeasure(again)).toBe(false);
    expect(again.drillSummary).toEqual(fresh);
    // The audio itself is untouched.
    expect((await getSong(await database(), song.id))?.tracks.map((t) => t.name)).toEqual(['Bass', 'Keys']);
  }, 60_000);

  it('a version-2 song gets version 3 (the comp-match loops) the same way', async () => {
    const song = await importSong('Two');
    const fresh = song.drillSummary as ImportedSongSummary;
    expect(fresh.version).toBe(3);
    expect(fresh.tracks.some((t) => (t.compLoops?.length ?? 0) > 0)).toBe(true);
    const v2 = summaryAsVersion(fresh, 2)!;
    expect(v2.tracks[0]).not.toHaveProperty('compLoops');
    await setDrillSummary(await database(), song.id, v2);
    await refreshImportedSongs();
    expect(needsRemeasure(importedSongs.value.find((s) => s.id === song.id)!)).toBe(true);
    await remeasureOldSongs();
    const again = importedSongs.value.find((s) => s.id === song.id)!;
    expect(needsRemeasure(again)).toBe(false);
    expect(again.drillSummary).toEqual(fresh);
  }, 60_000);

  it('a song whose stored tracks the old summary does not name is left as it was, and not tried again', async () => {
    const song = await importSong('Renamed');
    const v1 = summaryAsVersion(song.drillSummary as ImportedSongSummary, 1)!;
    const wrong = { ...v1, tracks: v1.tracks.map((t) => ({ ...t, name: `${t.name} (other)` })) };
    await setDrillSummary(await database(), song.id, wrong);
    await refreshImportedSongs();
    await remeasureOldSongs();
    const listed = importedSongs.value.find((s) => s.id === song.id)!;
    expect(listed.drillSummary).toEqual(wrong);
    expect(needsRemeasure(listed)).toBe(true);
  }, 60_000);
});
