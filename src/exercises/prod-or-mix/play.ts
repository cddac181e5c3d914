/**
 * Production or mixing, played: A is version A's rough mix; B is either another render of the song (a
 * production change, from generateSong overrides) or the same stems with one mixing move on one strip.
 */
import { allTrackIds, mixSide, type TrackMove } from '../shared/play-mix';
import type { Excerpt } from '../shared/play-sources';
import { excerptTrack, loadExcerpt, peakDb } from '../shared/play-sources';
import type { KindPlay, SideSpec } from '../shared/play-types';
import { resolveCompressor } from '../shared/relative-compressor';
import type { MixChange, ProdOrMixAnswer, ProdOrMixQuestion } from './meta';

/** Version B's mix: the rough mix with one move (its track's strip, or a return it sends to). */
export function mixChangeSide(excerpt: Excerpt, change: MixChange): SideSpec {
  const ids = allTrackIds(excerpt);
  const moves: Partial<Record<MixChange['track'], TrackMove>> = {};
  const extra: Omit<SideSpec, 'tracks'> = {};
  switch (change.type) {
    case 'level':
      moves[change.track] = { faderOffsetDb: change.deltaDb };
      break;
    case 'pan':
      moves[change.track] = { settings: { pan: change.pan } };
      break;
    case 'eq':
      moves[change.track] = {
        settings: {
          eq: [
            {},
            {
              enabled: true,
              type: 'peaking',
              frequency: change.band.frequencyHz,
              gainDb: change.band.gainDb,
              q: change.band.q,
            },
          ],
        },
      };
      break;
    case 'compression': {
      const peak = peakDb(excerptTrack(excerpt, change.track).samples);
      moves[change.track] = {
        settings: { compressor: { ...resolveCompressor(change.compressor, peak), enabled: true } },
      };
      break;
    }
    case 'reverb':
      moves[change.track] = { settings: { sends: { reverb: { enabled: true, levelDb: change.sendDb } } } };
      extra.reverb = { decayS: change.decayS, preDelayMs: change.preDelayMs, seed: change.seed, returnDb: 0 };
      break;
    case 'delay':
      moves[change.track] = { settings: { sends: { delay: { enabled: true, levelDb: change.sendDb } } } };
      extra.delay = { note: change.note, feedback: change.feedback, returnDb: 0 };
      break;
  }
  return mixSide(excerpt, ids, moves, extra);
}

/** Plays a prod-or-mix question; the review is the same pair, now labelled with what changed. */
export const play: KindPlay<ProdOrMixQuestion, ProdOrMixAnswer> = {
  async prepare(q, env) {
    const excerptA = await loadExcerpt(env, q.versionA);
    const excerptB = q.mixChange ? excerptA : await loadExcerpt(env, q.versionB);
    const a = mixSide(excerptA, allTrackIds(excerptA));
    const b = q.mixChange ? mixChangeSide(excerptA, q.mixChange) : mixSide(excerptB, allTrackIds(excerptB));
    const question = { a, b, labels: { a: 'A: version A', b: 'B: version B' } };
    return {
      sampleRate: excerptA.sampleRate,
      durationS: Math.max(excerptA.durationS, excerptB.durationS),
      question,
      review: () => ({ ...question, labels: { a: 'A: before', b: `B: ${q.category} change` } }),
      levelMatch: { allowed: true },
      measureRate: excerptA.sampleRate,
    };
  },
};
