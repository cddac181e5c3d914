import type { StereoWidthAnswer, StereoWidthQuestion } from '../../../exercises/stereo-width/meta';
import { ChoiceGroup } from '../ChoiceGroup';
import { type AnswerViewProps, digitIndex } from './types';

/** stereo-width: the drill's own choices (number keys). */
export function StereoWidthAnswerView(p: AnswerViewProps<StereoWidthQuestion, StereoWidthAnswer>) {
  const q = p.question;
  p.keys.current = (key) => {
    const choice = q.choices[digitIndex(key)];
    if (choice !== undefined) p.onChange({ choice });
    return choice !== undefined;
  };
  return (
    <ChoiceGroup
      legend={q.prompt}
      choices={q.choices.map((c, i) => ({ value: c, label: q.choiceLabels[i] ?? c }))}
      selected={p.answer?.choice}
      onSelect={(choice) => p.onChange({ choice })}
      disabled={p.locked}
      right={p.right?.choice}
      numbered
    />
  );
}
