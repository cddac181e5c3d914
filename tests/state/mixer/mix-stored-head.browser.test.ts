import { AudioContext } from 'standardized-audio-context';
import { describe, expect, it } from 'vitest';
import { generateSong } from '../../../src/production/generate-song';
import { stemsVersionFor } from '../../../src/production/render-version';
import {
  loadSongChoice,
  SONG_BARS,
  SONG_SEED,
  SOURCE_RATE,
  STORED_HEAD_SECONDS,
} from '../../../src/state/mixer/mix-songs';
import { createMixerModel, type MixSource } from '../../../src/state/mixer/mixer-model';
import { sourceFrames } from '../../../src/state/mixer/source-frames';
import { clearDrillStems } from '../../../src/state/shared/song-stems';
import { clearCachedAudio } from '../../../src/state/shared/stem-cache';
import { database } from '../../../src/state/shared/storage';
import { putCachedStems, stemCacheKey } from '../../../src/storage/stems';

// A stored song opens on its first seconds (read first from IndexedDB) and the whole song takes over as soon
// as it is read: Play is enabled before the whole song is off the disk, and what plays is the stored samples.

const SECONDS = 10;
const LENGTH = SECONDS * SOURCE_RATE;
/** A distinct value at each sample: a slow ramp, different per channel. */
const ramp = (k: number) => Float32Array.from({ length: LENGTH }, (_, i) => (k + 1) * 0.01 + i / LENGTH / 4);

describe('a stored song on the Mix page', () => {
  it('is ready on its first seconds, and the whole stored song takes over, samples unchanged', async () => {
    await clearCachedAudio();
    clearDrillStems();
    const song = generateSong(SONG_SEED, 'rock', { bars: SONG_BARS });
    const stored = [
      [ramp(0), ramp(1)],
      [ramp(2), ramp(3)],
    ];
    await putCachedStems(await database(), {
      key: stemCacheKey(song.id, stemsVersionFor(song, true), SOURCE_RATE),
      songId: song.id,
      sampleRate: SOURCE_RATE,
      length: LENGTH,
      tracks: [
        { id: 'bass', name: 'Bass', channels: stored[0]!, defaultFaderDb: -3 },
        { id: 'keys', name: 'Keys', channels: stored[1]!, defaultFaderDb: -6 },
      ],
    });
    const model = createMixerModel({ holdOnce: true });
    const loaded: MixSource[] = [];
    const stop = model.source.subscribe((s) => {
      if (s) loaded.push(s);
    });
    await loadSongChoice(model, 'rock');
    stop();
    // First the first seconds, as long as the whole song (silence after them), then the whole song.
    expect(loaded.length).toBe(2);
    const [head, whole] = loaded as [MixSource, MixSource];
    expect(head.tracks[0]!.channels[0]!.length).toBe(STORED_HEAD_SECONDS * SOURCE_RATE);
    expect(sourceFrames(head)).toBe(LENGTH);
    expect(whole.tracks[0]!.channels[0]!.length).toBe(LENGTH);
    expect(model.source.value).toBe(whole);
    expect(Array.from(whole.tracks[0]!.channels[0]!.subarray(LENGTH - 3))).toEqual(
      Array.from(stored[0]![0]!.subarray(LENGTH - 3)),
    );
    expect(model.transport.value.duration).toBeCloseTo(SECONDS, 6);
    expect(model.strips.value.map((s) => s.settings.value.faderDb)).toEqual([-3, -6]);
    // The engine plays the stored samples (held once: the track's channels are the buffers' own).
    const ctx = new AudioContext({ sampleRate: SOURCE_RATE });
    const live = await model.attach(ctx);
    // An engine built while the whole song was being read gets it a moment after it is ready (see attach).
    await new Promise((resolve) => setTimeout(resolve, 0));
    const playing = live.playingSource.tracks.flatMap((t) => t.channels);
    stored.flat().forEach((c, k) => {
      expect(playing[k]!.length).toBe(LENGTH);
      for (const i of [0, 1000, STORED_HEAD_SECONDS * SOURCE_RATE + 7, LENGTH - 1])
        expect(playing[k]![i]).toBe(c[i]);
    });
    model.detach();
    await ctx.close();
  }, 60_000);
});
