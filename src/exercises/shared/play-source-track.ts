/** The single-track source the EQ kinds play: a pink-noise loop or a song's rough mix, summed to mono. */
import type { SampleRate, Seconds } from '../../dsp/units';
import type { ImportedSongSource, PinkSource, SongSource } from '../types';
import { loadExcerpt, mixdown, PINK_FADER_DB, pinkLoop } from './play-sources';
import type { PlayEnv } from './play-types';

/** Mono samples to play, with the fader that sets their level. */
export interface MonoSource {
  name: string;
  samples: Float32Array;
  faderDb: number;
  sampleRate: SampleRate;
  durationS: Seconds;
}

/** Loads pink noise (seeded by the question) or a song's rough mix (generated or imported) for one strip. */
export async function loadMonoSource(
  source: PinkSource | SongSource | ImportedSongSource,
  seed: number,
  env: PlayEnv,
): Promise<MonoSource> {
  if (source.type === 'pink') {
    const samples = pinkLoop(seed, env.sampleRate);
    return {
      name: 'Pink noise',
      samples,
      faderDb: PINK_FADER_DB,
      sampleRate: env.sampleRate,
      durationS: samples.length / env.sampleRate,
    };
  }
  const excerpt = await loadExcerpt(env, source);
  return {
    name: 'Mix',
    samples: mixdown(excerpt),
    faderDb: 0,
    sampleRate: excerpt.sampleRate,
    durationS: excerpt.durationS,
  };
}
