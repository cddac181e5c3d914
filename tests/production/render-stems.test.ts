import { describe, expect, it } from 'vitest';
import { generateSong, generateTestSong } from '../../src/production/generate-song';
import {
  isRenderAborted,
  RENDER_VERSION,
  RenderAbortedError,
  renderMix,
  renderStems,
  renderStemsSync,
  songSeconds,
} from '../../src/production/render-stems';
import { MIX_PEAK_DB, STEM_PEAK_DB } from '../../src/production/stem-levels';
import { STYLES } from '../../src/production/styles';
import { hashSamples, peak, rmsDb } from './spectrum-helpers';

const RATE = 16000;
const short = (seed: number, style: Parameters<typeof generateSong>[1]) =>
  generateSong(seed, style, { bars: 8 });

describe('renderStems', () => {
  it('is deterministic: two renders are bit-identical', async () => {
    const song = short(4, 'pop');
    const a = await renderStems(song, { sampleRate: RATE });
    const b = renderStemsSync(song, { sampleRate: RATE });
    expect(hashSamples(a.tracks.flatMap((t) => t.channels))).toBe(
      hashSamples(b.tracks.flatMap((t) => t.channels)),
    );
    expect(a.tracks.map((t) => t.defaultFaderDb)).toEqual(b.tracks.map((t) => t.defaultFaderDb));
  });

  it('changes when the song changes', () => {
    const only = (seed: number) =>
      generateSong(seed, 'pop', {
        bars: 8,
        mutedTracks: ['kick', 'snare', 'hats', 'perc', 'chords', 'keys', 'vocal'],
      });
    const a = renderStemsSync(only(4), { sampleRate: RATE });
    const b = renderStemsSync(only(5), { sampleRate: RATE });
    expect(hashSamples(a.tracks.flatMap((t) => t.channels))).not.toBe(
      hashSamples(b.tracks.flatMap((t) => t.channels)),
    );
  });

  it.each(STYLES.map((s) => s.id))(
    'gives every %s stem sound, peaks at −3 dBFS, no clipping, no DC offset',
    (style) => {
      const song = short(1, style);
      const stems = renderStemsSync(song, { sampleRate: RATE });
      expect(stems.songId).toBe(song.id);
      expect(stems.renderVersion).toBe(RENDER_VERSION);
      expect(stems.length).toBe(Math.ceil((songSeconds(song) + 1.5) * RATE));
      expect(stems.tracks.map((t) => t.id)).toEqual(song.tracks.map((t) => t.id));
      for (const t of stems.tracks) {
        const x = t.channels[0] as Float32Array;
        expect(t.channels).toHaveLength(1);
        expect(x.length).toBe(stems.length);
        expect(rmsDb(x), t.id).toBeGreaterThan(-40);
        expect(20 * Math.log10(peak(x))).toBeCloseTo(STEM_PEAK_DB, 3);
        expect(Number.isFinite(t.defaultFaderDb)).toBe(true);
        expect(t.activeRmsDb).toBeGreaterThanOrEqual(rmsDb(x) - 0.1);
        const dc = x.reduce((a, v) => a + v, 0) / x.length;
        expect(20 * Math.log10(Math.abs(dc) + 1e-12), `${t.id} DC offset`).toBeLessThan(rmsDb(x) - 30);
      }
      const mix = renderMix(stems);
      expect(20 * Math.log10(peak(mix))).toBeCloseTo(MIX_PEAK_DB, 0);
    },
  );

  it('applies faders in renderMix (a track 6 dB down, others muted at −∞)', () => {
    const stems = renderStemsSync(short(2, 'rock'), { sampleRate: RATE });
    const kick = stems.tracks.find((t) => t.id === 'kick');
    const faders = Object.fromEntries(stems.tracks.map((t) => [t.id, Number.NEGATIVE_INFINITY]));
    const mix = renderMix(stems, { ...faders, kick: -6 });
    expect(peak(mix)).toBeCloseTo(peak(kick?.channels[0] as Float32Array) * 10 ** (-6 / 20), 5);
  });

  it('leaves muted tracks out', () => {
    const stems = renderStemsSync(
      generateSong(3, 'electronic', { bars: 8, mutedTracks: ['vocal', 'lead'] }),
      {
        sampleRate: RATE,
      },
    );
    expect(stems.tracks.map((t) => t.id)).not.toContain('vocal');
    expect(stems.tracks).toHaveLength(7);
  });

  it('renders the pink-noise test song', () => {
    const stems = renderStemsSync(generateTestSong(1, { bars: 8 }), { sampleRate: RATE });
    expect(stems.tracks.map((t) => t.id)).toEqual(['noise']);
    expect(rmsDb(stems.tracks[0]?.channels[0] as Float32Array)).toBeGreaterThan(-20);
  });

  it('reports progress rising from 0 to 1', async () => {
    const seen: number[] = [];
    await renderStems(short(6, 'ballad'), { sampleRate: RATE }, undefined, (f) => seen.push(f));
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(1);
    expect(seen.length).toBeGreaterThan(9);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1] as number);
  });

  it('stops when aborted: before it starts, and half-way', async () => {
    await expect(renderStems(short(1, 'pop'), { sampleRate: RATE }, { aborted: true })).rejects.toThrow(
      RenderAbortedError,
    );
    const signal = { aborted: false };
    let last = 0;
    const pending = renderStems(short(1, 'pop'), { sampleRate: RATE }, signal, (f) => {
      last = f;
      if (f > 0.3) signal.aborted = true;
    });
    const error = await pending.catch((e: unknown) => e);
    expect(isRenderAborted(error)).toBe(true);
    expect(last).toBeLessThan(1);
    expect(() => renderStemsSync(short(1, 'pop'), { sampleRate: RATE }, { aborted: true })).toThrow(
      /aborted/,
    );
  });

  it('refuses a silly sample rate', () => {
    expect(() => renderStemsSync(short(1, 'pop'), { sampleRate: 100 })).toThrow(RangeError);
  });
});
