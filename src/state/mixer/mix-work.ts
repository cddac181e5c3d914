import type { Decibels } from '../../dsp/units';
import type { StripSettings } from '../../engine/index';

/** A song's mix as stored: every strip's settings (in the song's track order) and the master fader. */
export interface MixWorkData {
  /** The track ids the strips belong to, so a mix is only put back on the same parts. */
  trackIds: string[];
  strips: StripSettings[];
  masterFaderDb: Decibels;
}

/** A stored mix for a song, checked against its tracks: null when it does not fit them. */
export interface RestoredMix {
  strips: unknown[];
  masterFaderDb: unknown;
}

/** The stored mix if its tracks are exactly `trackIds` (same parts, same order), else null. */
export function fittingMix(data: unknown, trackIds: readonly string[]): RestoredMix | null {
  if (typeof data !== 'object' || data === null) return null;
  const d = data as Partial<Record<keyof MixWorkData, unknown>>;
  if (!Array.isArray(d.trackIds) || !Array.isArray(d.strips)) return null;
  if (d.trackIds.length !== trackIds.length || d.strips.length !== trackIds.length) return null;
  if (!d.trackIds.every((id, i) => id === trackIds[i])) return null;
  return { strips: d.strips, masterFaderDb: d.masterFaderDb };
}

/**
 * `saved` laid over `initial`, field by field: a stored value is taken only where it has the starting
 * value's type (finite numbers, or −∞ for a fader pulled all the way down; booleans; arrays keep their
 * length; names stay), so a hand-edited or older record can never put a control out of shape.
 */
export function restoreShape<T>(initial: T, saved: unknown): T {
  if (typeof initial === 'number') {
    const fits = typeof saved === 'number' && (Number.isFinite(saved) || saved === Number.NEGATIVE_INFINITY);
    return fits ? (saved as T) : initial;
  }
  // Names and band types belong to the song and the desk, not to the mix: they stay as they start.
  if (typeof initial === 'string') return initial;
  if (typeof initial === 'boolean') return typeof saved === 'boolean' ? (saved as T) : initial;
  if (Array.isArray(initial)) {
    if (!Array.isArray(saved) || saved.length !== initial.length) return initial;
    return initial.map((v, i) => restoreShape(v, saved[i])) as T;
  }
  if (typeof initial === 'object' && initial !== null) {
    if (typeof saved !== 'object' || saved === null || Array.isArray(saved)) return initial;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(initial))
      out[key] = restoreShape(value, (saved as Record<string, unknown>)[key]);
    return out as T;
  }
  return initial;
}
