import type { MixSource } from '../shared/test-sources';

/**
 * `next` (a fuller rendering of the song playing: more bars of it) brought to the levels of `playing`, so the
 * hand-over while playing changes no part's loudness. Each rendering levels its stems on its own (a song's
 * first bars peak higher than the whole song scaled to the same peak, by 3–9 dB a part), so the samples of
 * `next` are scaled, track by track, to match `playing` over the first `frames` samples (where both hold the
 * same notes: least squares, exact when they differ only by a gain), and each track keeps `playing`'s
 * starting fader. Scales `next`'s samples in place (a fresh rendering, owned by the caller).
 */
export function levelLike(playing: MixSource, next: MixSource, frames: number): MixSource {
  const tracks = next.tracks.map((track, t) => {
    const was = playing.tracks[t];
    if (!was || was.id !== track.id) return track;
    let dot = 0;
    let power = 0;
    track.channels.forEach((samples, c) => {
      const before = was.channels[c];
      if (!before) return;
      const n = Math.min(frames, samples.length, before.length);
      for (let i = 0; i < n; i++) {
        const x = samples[i] as number;
        dot += x * (before[i] as number);
        power += x * x;
      }
    });
    const gain = power > 0 ? dot / power : 1;
    if (Number.isFinite(gain) && gain > 0 && gain !== 1)
      for (const samples of track.channels)
        for (let i = 0; i < samples.length; i++) samples[i] = (samples[i] as number) * gain;
    return { ...track, defaultFaderDb: was.defaultFaderDb };
  });
  return { ...next, tracks };
}
