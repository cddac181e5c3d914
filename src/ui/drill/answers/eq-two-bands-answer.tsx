import { useRef } from 'preact/hooks';
import { formatHz } from '../../../dsp/bands';
import type { EqTwoBandsAnswer, EqTwoBandsQuestion } from '../../../exercises/eq-two-bands/meta';
import { ChoiceGroup } from '../ChoiceGroup';
import { type AnswerViewProps, digitIndex } from './types';

/**
 * eq-two-bands: the boosted band and the cut band. Number keys pick in the boost row; − switches them to the
 * cut row and + back (arrow keys work inside either row too).
 */
export function EqTwoBandsAnswerView(p: AnswerViewProps<EqTwoBandsQuestion, EqTwoBandsAnswer>) {
  const q = p.question;
  const row = useRef<'boostHz' | 'cutHz'>('boostHz');
  const set = (patch: Partial<EqTwoBandsAnswer>) => p.onChange({ ...p.answer, ...patch } as EqTwoBandsAnswer);
  p.keys.current = (key) => {
    if (key === '-' || key === '+' || key === '=') {
      row.current = key === '-' ? 'cutHz' : 'boostHz';
      return true;
    }
    const hz = q.bandsHz[digitIndex(key)];
    if (hz === undefined) return false;
    set({ [row.current]: hz });
    return true;
  };
  const choices = q.bandsHz.map((hz) => ({ value: hz, label: formatHz(hz) }));
  return (
    <div class="answer-groups">
      <ChoiceGroup
        legend="Which band was boosted?"
        hint="Number keys (press + first if you switched rows)"
        choices={choices}
        selected={p.answer?.boostHz}
        onSelect={(boostHz) => set({ boostHz })}
        disabled={p.locked}
        right={p.right?.boostHz}
        numbered
      />
      <ChoiceGroup
        legend="Which band was cut?"
        hint="Press −, then the number keys"
        choices={choices}
        selected={p.answer?.cutHz}
        onSelect={(cutHz) => set({ cutHz })}
        disabled={p.locked}
        right={p.right?.cutHz}
      />
    </div>
  );
}
