import { useMemo } from 'preact/hooks';
import { gradeAnswer } from '../../exercises/mix-match/check';
import type { MixMatchAnswer, MixMatchQuestion } from '../../exercises/mix-match/meta';
import type { MixGrade } from '../../exercises/shared/mix-grade';
import { MIX_DIMENSIONS, type MixDimension } from '../../exercises/shared/mix-spec';
import type { TrackRef } from '../../exercises/shared/tracks';

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
  grade: MixGrade;
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

/** The review of a mix: tracks × dimensions, each cell coloured and named, and what to change first. */
export function MixReview({ q, a }: { q: MixMatchQuestion; a: MixMatchAnswer }) {
  const grade = useMemo(() => gradeAnswer(q, a), [q, a]);
  return (
    <figure class="review-figure mix-review">
      <MixGradeTable
        tracks={q.tracks}
        dimensions={q.dimensions}
        grade={grade}
        caption="Your mix against the reference, track by track"
      />
    </figure>
  );
}
