import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { gainToDb } from '../../../src/dsp/db';
import { generateSong } from '../../../src/production/generate-song';
import { renderMix, renderStems } from '../../../src/production/render-stems';
import type { Stems } from '../../../src/production/types';
import { createArrangement } from '../../../src/state/produce/arrangement';
import { createArranger, type StemLoader } from '../../../src/state/produce/arranger';

/** FNV-1a over the raw sample bits of one stem. */
function hashSamples(samples: Float32Array): string {
  const words = new Uint32Array(samples.buffer, samples.byteOffset, samples.length);
  let h = 0x811c9dc5;
  for (const w of words) h = Math.imul(h ^ w, 0x01000193) >>> 0;
  return h.toString(16);
}
const hashes = (stems: Stems) =>
  Object.fromEntries(stems.tracks.map((t) => [t.id, hashSamples(t.channels[0]!)]));

/** A loader whose renders finish when the test says so. */
function manualLoader() {
  const calls: { songBpm: number | undefined; resolve: (s: Stems) => void; key: string }[] = [];
  const load: StemLoader = (source) =>
    new Promise<Stems>((resolve) => {
      const song = generateSong(source.seed, source.style, source.overrides);
      calls.push({ songBpm: source.overrides.bpm, resolve, key: song.id });
    });
  const finish = (i: number) => {
    const c = calls[i]!;
    c.resolve({ songId: c.key, renderVersion: 1, sampleRate: 8000, length: 8, tracks: [] });
  };
  return { load, calls, finish };
}

describe('arranger renders after a pause, and only the newest song', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('a run of edits inside the pause renders once, with the last edit', async () => {
    const { load, calls } = manualLoader();
    const a = createArranger({ load, initial: createArrangement('pop', 3) });
    a.setBpm(100);
    await vi.advanceTimersByTimeAsync(200);
    a.setBpm(101);
    await vi.advanceTimersByTimeAsync(200);
    a.setBpm(102);
    expect(a.render.value.status).toBe('waiting');
    await vi.advanceTimersByTimeAsync(299);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls.map((c) => c.songBpm)).toEqual([102]);
    expect(a.render.value.status).toBe('rendering');
    a.dispose();
  });

  it('shows progress after 200 ms, drops a stale result and renders the newest song next', async () => {
    const { load, calls, finish } = manualLoader();
    const a = createArranger({ load, initial: createArrangement('pop', 3) });
    a.activate();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(199);
    expect(a.render.value.slow).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(a.render.value.slow).toBe(true);
    a.setBpm(90); // arrives while the first render is under way
    await vi.advanceTimersByTimeAsync(300);
    expect(calls).toHaveLength(1); // one render at a time
    finish(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(a.stems.value).toBeNull(); // the first song is stale: never shown or played
    expect(calls.map((c) => c.songBpm)).toEqual([undefined, 90]);
    finish(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(a.stems.value?.songId).toBe(a.song.value.id);
    expect(a.render.value.status).toBe('ready');
    // Undoing back to a rendered song needs no render at all.
    a.toggleMute('bass');
    a.toggleMute('bass');
    expect(a.render.value.status).toBe('ready');
    await vi.advanceTimersByTimeAsync(400);
    expect(calls).toHaveLength(2);
    a.dispose();
  });
});

describe('stems follow the arrangement', () => {
  it('a drum edit changes the drum stems and leaves the other parts bit-identical; no edit, no change', async () => {
    const rendered: Stems[] = [];
    const load: StemLoader = async (source, rate) => {
      const song = generateSong(source.seed, source.style, source.overrides);
      const stems = await renderStems(song, { sampleRate: rate, tailSeconds: 0.2 });
      rendered.push(stems);
      return stems;
    };
    const run = async (edit: (a: ReturnType<typeof createArranger>) => void) => {
      const a = createArranger({
        load,
        debounceMs: 0,
        sampleRate: 8000,
        initial: createArrangement('rock', 5, 8),
      });
      edit(a);
      a.activate();
      await vi.waitFor(() => expect(a.render.value.status).toBe('ready'), { timeout: 20_000 });
      a.dispose();
      return hashes(a.stems.value!);
    };
    const plain = await run(() => {});
    const again = await run(() => {});
    const kickStep = await run((a) => {
      const row = a.song.value.arrangement.drumPattern.findIndex((r) => r.track === 'kick');
      const step = a.song.value.arrangement.drumPattern[row]!.steps.findIndex(
        (v, k) => v === 0 && k % 2 === 0,
      );
      a.toggleStep(row, step);
    });
    expect(again).toEqual(plain);
    expect(kickStep.kick).not.toBe(plain.kick);
    for (const id of ['bass', 'chords', 'keys', 'lead', 'vocal']) expect(kickStep[id]).toBe(plain[id]);
    expect(rendered).toHaveLength(3);
    // The rough mix Play previews (every stem at its default fader) peaks well clear of clipping.
    const mix = renderMix(rendered[0]!);
    const peakDb = gainToDb(mix.reduce((p, v) => Math.max(p, Math.abs(v)), 0));
    expect(peakDb).toBeLessThan(-5.5);
    expect(peakDb).toBeGreaterThan(-6.5);
  }, 30_000);
});

describe('arranger undo and redo', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('takes edits back in order and makes them again; a tempo drag is one step; opening another starts afresh', async () => {
    const { load } = manualLoader();
    const start = createArrangement('pop', 3);
    const a = createArranger({ load, initial: start });
    expect(a.canUndo.value).toBe(false);
    for (const bpm of [100, 101, 102, 103]) {
      a.setBpm(bpm);
      await vi.advanceTimersByTimeAsync(50);
    }
    await vi.advanceTimersByTimeAsync(1000);
    a.setBars(16);
    a.toggleMute('lead');
    expect(a.spec.value.mutedTracks).toContain('lead');
    expect(a.undo()).toBe(true);
    expect(a.spec.value.mutedTracks ?? []).not.toContain('lead');
    expect(a.undo()).toBe(true);
    expect(a.spec.value.bars).toBe(start.bars);
    expect(a.spec.value.bpm).toBe(103);
    // The four tempo changes, 50 ms apart, were one step.
    expect(a.undo()).toBe(true);
    expect(a.spec.value).toEqual(start);
    expect(a.undo()).toBe(false);
    expect(a.canRedo.value).toBe(true);
    expect(a.redo()).toBe(true);
    expect(a.spec.value.bpm).toBe(103);
    // A new edit drops what was undone.
    a.setStyle('rock');
    expect(a.canRedo.value).toBe(false);
    a.startNew('pop');
    expect(a.canUndo.value).toBe(false);
    a.dispose();
  });
});
