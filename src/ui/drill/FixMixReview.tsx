import { useMemo } from 'preact/hooks';
import { gradeAnswer } from '../../exercises/fix-mix/check';
import type { FixMixAnswer, FixMixQuestion } from '../../exercises/fix-mix/meta';
import { MixGradeTable } from './MixReview';

/**
 * The review of a fix-mix answer: what was really wrong (and whether the learner heard it), then the
 * repaired desk against the good mix, track by track.
 */
export function FixMixReview({ q, a }: { q: FixMixQuestion; a: FixMixAnswer }) {
  const grade = useMemo(() => gradeAnswer(q, a), [q, a]);
  const named = grade.diagnosis.perFault;
  return (
    <figure class="review-figure mix-review fix-mix-review">
      <h3 class="fix-mix-step">What was wrong</h3>
      <ul class="fix-mix-planted">
        {q.faults.map((f, i) => (
          <li key={f.description}>
            <strong>
              {named[i] === 'found'
                ? '✓ You named it: '
                : named[i] === 'wrong-track'
                  ? '◐ Right problem, wrong track: '
                  : '✗ Missed: '}
            </strong>
            {f.description}
          </li>
        ))}
        {grade.diagnosis.falseAlarms > 0 && (
          <li>
            <strong>✗ </strong>
            {grade.diagnosis.falseAlarms === 1
              ? 'One problem you named was not there.'
              : `${grade.diagnosis.falseAlarms} problems you named were not there.`}
          </li>
        )}
      </ul>
      <MixGradeTable
        tracks={q.tracks}
        dimensions={q.dimensions}
        grade={grade.repair}
        caption="Your repaired mix against the good mix, track by track"
      />
    </figure>
  );
}
