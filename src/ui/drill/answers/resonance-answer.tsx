import type { EqControl, EqMatchQuestion } from '../../../exercises/eq-match/meta';
import type { ResonanceAnswer, ResonanceQuestion } from '../../../exercises/resonance/meta';
import { EqMatchAnswerView } from './match-answers';
import type { AnswerViewProps } from './types';

/**
 * resonance: the learner's narrow cut on the EQ graph and knobs (eq-match's view, one peaking band whose Q is
 * the ring's and stays fixed; depth is the band's gain).
 */
export function ResonanceAnswerView(p: AnswerViewProps<ResonanceQuestion, ResonanceAnswer>) {
  const q = p.question;
  const controls: EqControl[] = q.controls.map((c) => (c === 'depth' ? 'gain' : 'frequency'));
  const asEq: EqMatchQuestion = {
    kind: 'eq-match',
    seed: q.seed,
    level: q.level,
    // The view reads only the band's type from the reference: the ring itself is never drawn.
    reference: { type: 'peaking', frequencyHz: q.start.frequencyHz, gainDb: 0, q: q.ring.q },
    start: q.start,
    controls,
    source: q.source,
  };
  return (
    <>
      <EqMatchAnswerView
        {...p}
        question={asEq}
        answer={p.answer}
        right={p.right}
        onChange={(a) => p.onChange({ frequencyHz: a.frequencyHz, gainDb: a.gainDb, q: q.ring.q })}
      />
      <p class="muted answer-hint">
        Tip: boost your band first and sweep it until the ring jumps out, then turn it into a cut.
        {q.controls.includes('depth') ? '' : ' The depth is set for you on this level.'}
      </p>
    </>
  );
}
