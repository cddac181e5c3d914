/** Reverb type and size, played: the part alone, dry or sent into a room, plate or hall (the engine's reverb). */
import { REVERB_TRAITS, REVERB_TYPES } from '../../dsp/reverb-space';
import { mixSide } from '../shared/play-mix';
import { loadExcerpt } from '../shared/play-sources';
import type { KindPlay, SideSpec } from '../shared/play-types';
import { type ReverbTypeAnswer, type ReverbTypeQuestion, type SpaceSpec, TYPE_LABELS } from './meta';

function describe(s: SpaceSpec): string {
  return `${TYPE_LABELS[s.type].toLowerCase()}, about ${Math.round(s.sizeM)} m`;
}

/** Plays a reverb-type question; the review of "which space?" swaps in the type the learner chose. */
export const play: KindPlay<ReverbTypeQuestion, ReverbTypeAnswer> = {
  async prepare(q, env) {
    const excerpt = await loadExcerpt(env, q.source);
    const track = q.source.track;
    const side = (room: SpaceSpec | null): SideSpec =>
      mixSide(
        excerpt,
        [track],
        { [track]: { settings: { sends: { reverb: { enabled: room !== null, levelDb: q.sendDb } } } } },
        room
          ? {
              reverb: {
                decayS: room.decayS,
                preDelayMs: room.preDelayMs,
                stereoWidth: 1,
                seed: room.seed,
                type: room.type,
                sizeM: room.sizeM,
                returnDb: 0,
              },
            }
          : {},
      );
    const a = side(q.spaceA);
    const b = side(q.spaceB);
    const isType = q.subtype === 'type';
    return {
      sampleRate: excerpt.sampleRate,
      durationS: excerpt.durationS,
      question: { a, b, labels: isType ? { a: 'A: dry', b: 'B: in a space' } : { a: 'A', b: 'B' } },
      review(answer) {
        if (!isType)
          return {
            a,
            b,
            labels: {
              a: `A: ${describe(q.spaceA as SpaceSpec)}`,
              b: `B: ${describe(q.spaceB)}`,
            },
          };
        const chosen = answer?.choice;
        const yours = REVERB_TYPES.find((t) => t === chosen);
        return {
          a: b,
          // The chosen type at its own size, with the same decay and seed: only the type differs.
          b: yours ? side({ ...q.spaceB, type: yours, sizeM: REVERB_TRAITS[yours].sizeM }) : a,
          labels: {
            a: `A: right answer, a ${TYPE_LABELS[q.spaceB.type].toLowerCase()}`,
            b: yours ? `B: your answer, a ${TYPE_LABELS[yours].toLowerCase()}` : 'B: dry',
          },
        };
      },
      levelMatch: { allowed: true },
      measureRate: excerpt.sampleRate,
    };
  },
};
