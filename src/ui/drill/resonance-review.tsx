import { formatHz } from '../../dsp/bands';
import { formatDb } from '../../dsp/db';
import { scoredCut } from '../../exercises/resonance/check';
import type { ResonanceAnswer, ResonanceQuestion } from '../../exercises/resonance/meta';
import type { EqBandShape } from '../mixer/eq-geometry';
import { EqBandsCurves } from './eq-review-curves';

function peak(frequency: number, gainDb: number, q: number): EqBandShape {
  return { enabled: true, type: 'peaking', frequency, gainDb, q };
}

/** resonance after answering: the ring with the right cut (flat) against the ring with the learner's cut. */
export function ResonanceReview({ q, a }: { q: ResonanceQuestion; a: ResonanceAnswer }) {
  const cut = scoredCut(q, a);
  const ring = peak(q.ring.frequencyHz, q.ring.gainDb, q.ring.q);
  return (
    <EqBandsCurves
      right={[ring]}
      yours={[ring, peak(cut.frequencyHz, cut.gainDb, cut.q)]}
      rightName="the ring"
      yoursName="the ring with your cut (flat is perfect)"
      label={`The ring: ${formatDb(q.ring.gainDb)} at ${formatHz(q.ring.frequencyHz)}, Q ${q.ring.q}. Your cut: ${formatDb(cut.gainDb)} at ${formatHz(Math.round(cut.frequencyHz))}.`}
    />
  );
}
