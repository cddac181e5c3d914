import type { ExerciseId } from '../../exercises/registry';
import { exercises } from '../../exercises/registry';

/** "How is this scored?": the kind's exact scoring rule, one click away from the plain sentence. */
export function ScoringRule({ id }: { id: ExerciseId }) {
  const rule = exercises[id].meta.scoringRule;
  if (!rule) return null;
  return (
    <details class="scoring-rule">
      <summary>How is this scored?</summary>
      <p>{rule}</p>
    </details>
  );
}
