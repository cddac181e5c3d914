import { describe, expect, it } from 'vitest';
import { BEATS_PER_BAR } from '../../../src/production/events';
import { generateSong } from '../../../src/production/generate-song';
import { renderStemsSync } from '../../../src/production/render-stems';
import { installSampleBank } from '../../../src/production/sampler/sample-bank';
import { songHead } from '../../../src/production/song-head';
import type { Stems } from '../../../src/production/types';
import { levelLike } from '../../../src/state/mixer/head-levels';
import type { MixSource } from '../../../src/state/shared/test-sources';

const RATE = 8000;

const sourceOf = (stems: Stems): MixSource => ({
  id: stems.songId,
  title: 'song',
  sampleRate: stems.sampleRate,
  tracks: stems.tracks.map((t) => ({
    id: t.id,
    name: t.name,
    channels: t.channels.map((c) => Float32Array.from(c)),
    defaultFaderDb: t.defaultFaderDb,
  })),
});

/** Per track: the heard level change (dB) across the first `frames`, samples × starting fader, next vs playing. */
function heardChangesDb(playing: MixSource, next: MixSource, frames: number): number[] {
  return next.tracks.map((track, t) => {
    const was = playing.tracks[t]!;
    let a = 0;
    let b = 0;
    for (let c = 0; c < track.channels.length; c++)
      for (let i = 0; i < frames; i++) {
        a += was.channels[c]![i]! ** 2;
        b += track.channels[c]![i]! ** 2;
      }
    if (a === 0 && b === 0) return 0;
    return 10 * Math.log10(b / a) + track.defaultFaderDb - was.defaultFaderDb;
  });
}

describe('the first bars hand over to the whole song at the same loudness', () => {
  it.each(['pop', 'electronic'] as const)(
    '%s: every part sounds as loud after the hand-over as before',
    (style) => {
      installSampleBank(null);
      const song = generateSong(1, style, { bars: 8 });
      const frames = Math.floor(((2 * BEATS_PER_BAR * 60) / song.bpm) * RATE);
      const head = sourceOf(renderStemsSync(songHead(song, 2), { sampleRate: RATE }));
      const raw = sourceOf(renderStemsSync(song, { sampleRate: RATE }));
      // Levelled on their own, the parts jump at the hand-over (the reason for levelLike): several dB somewhere.
      const before = heardChangesDb(head, raw, frames);
      expect(Math.max(...before.map(Math.abs))).toBeGreaterThan(3);
      const whole = levelLike(head, sourceOf(renderStemsSync(song, { sampleRate: RATE })), frames);
      for (const change of heardChangesDb(head, whole, frames)) expect(Math.abs(change)).toBeLessThan(0.01);
      // Sample for sample the same music over the first bars (a part that differs only by a gain matches exactly).
      for (const [t, track] of whole.tracks.entries())
        for (let c = 0; c < track.channels.length; c++) {
          let worst = 0;
          for (let i = 0; i < frames; i++)
            worst = Math.max(worst, Math.abs(track.channels[c]![i]! - head.tracks[t]!.channels[c]![i]!));
          expect(worst).toBeLessThan(1e-4);
        }
      // The rest of the song keeps its notes, scaled by the same gain (not silenced, not clipped).
      expect(whole.tracks.some((t) => t.channels[0]!.subarray(frames * 2).some((x) => x !== 0))).toBe(true);
    },
    60_000,
  );

  it('a track the playing source does not have is left as it is', () => {
    const playing: MixSource = { id: 's', title: 's', sampleRate: RATE, tracks: [] };
    const next: MixSource = {
      id: 's',
      title: 's',
      sampleRate: RATE,
      tracks: [{ id: 'keys', name: 'Keys', channels: [Float32Array.of(0.5, 0.25)], defaultFaderDb: -6 }],
    };
    const out = levelLike(playing, next, 2);
    expect(Array.from(out.tracks[0]!.channels[0]!)).toEqual([0.5, 0.25]);
    expect(out.tracks[0]!.defaultFaderDb).toBe(-6);
  });
});
