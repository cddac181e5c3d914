/** Stereo width drills, played: the rough mix panned wide, at the question's widths (or summed to mono). */
import { allTrackIds, mixTracks } from '../shared/play-mix';
import { type Excerpt, loadExcerpt, MEASURE_RATE } from '../shared/play-sources';
import type { KindPlay, SideSpec } from '../shared/play-types';
import { widthLabel } from './generate';
import type { StereoWidthAnswer, StereoWidthQuestion } from './meta';

/**
 * One side: every part at its rough-mix fader and the question's pan, every strip at `width` (the strips'
 * width is linear, so it is the width of the whole mix), or summed to mono. The out-of-phase part is played
 * as a stereo pair (x, −x) at −3 dB, as loud as a centred mono part, so it is all side and no mid.
 */
export function widthSide(q: StereoWidthQuestion, excerpt: Excerpt, width: number, mono = false): SideSpec {
  const ids = allTrackIds(excerpt);
  const moves = Object.fromEntries(
    ids.map((id) => [id, { settings: { pan: q.pans[id] ?? 0, width, mono } }]),
  );
  const tracks = mixTracks(excerpt, ids, moves).map((t, i) => {
    if (ids[i] !== q.flipped) return t;
    const x = t.channels[0] as Float32Array;
    const left = x.map((v) => v * Math.SQRT1_2);
    return { ...t, channels: [left, left.map((v) => -v)], settings: { ...t.settings, pan: 0 } };
  });
  return { tracks, bpm: excerpt.bpm };
}

/** Plays a stereo-width question; the review names each side's width (or plays the right width against yours). */
export const play: KindPlay<StereoWidthQuestion, StereoWidthAnswer> = {
  async prepare(q, env) {
    const excerpt = await loadExcerpt(env, q.source);
    const a = widthSide(q, excerpt, q.widthA);
    const b = q.subtype === 'mono' ? widthSide(q, excerpt, 1, true) : widthSide(q, excerpt, q.widthB);
    const labels =
      q.subtype === 'mono'
        ? { a: 'A: stereo', b: 'B: mono' }
        : q.subtype === 'amount'
          ? { a: 'A: 100 %', b: 'B: the question' }
          : { a: 'A', b: 'B' };
    return {
      sampleRate: excerpt.sampleRate,
      durationS: excerpt.durationS,
      question: { a, b, labels },
      review(answer) {
        if (q.subtype === 'which')
          return {
            a,
            b,
            labels: {
              a: `A: ${Math.round(q.widthA * 100)} %`,
              b: `B: ${Math.round(q.widthB * 100)} %`,
            },
          };
        if (q.subtype === 'mono') return { a, b, labels: { a: 'A: stereo', b: 'B: mono' } };
        const yours = Number(answer?.choice);
        return {
          a: b,
          b: widthSide(q, excerpt, Number.isFinite(yours) ? yours / 100 : 1),
          labels: {
            a: `A: right answer, ${widthLabel(Math.round(q.widthB * 100))}`,
            b: `B: your answer${Number.isFinite(yours) ? `, ${widthLabel(yours)}` : ''}`,
          },
        };
      },
      levelMatch: { allowed: true },
      measureRate: Math.min(excerpt.sampleRate, MEASURE_RATE),
    };
  },
};
