/**
 * Fix this mix, played: A is the good mix, B the learner's desk (live), starting from the faulty mix. A
 * production fault swaps some of B's parts for the changed ones; a part the good version leaves out plays in
 * B only.
 */
import type { TrackId } from '../../production/types';
import { trackMove } from '../mix-match/play';
import type { TrackMix } from '../shared/mix-spec';
import { mixSide } from '../shared/play-mix';
import { type Excerpt, excerptTrack, loadExcerpt, MEASURE_RATE_WIDE } from '../shared/play-sources';
import type { KindPlay, SideSpec } from '../shared/play-types';
import type { FixMixAnswer, FixMixQuestion } from './meta';

/** The reverb and delay every fix-mix side sends to (as in mix-match). */
const RETURNS: Omit<SideSpec, 'tracks'> = {
  reverb: { decayS: 1.6, preDelayMs: 20, returnDb: 0 },
  delay: { note: '1/4', feedback: 0.3, returnDb: 0 },
};

/** B's parts: each desk track from A's excerpt, or from the changed song when a production fault swaps it. */
export function partsOfB(q: FixMixQuestion, a: Excerpt, changed: Excerpt | null): Excerpt {
  const swapped = q.production?.tracks ?? [];
  return {
    ...a,
    tracks: q.tracks.map((t) => excerptTrack(changed && swapped.includes(t.id) ? changed : a, t.id)),
  };
}

/** Plays a fix-mix question; B follows every control the learner turns. */
export const play: KindPlay<FixMixQuestion, FixMixAnswer> = {
  async prepare(q, env) {
    const excerptA = await loadExcerpt(env, q.source);
    const changed = q.production ? await loadExcerpt(env, q.production.source) : null;
    const excerptB = partsOfB(q, excerptA, changed);
    const ids = q.tracks.map((t) => t.id);
    const inA = new Set(excerptA.tracks.map((t) => t.id));
    const side = (excerpt: Excerpt, mix: readonly TrackMix[], only: (id: TrackId) => boolean): SideSpec =>
      mixSide(
        excerpt,
        ids.filter(only),
        Object.fromEntries(ids.map((id: TrackId, i) => [id, trackMove((mix[i] ?? q.start[i]) as TrackMix)])),
        RETURNS,
      );
    const good = side(excerptA, q.reference, (id) => inA.has(id));
    const yours = (answer: FixMixAnswer) =>
      side(
        excerptB,
        q.start.map((s, i) => answer?.tracks?.[i] ?? s),
        () => true,
      );
    const labels = { a: 'A: good mix', b: 'B: yours' };
    return {
      sampleRate: excerptA.sampleRate,
      durationS: excerptA.durationS,
      question: { a: good, b: side(excerptB, q.start, () => true), labels },
      withAnswer: yours,
      review: (answer) => ({ a: good, b: yours(answer), labels }),
      levelMatch: { allowed: true },
      measureRate: Math.min(excerptA.sampleRate, MEASURE_RATE_WIDE),
    };
  },
};
