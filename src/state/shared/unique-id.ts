/** Unique ids for records and marks the learner never sees (not randomness of questions or songs). */

/** `prefix` + the time + 8 random base-36 digits from the browser's random source, e.g. "arr-mf3k2x-0k9z…". */
export function uniqueId(prefix = ''): string {
  const bits = new Uint32Array(2);
  globalThis.crypto.getRandomValues(bits);
  const random = ((bits[0] ?? 0) * 2 ** 21 + ((bits[1] ?? 0) >>> 11)).toString(36).padStart(8, '0').slice(-8);
  return `${prefix}${Date.now().toString(36)}-${random}`;
}
