/** Fresh seeds for quiz attempts (the only place a quiz's randomness comes from outside the seed). */

/** A fresh 32-bit seed from the browser's random source (the seed is stored, so the attempt replays). */
export function freshQuizSeed(): number {
  const out = new Uint32Array(1);
  globalThis.crypto.getRandomValues(out);
  return out[0] ?? 0;
}
