import { exactCentre, formatHz } from '../../dsp/bands';
import { formatDb } from '../../dsp/db';
import type { EqTwoBandsAnswer, EqTwoBandsQuestion } from '../../exercises/eq-two-bands/meta';
import type { EqBandShape } from '../mixer/eq-geometry';
import { EqBandsCurves } from './eq-review-curves';

function peak(hz: number, gainDb: number, q: number): EqBandShape {
  return { enabled: true, type: 'peaking', frequency: exactCentre(hz), gainDb, q };
}

/** eq-two-bands after answering: the planted boost and cut against the same moves on the learner's bands. */
export function EqTwoBandsReview({ q, a }: { q: EqTwoBandsQuestion; a: EqTwoBandsAnswer }) {
  const moves = (boostHz: number | undefined, cutHz: number | undefined) =>
    [
      typeof boostHz === 'number' && boostHz > 0 ? peak(boostHz, q.gainDb, q.q) : null,
      typeof cutHz === 'number' && cutHz > 0 ? peak(cutHz, -q.gainDb, q.q) : null,
    ].filter((b): b is EqBandShape => b !== null);
  const yours =
    typeof a?.boostHz === 'number' && typeof a?.cutHz === 'number'
      ? ` Yours: boost at ${formatHz(a.boostHz)}, cut at ${formatHz(a.cutHz)}.`
      : '';
  return (
    <EqBandsCurves
      right={moves(q.boostHz, q.cutHz)}
      yours={moves(a?.boostHz, a?.cutHz)}
      label={`Right: ${formatDb(q.gainDb)} at ${formatHz(q.boostHz)} and ${formatDb(-q.gainDb)} at ${formatHz(q.cutHz)}.${yours}`}
    />
  );
}
