/**
 * Float32 memory kept between renders for a track's working sounds (held tones, chords): fresh pages cost
 * the system a fault each (about 15 µs on a loaded virtual machine), reused ones cost nothing. One track
 * holds it at a time; a second render running meanwhile (async renders interleave) allocates as before.
 */

/** Samples kept at most (12 MB of Float32): a track needing more takes the rest from fresh memory. */
export const SCRATCH_SAMPLES = 3_000_000;

let buffer = new Float32Array(0);
let used = 0;
/** What the holder asked for in all (kept or not): the size the buffer grows to for the next track. */
let asked = 0;
let held = false;

/** Scratch memory for one track, taken from the kept buffer while it lasts. */
export interface Scratch {
  /** `length` samples, not cleared (the caller writes every one, or clears them). */
  take(length: number): Float32Array;
  /** Gives the memory back: nothing taken may be used after. Safe to call twice. */
  release(): void;
}

const fresh: Scratch = { take: (length) => new Float32Array(length), release: () => {} };

/** The kept memory if no other track holds it, else fresh arrays. */
export function holdScratch(): Scratch {
  if (held) return fresh;
  held = true;
  used = 0;
  asked = 0;
  let released = false;
  return {
    take(length) {
      asked += length;
      if (released || used + length > buffer.length) return new Float32Array(length);
      const view = buffer.subarray(used, used + length);
      used += length;
      return view;
    },
    release() {
      if (released) return;
      released = true;
      held = false;
      const want = Math.min(SCRATCH_SAMPLES, asked);
      if (want > buffer.length) buffer = new Float32Array(want);
    },
  };
}

/** Drops the kept memory (for tests). */
export function dropScratch(): void {
  buffer = new Float32Array(0);
}
