import { useMemo } from 'preact/hooks';
import { gradeAnswer } from '../../exercises/fix-mix/check';
import type { FixMixAnswer, FixMixQuestion } from '../../exercises/fix-mix/meta';
import type { CheckResult } from '../../exercises/types';
import type { DrillPlayer } from '../../state/drill/drill-player';
import { MixGradeTable, MixReviewSound, useMixGrade } from './MixReview';

type Named = 'found' | 'wrong-track' | 'missed';

/** Step one as the check saw it (from its details), or null when the details do not carry it. */
function diagnosisFromDetails(
  details: unknown,
  faults: number,
): { perFault: Named[]; falseAlarms: number } | null {
  if (typeof details !== 'object' || details === null) return null;
  const { perFault, falseAlarms } = details as Record<string, unknown>;
  if (!Array.isArray(perFault) || perFault.length !== faults || typeof falseAlarms !== 'number') return null;
  return { perFault: perFault as Named[], falseAlarms };
}

/**
 * The review of a fix-mix answer: what was really wrong (and whether the learner heard it), then the
 * repaired desk against the good mix, track by track, with a track-by-track A/B and the readings of both.
 * Everything comes from the check made at Submit; it is graded again only when that result is not given.
 */
export function FixMixReview({
  q,
  a,
  result,
  player,
}: {
  q: FixMixQuestion;
  a: FixMixAnswer;
  result?: CheckResult;
  player?: DrillPlayer;
}) {
  const full = useMemo(() => {
    let cached: ReturnType<typeof gradeAnswer> | null = null;
    return () => {
      cached ??= gradeAnswer(q, a);
      return cached;
    };
  }, [q, a]);
  const regrade = useMemo(() => () => full().repair, [full]);
  const repair = useMixGrade(result, q.tracks.length, regrade);
  const diagnosis = useMemo(
    () => diagnosisFromDetails(result?.details, q.faults.length) ?? full().diagnosis,
    [result, q, full],
  );
  const named = diagnosis.perFault;
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
        {diagnosis.falseAlarms > 0 && (
          <li>
            <strong>✗ </strong>
            {diagnosis.falseAlarms === 1
              ? 'One problem you named was not there.'
              : `${diagnosis.falseAlarms} problems you named were not there.`}
          </li>
        )}
      </ul>
      <MixGradeTable
        tracks={q.tracks}
        dimensions={q.dimensions}
        grade={repair}
        caption="Your repaired mix against the good mix, track by track"
      />
      <MixReviewSound player={player} tracks={q.tracks} referenceName="good mix" />
    </figure>
  );
}
