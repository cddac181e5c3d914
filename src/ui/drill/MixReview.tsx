import { useMemo } from 'preact/hooks';
import { gradeAnswer } from '../../exercises/mix-match/check';
import type { MixMatchAnswer, MixMatchQuestion } from '../../exercises/mix-match/meta';
import { type MixGradeView, mixGradeFromDetails } from '../../exercises/shared/mix-grade-view';
import { MIX_DIMENSIONS, type MixDimension } from '../../exercises/shared/mix-spec';
import type { TrackRef } from '../../exercises/shared/tracks';
import type { CheckResult } from '../../exercises/types';
import type { DrillPlayer } from '../../state/drill/drill-player';
import { MixReviewListen } from './mix-review-listen';
import { MixReviewReadings } from './mix-review-readings';

const DIMENSION_NAMES: Record<MixDimension, string> = {
  balance: 'Level',
  pan: 'Pan',
  tone: 'EQ',
  dynamics: 'Compression',
  space: 'Reverb & delay',
};

/** A cell's look and words: the same as the reference, close, or off (words as well as colour). */
function verdict(steps: number): { cls: string; text: string } {
  if (steps <= 0) return { cls: 'is-same', text: '✓ same' };
  if (steps <= 1) return { cls: 'is-near', text: 'close' };
  return { cls: 'is-off', text: steps >= 4 ? 'far off' : 'off' };
}

/** The table of a graded mix: tracks × dimensions, each cell coloured and named, and what to change first. */
export function MixGradeTable({
  tracks,
  dimensions,
  grade,
  caption,
}: {
  tracks: readonly TrackRef[];
  dimensions: readonly MixDimension[];
  grade: MixGradeView;
  caption: string;
}) {
  const dims = MIX_DIMENSIONS.filter((d) => dimensions.includes(d));
  return (
    <>
      <div class="mix-review-scroll">
        <table class="mix-review-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Track</th>
              {dims.map((d) => (
                <th scope="col" key={d}>
                  {DIMENSION_NAMES[d]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {tracks.map((t, i) => (
              <tr key={t.id}>
                <th scope="row">{t.name}</th>
                {dims.map((d) => {
                  const cell = grade.cells.find((c) => c.track === i && c.dimension === d);
                  const v = verdict(cell?.steps ?? 0);
                  return (
                    <td key={d} class={`mix-cell ${v.cls}`}>
                      {v.text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {grade.worst.length > 0 && (
        <figcaption>
          <strong>Change first:</strong>
          <ul>
            {grade.worst.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </figcaption>
      )}
    </>
  );
}

/** The grade the check computed at Submit (from its details); graded here only when none came with it. */
export function useMixGrade(
  result: CheckResult | undefined,
  trackCount: number,
  regrade: () => MixGradeView,
): MixGradeView {
  return useMemo(
    () => mixGradeFromDetails(result?.details, trackCount) ?? regrade(),
    [result, trackCount, regrade],
  );
}

/** Per-track listening (solo, A/B) and the measured readings of both mixes, when the drill's player is there. */
export function MixReviewSound({
  player,
  tracks,
  referenceName,
}: {
  player: DrillPlayer | undefined;
  tracks: readonly TrackRef[];
  referenceName: string;
}) {
  if (!player) return null;
  return (
    <>
      <MixReviewListen player={player} tracks={tracks} referenceName={referenceName} />
      <MixReviewReadings player={player} referenceName={referenceName} />
    </>
  );
}

/**
 * The review of a mix: tracks × dimensions, each cell coloured and named, and what to change first; with the
 * drill's player, a track-by-track A/B and the audio readings of both mixes beside it.
 */
export function MixReview({
  q,
  a,
  result,
  player,
}: {
  q: MixMatchQuestion;
  a: MixMatchAnswer;
  result?: CheckResult;
  player?: DrillPlayer;
}) {
  const regrade = useMemo(() => () => gradeAnswer(q, a), [q, a]);
  const grade = useMixGrade(result, q.tracks.length, regrade);
  return (
    <figure class="review-figure mix-review">
      <MixGradeTable
        tracks={q.tracks}
        dimensions={q.dimensions}
        grade={grade}
        caption="Your mix against the reference, track by track"
      />
      <MixReviewSound player={player} tracks={q.tracks} referenceName="reference" />
    </figure>
  );
}
