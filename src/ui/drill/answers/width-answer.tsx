import { ChoiceGroup } from '../ChoiceGroup';
import { type AnswerViewProps, digitIndex } from './types';

/** A question that asks one thing and lists its own choices (stereo-width, filters, saturation). */
export interface PromptChoices {
  prompt: string;
  choices: string[];
  choiceLabels: string[];
}

/** The question's own choices under its prompt (number keys pick). */
export function PromptChoiceAnswerView(p: AnswerViewProps<PromptChoices, { choice: string }>) {
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

/** stereo-width: the drill's own choices (number keys). */
export const StereoWidthAnswerView = PromptChoiceAnswerView;

/** filters: the drill's own choices (number keys). */
export const FiltersAnswerView = PromptChoiceAnswerView;

/** saturation: the drill's own choices (number keys). */
export const SaturationAnswerView = PromptChoiceAnswerView;

/** reverb-type: the drill's own choices (number keys). */
export const ReverbTypeAnswerView = PromptChoiceAnswerView;
