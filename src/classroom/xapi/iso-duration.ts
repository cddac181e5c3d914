/** Milliseconds as an ISO 8601 duration, the form xAPI's `result.duration` takes. */

/** Milliseconds. */
export type Ms = number;

/**
 * A duration like "PT1M2.35S" or "PT0.42S" (hours, minutes, then seconds to 0.01 s, the precision xAPI
 * keeps). Negative or non-finite input is refused with a plain message.
 */
export function isoDuration(ms: Ms): string {
  if (!Number.isFinite(ms) || ms < 0)
    throw new RangeError(`A duration must be 0 or more milliseconds, not ${ms}.`);
  const centis = Math.round(ms / 10);
  const hours = Math.floor(centis / 360_000);
  const minutes = Math.floor((centis % 360_000) / 6000);
  const seconds = (centis % 6000) / 100;
  return `PT${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${hours || minutes ? (seconds ? `${seconds}S` : '') : `${seconds}S`}`;
}
