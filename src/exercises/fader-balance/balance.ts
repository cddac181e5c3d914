/** The offset-free balance error fader-balance scores by (pure, shared with the results view). */
import type { Decibels } from '../../dsp/units';

/** Faders below this count as this (a fader pulled to −∞ is simply "very low"). */
export const FADER_FLOOR_DB: Decibels = -60;

/** How far a mix is from a reference once the overall level is taken out. */
export interface BalanceError {
  /** E: RMS of (e_i − mean e), dB. */
  errorDb: Decibels;
  /** e_i − mean e per track: positive = too loud against the rest. */
  deviationsDb: Decibels[];
  /** mean e: how much louder the whole mix is than the reference (not scored). */
  offsetDb: Decibels;
}

function floored(db: number | undefined): number {
  return typeof db === 'number' && !Number.isNaN(db) ? Math.max(FADER_FLOOR_DB, db) : FADER_FLOOR_DB;
}

/** e_i = answer_i − reference_i (each floored at −60 dB); E = RMS of (e_i − mean e). */
export function balanceError(answerDb: readonly number[], referenceDb: readonly number[]): BalanceError {
  const e = referenceDb.map((r, i) => floored(answerDb[i]) - floored(r));
  if (e.length === 0) return { errorDb: 0, deviationsDb: [], offsetDb: 0 };
  const offsetDb = e.reduce((s, x) => s + x, 0) / e.length;
  const deviationsDb = e.map((x) => x - offsetDb);
  const errorDb = Math.sqrt(deviationsDb.reduce((s, d) => s + d * d, 0) / e.length);
  return { errorDb, deviationsDb, offsetDb };
}
