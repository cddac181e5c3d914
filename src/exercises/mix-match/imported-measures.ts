/** What mix-match grades a question on an imported song with: each part's spectrum weights, from the question. */
import type { TrackMeasure } from '../shared/mix-grade';
import { flatMeasures, weightsFromBands } from '../shared/mix-measures';
import { ANALYSIS_CENTRES } from '../shared/song-analysis';
import type { MixMatchQuestion } from './meta';

/**
 * The measures a question on an imported song is graded with: each part's spectrum weights (no samples: its
 * levels never grade compression). A part whose spectrum is missing or malformed weighs every frequency.
 */
export function importedMeasures(q: Pick<MixMatchQuestion, 'tracks' | 'trackBandsDb'>): TrackMeasure[] {
  const [flat] = flatMeasures(1) as [TrackMeasure];
  return q.tracks.map((_, i) => {
    const bands = q.trackBandsDb?.[i];
    return Array.isArray(bands) && bands.length === ANALYSIS_CENTRES.length && bands.every(Number.isFinite)
      ? { ...flat, spectrumWeights: weightsFromBands(ANALYSIS_CENTRES, bands) }
      : flat;
  });
}
