/** Lines up imported stems: every track padded with silence to the longest one. */

/** A track before alignment (channels may differ in length between tracks, never within one). */
export interface LooseTrack {
  name: string;
  channels: Float32Array[];
}

/** Tracks of one length, ready to store. */
export interface AlignedTracks<T extends LooseTrack> {
  length: number;
  tracks: T[];
}

/**
 * Pads every channel with silence at the end to the longest channel of any track. Stems exported from
 * one session start together, so only the ends differ; channels already long enough are kept as they
 * are (no copy). Mono stays mono and stereo stays stereo.
 */
export function alignTracks<T extends LooseTrack>(tracks: readonly T[]): AlignedTracks<T> {
  const length = Math.max(0, ...tracks.flatMap((t) => t.channels.map((c) => c.length)));
  return {
    length,
    tracks: tracks.map((t) => ({
      ...t,
      channels: t.channels.map((c) => {
        if (c.length === length) return c;
        const padded = new Float32Array(length);
        padded.set(c);
        return padded;
      }),
    })),
  };
}
