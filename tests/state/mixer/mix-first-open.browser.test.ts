import { effect } from '@preact/signals';
import { AudioContext } from 'standardized-audio-context';
import { describe, expect, it, vi } from 'vitest';
import { awaitingSamples, loadSongChoice, rendering, SOURCE_RATE } from '../../../src/state/mixer/mix-songs';
import { createMixerModel } from '../../../src/state/mixer/mixer-model';
import type { FramedSource } from '../../../src/state/mixer/source-frames';
import { clearDrillStems, instrumentsForRender, storedSongStems } from '../../../src/state/shared/song-stems';
import { clearCachedAudio, stemWritesSettled } from '../../../src/state/shared/stem-cache';

const RATE = 8000;
const FRAMES = 4000;
const HEAD = 1000;

/** A tone, `length` samples of it. */
const tone = (length: number) =>
  Float32Array.from({ length }, (_, i) => 0.25 * Math.sin((2 * Math.PI * 220 * i) / RATE));

/** A song's first bars (HEAD samples of tone) in a programme FRAMES long, or the whole programme. */
function source(length: number): FramedSource {
  return {
    id: 'tone-song',
    title: 'Tone',
    sampleRate: RATE,
    frames: FRAMES,
    tracks: [{ id: 'keys', name: 'Keys', channels: [tone(length)], defaultFaderDb: 0 }],
  };
}

describe('the Mix page holds a song once and plays its first bars first', () => {
  it('a head source makes buffers as long as the programme, and the live mixer takes its samples over', async () => {
    const ctx = new AudioContext({ sampleRate: RATE });
    const once = createMixerModel({ holdOnce: true });
    const head = source(HEAD);
    await once.load(head);
    expect(once.transport.value.duration).toBeCloseTo(FRAMES / RATE, 6);
    const live = await once.attach(ctx);
    const channel = head.tracks[0]!.channels[0]!;
    // The track's samples are now the buffer's own (the programme's length: the head, then silence).
    expect(channel.length).toBe(FRAMES);
    expect(Array.from(channel.subarray(0, HEAD))).toEqual(Array.from(tone(HEAD)));
    expect(channel.subarray(HEAD).every((x) => x === 0)).toBe(true);
    expect(live.playingSource.tracks[0]!.channels[0]).toBe(channel);
    // A model that does not own its source leaves it as it was.
    const shared = createMixerModel();
    const kept = source(HEAD);
    await shared.load(kept);
    await shared.attach(ctx);
    expect(kept.tracks[0]!.channels[0]!.length).toBe(HEAD);
    once.detach();
    shared.detach();
    await ctx.close();
  });

  it('a song opened for the first time plays its first bars, synthesised, before the rest is made', async () => {
    await clearCachedAudio();
    clearDrillStems();
    const model = createMixerModel({ holdOnce: true });
    let readyWhileRendering = false;
    // Watched on every change, not polled: with fast stems the first bars can be ready for under 2 ms.
    const stopWatching = effect(() => {
      if (model.status.value === 'ready' && rendering.value) readyWhileRendering = true;
    });
    await loadSongChoice(model, 'electronic');
    stopWatching();
    // The first bars were playable while the rest was still being made.
    expect(readyWhileRendering).toBe(true);
    expect(model.status.value).toBe('ready');
    expect(rendering.value).toBe(false);
    const synthesised = model.source.value!;
    expect(synthesised.tracks.length).toBeGreaterThan(4);
    // This test server has no instrument bank: the synthesised song stays, and nothing is stored as sampled.
    expect(await instrumentsForRender()).toBeUndefined();
    await vi.waitFor(() => expect(awaitingSamples.value).toBe(false), { timeout: 10_000, interval: 5 });
    expect(model.source.value).toBe(synthesised);
    await stemWritesSettled();
    expect(
      await storedSongStems({ style: 'electronic', seed: 1, overrides: { bars: 8 } }, SOURCE_RATE),
    ).toBeNull();
    model.detach();
  }, 120_000);
});
