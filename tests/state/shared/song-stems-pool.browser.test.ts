import { describe, expect, it } from 'vitest';
import { generateSong } from '../../../src/production/generate-song';
import { RENDER_VERSION, renderStemsSync } from '../../../src/production/render-stems';
import { renderInPool, stemWorkerCount } from '../../../src/state/shared/song-stems';

describe('stems rendered by a pool of Workers', () => {
  it('equal one render bit for bit (tracks split over 2 Workers, assembled on the page)', async () => {
    const source = { style: 'pop' as const, seed: 5, overrides: { bars: 2 } };
    const pooled = await renderInPool({ ...source, sampleRate: 8000 }, 2);
    const song = generateSong(source.seed, source.style, source.overrides);
    const one = renderStemsSync(song, { sampleRate: 8000, sampleBank: null });
    expect(pooled).not.toBeNull();
    expect(pooled?.renderVersion).toBe(RENDER_VERSION);
    expect(pooled?.tracks.map((t) => t.id)).toEqual(one.tracks.map((t) => t.id));
    one.tracks.forEach((t, k) => {
      const p = pooled?.tracks[k];
      expect(p?.defaultFaderDb).toBe(t.defaultFaderDb);
      expect(p?.channels[0]).toEqual(t.channels[0]);
    });
  });

  it('uses one Worker on 2 cores or fewer, at most 4, and leaves a core for the page', () => {
    expect([1, 2, 3, 4, 8, 16].map((c) => stemWorkerCount(c))).toEqual([1, 1, 2, 3, 4, 4]);
    expect(stemWorkerCount(Number.NaN)).toBe(1);
  });
});
