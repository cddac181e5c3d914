import { type CompressorCurve, compressorGainDb } from '../../dsp/compressor';
import type { Decibels } from '../../dsp/units';

/** The transfer graph's square drawing area and the level range on both axes. */
export interface TransferFrame {
  size: number;
  minDb: Decibels;
  maxDb: Decibels;
}

/** Default transfer graph: −60 … 0 dBFS in and out. */
export const TRANSFER_FRAME: TransferFrame = { size: 200, minDb: -60, maxDb: 0 };

/** Grid lines of the transfer graph, in dB. */
export const TRANSFER_GRID_DB: readonly Decibels[] = [0, -12, -24, -36, -48, -60];

/** Position along either axis of a level (0 at minDb, size at maxDb). */
export function levelToAxis(db: Decibels, frame: TransferFrame = TRANSFER_FRAME): number {
  return ((db - frame.minDb) / (frame.maxDb - frame.minDb)) * frame.size;
}

/** Output level for an input level: input + static gain change + makeup. */
export function transferOutputDb(
  inputDb: Decibels,
  curve: CompressorCurve,
  makeupDb: Decibels = 0,
): Decibels {
  return inputDb + compressorGainDb(inputDb, curve) + makeupDb;
}

/**
 * The static transfer curve as an SVG path (input on x, output on y, y growing downwards), from
 * compressorGainDb: flat 1:1 below the knee, bending through the knee, 1/ratio above it. Output is
 * clamped to the frame so makeup gain runs off the top rather than out of the box.
 */
export function transferPath(
  curve: CompressorCurve,
  makeupDb: Decibels = 0,
  frame: TransferFrame = TRANSFER_FRAME,
  steps = 120,
): string {
  const parts: string[] = [];
  for (let i = 0; i <= steps; i++) {
    const inDb = frame.minDb + (i / steps) * (frame.maxDb - frame.minDb);
    const outDb = Math.min(
      frame.maxDb + 6,
      Math.max(frame.minDb - 6, transferOutputDb(inDb, curve, makeupDb)),
    );
    const x = levelToAxis(inDb, frame);
    const y = frame.size - levelToAxis(outDb, frame);
    parts.push(`${i === 0 ? 'M' : 'L'}${x.toFixed(2)},${y.toFixed(2)}`);
  }
  return parts.join(' ');
}

/** Gain-reduction meter: fraction of the bar lit for a reduction (≤ 0 dB) on a 0 … −rangeDb scale. */
export function reductionFraction(reductionDb: Decibels, rangeDb: Decibels = 24): number {
  if (!Number.isFinite(reductionDb)) return 0;
  return Math.min(1, Math.max(0, -reductionDb / rangeDb));
}
