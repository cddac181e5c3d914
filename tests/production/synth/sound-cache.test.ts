import { describe, expect, it } from 'vitest';
import { generateSong } from '../../../src/production/generate-song';
import { renderStemsSync } from '../../../src/production/render-stems';
import {
  clearSharedSounds,
  SOUND_CACHE_SAMPLES,
  sharedSound,
  sharedSoundSamples,
} from '../../../src/production/synth/sound-cache';
import { hashSamples } from '../spectrum-helpers';

const RATE = 16000;

/** Hash of every stem's samples and the faders of a 4-bar song, synthesis only. */
function render(seed: number, style: 'rock' | 'electronic'): string {
  const stems = renderStemsSync(generateSong(seed, style, { bars: 4 }), {
    sampleRate: RATE,
    sampleBank: null,
  });
  return `${hashSamples(stems.tracks.flatMap((t) => t.channels))} ${stems.tracks.map((t) => t.defaultFaderDb).join(',')}`;
}

// Made by the renderer before sounds were shared across songs (the cache turned off): the stems must not change.
const ROCK_3 =
  '01dd033323c8d4aced8cf06e177f19d480a61313f276c03ca79e47de1b3dfad8 -15.3,-6.5,-16.1,-21.6,-18.6,-19.1,-24.1,-20.6,-12.1';
const ELECTRONIC_5 =
  'f653ba4225edec06d6edaa0e37adf05c58f0d7f51c000366366f5625eb588010 -15.7,-7.2,-12.3,-14,-15.8,-17.4,-7.7,-18,-13.3';

describe('sounds shared across songs (synth/sound-cache.ts)', () => {
  it('stems are bit-identical to those made without the cache, whatever was rendered before', () => {
    clearSharedSounds();
    expect(render(3, 'rock')).toBe(ROCK_3);
    expect(sharedSoundSamples()).toBeGreaterThan(0); // the drum hits were kept
    expect(render(5, 'electronic')).toBe(ELECTRONIC_5);
    expect(render(3, 'rock')).toBe(ROCK_3); // now from kept sounds
    clearSharedSounds();
    expect(render(5, 'electronic')).toBe(ELECTRONIC_5);
  }, 60_000);

  it('renders a key once, then hands back the same array', () => {
    clearSharedSounds();
    let calls = 0;
    const make = () => {
      calls++;
      return new Float32Array(10).fill(0.5);
    };
    const a = sharedSound('k', make);
    const b = sharedSound('k', make);
    expect(b).toBe(a);
    expect(calls).toBe(1);
    expect(sharedSoundSamples()).toBe(10);
  });

  it('keeps at most SOUND_CACHE_SAMPLES, dropping the least recently used first', () => {
    clearSharedSounds();
    const quarter = SOUND_CACHE_SAMPLES / 4;
    for (const key of ['a', 'b', 'c', 'd']) sharedSound(key, () => new Float32Array(quarter));
    expect(sharedSoundSamples()).toBe(SOUND_CACHE_SAMPLES);
    sharedSound('a', () => new Float32Array(quarter)); // touch 'a': 'b' is now the oldest
    sharedSound('e', () => new Float32Array(quarter));
    expect(sharedSoundSamples()).toBe(SOUND_CACHE_SAMPLES);
    let rendered = '';
    // Kept ones first (hits change nothing), the dropped one last (its render is stored again).
    for (const key of ['a', 'c', 'd', 'e', 'b'])
      sharedSound(key, () => {
        rendered += key;
        return new Float32Array(1);
      });
    expect(rendered).toBe('b');
    // A sound larger than the whole cache is handed back but not kept.
    clearSharedSounds();
    expect(sharedSound('huge', () => new Float32Array(SOUND_CACHE_SAMPLES + 1)).length).toBe(
      SOUND_CACHE_SAMPLES + 1,
    );
    expect(sharedSoundSamples()).toBe(0);
    clearSharedSounds();
  });
});
