/**
 * Synthesised sounds kept across songs: a drum hit or a gate-dependent note depends only on its voice, its
 * key (pitch, take or gate) and the sample rate (its noise is seeded from the instrument and the key), so a
 * Worker that renders song after song synthesises each only once. Least recently used first out.
 */

/** Samples the cache keeps at most (about 16 MB of Float32). */
export const SOUND_CACHE_SAMPLES = 4_000_000;

const sounds = new Map<string, Float32Array>();
let size = 0;

/**
 * The sound stored under `key` (which must name everything the sound depends on), or `render()`'s result,
 * stored. The array is shared: read it, never write to it.
 */
export function sharedSound(key: string, render: () => Float32Array): Float32Array {
  const hit = sounds.get(key);
  if (hit) {
    sounds.delete(key);
    sounds.set(key, hit);
    return hit;
  }
  const sound = render();
  if (sound.length > SOUND_CACHE_SAMPLES) return sound;
  sounds.set(key, sound);
  size += sound.length;
  for (const [k, v] of sounds) {
    if (size <= SOUND_CACHE_SAMPLES) break;
    sounds.delete(k);
    size -= v.length;
  }
  return sound;
}

/** Samples held now (for tests). */
export function sharedSoundSamples(): number {
  return size;
}

/** Empties the cache (for tests). */
export function clearSharedSounds(): void {
  sounds.clear();
  size = 0;
}
