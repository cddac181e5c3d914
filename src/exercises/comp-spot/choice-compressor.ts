/** The compressor each comp-spot choice describes (pure: the review and "hear every choice" both play it). */
import { levelSpec } from '../shared/levels';
import { type RelativeCompressor, thresholdBelowPeakFor } from '../shared/relative-compressor';
import { type CompSpotQuestion, meta } from './meta';

/** The compressor a choice describes (the question's own for the right choice). */
export function compressorForChoice(q: CompSpotQuestion, choice: string): RelativeCompressor {
  const c = q.compressor;
  if (choice === q.correct) return c;
  const p = levelSpec(meta, q.level).params;
  switch (q.subtype) {
    case 'amount': {
      const db = Number(choice);
      const measured = q.thresholdsBelowPeakDb?.[q.choices.indexOf(choice)];
      if (measured !== undefined) return { ...c, thresholdBelowPeakDb: measured };
      return Number.isFinite(db) ? { ...c, thresholdBelowPeakDb: thresholdBelowPeakFor(db, c.ratio) } : c;
    }
    case 'attack':
      return { ...c, attackMs: choice === 'fast' ? p.attacksMs[0] : p.attacksMs[1] };
    case 'release':
      return { ...c, releaseMs: choice === 'fast' ? p.releasesMs[0] : p.releasesMs[1] };
    default:
      return c;
  }
}
