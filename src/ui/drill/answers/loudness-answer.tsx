import { dbWords } from '../../../exercises/loudness/check';
import type { AbChoice, LoudnessAnswer, LoudnessQuestion } from '../../../exercises/loudness/meta';
import { ChoiceGroup } from '../ChoiceGroup';
import { type AnswerViewProps, digitIndex } from './types';

const SIDES: readonly AbChoice[] = ['A', 'B'];

/** loudness: which side is louder (keys 1 and 2; A and B switch the sound), and how much when asked. */
export function LoudnessAnswerView(p: AnswerViewProps<LoudnessQuestion, LoudnessAnswer>) {
  const q = p.question;
  const set = (patch: Partial<LoudnessAnswer>) => p.onChange({ ...p.answer, ...patch } as LoudnessAnswer);
  p.keys.current = (key) => {
    const side = SIDES[digitIndex(key)];
    if (side) set({ side });
    return side !== undefined;
  };
  return (
    <div class="answer-groups">
      <ChoiceGroup
        legend="Which is louder?"
        choices={SIDES.map((s) => ({ value: s, label: `${s} is louder` }))}
        selected={p.answer?.side}
        onSelect={(side) => set({ side })}
        disabled={p.locked}
        right={p.right?.side}
        numbered
      />
      {q.askAmount && (
        <ChoiceGroup
          legend="By how much?"
          hint="Tab here, then the arrow keys"
          choices={q.amountsDb.map((db) => ({ value: db, label: dbWords(db) }))}
          selected={p.answer?.amountDb}
          onSelect={(amountDb) => set({ amountDb })}
          disabled={p.locked}
          right={p.right?.amountDb}
        />
      )}
    </div>
  );
}
