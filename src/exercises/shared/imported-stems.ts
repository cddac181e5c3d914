/**
 * Where the play half finds an imported song's audio. The state layer (which owns storage) registers a
 * loader once; a question names its song by content hash, and the loader answers with the stems of the song
 * on this device whose hash it is, or throws a sentence saying it is not here.
 */
import type { SampleRate } from '../../dsp/units';
import type { TrackId } from '../../production/types';

/** An imported song's tracks as the drills play them. */
export interface ImportedStems {
  sampleRate: SampleRate;
  /** Samples per channel (every track is this long). */
  length: number;
  /** One per track, keyed as the song's summary keys it. */
  tracks: { id: TrackId; name: string; channels: readonly Float32Array[] }[];
}

/** Loads the stems of the song with this content hash. */
export type ImportedStemsLoader = (hash: string) => Promise<ImportedStems>;

let loader: ImportedStemsLoader | null = null;

/** Registers the loader (the state layer does, at start). */
export function setImportedStemsLoader(load: ImportedStemsLoader | null): void {
  loader = load;
}

/** The stems of the song with this hash (throws when no loader is set or the song is not on this device). */
export function loadImportedStems(hash: string): Promise<ImportedStems> {
  if (!loader) return Promise.reject(new Error('imported songs cannot be played here'));
  return loader(hash);
}
