import type { MixMatchAnswer, MixMatchQuestion } from '../../../exercises/mix-match/meta';
import { MixDesk } from './mix-desk';
import type { AnswerViewProps } from './types';

/** mix-match: the small desk, B follows it live. */
export function MixMatchAnswerView({
  question: q,
  answer,
  onChange,
  locked,
  keys,
}: AnswerViewProps<MixMatchQuestion, MixMatchAnswer>) {
  keys.current = null;
  return (
    <div class="match-answer mix-answer">
      <MixDesk
        tracks={q.tracks}
        dimensions={q.dimensions}
        start={q.start}
        mix={answer?.tracks}
        locked={locked}
        onChange={(tracks) => onChange({ tracks })}
      />
    </div>
  );
}
