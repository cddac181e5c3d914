/** Where is it panned, played: A has the instrument in the centre, B where the question put it. */
import type { Pan } from '../../dsp/units';
import { allTrackIds, mixSide } from '../shared/play-mix';
import { loadExcerpt, MEASURE_RATE } from '../shared/play-sources';
import type { KindPlay } from '../shared/play-types';
import type { PanPositionAnswer, PanPositionQuestion } from './meta';

/** Plays a pan-position question (alone or in the centred mix); the review pans to the learner's position. */
export const play: KindPlay<PanPositionQuestion, PanPositionAnswer> = {
  async prepare(q, env) {
    const excerpt = await loadExcerpt(env, q.source);
    const track = q.source.track;
    const ids = q.inMix ? allTrackIds(excerpt) : [track];
    const at = (pan: Pan) => mixSide(excerpt, ids, { [track]: { settings: { pan } } });
    const panned = at(q.positionsPan[q.targetIndex] ?? 0);
    return {
      sampleRate: excerpt.sampleRate,
      durationS: excerpt.durationS,
      question: { a: at(0), b: panned, labels: { a: 'A: centre', b: 'B: the question' } },
      review: (answer) => ({
        a: panned,
        b: at(q.positionsPan[answer.positionIndex] ?? 0),
        labels: { a: 'A: right position', b: 'B: your position' },
      }),
      levelMatch: { allowed: true },
      measureRate: Math.min(excerpt.sampleRate, MEASURE_RATE),
    };
  },
};
