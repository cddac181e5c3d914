import type { MixSource } from '../shared/test-sources';

/** A source whose tracks may stop short of the programme (a song's first bars): silence follows up to `frames`. */
export type FramedSource = MixSource & { frames?: number };

/** The programme's length in samples: `frames` when given, else the first track's length. */
export function sourceFrames(source: MixSource): number {
  const own = source.tracks[0]?.channels[0]?.length ?? 0;
  return Math.max(own, (source as FramedSource).frames ?? 0);
}
