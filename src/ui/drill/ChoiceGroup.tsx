import { useRef } from 'preact/hooks';

/** One option of a choice group. */
export interface Choice<V> {
  value: V;
  label: string;
}

/** Props of a choice group. */
export interface ChoiceGroupProps<V> {
  /** Visible heading of the group ("Which band?"). */
  legend: string;
  choices: readonly Choice<V>[];
  selected: V | undefined;
  onSelect: (value: V) => void;
  disabled?: boolean;
  /** Show 1–9 (and 0 for the tenth) on the first ten choices: the drill's number keys pick them. */
  numbered?: boolean;
  /** Marks after answering: the right choice and the learner's. */
  right?: V;
  /** Extra hint under the legend (e.g. "keys + and −"). */
  hint?: string;
}

/** The key that picks choice `index` ("1" … "9", "0" for the tenth), or null past ten. */
export function choiceKey(index: number): string | null {
  if (index < 9) return String(index + 1);
  return index === 9 ? '0' : null;
}

/**
 * A single-choice group as big buttons (radio semantics): arrow keys move and select, Home/End jump, Tab
 * leaves the group; numbered groups show the drill's number keys. After answering, the right choice and a
 * wrong pick are marked in words as well as colour.
 */
export function ChoiceGroup<V extends string | number>({
  legend,
  choices,
  selected,
  onSelect,
  disabled,
  numbered,
  right,
  hint,
}: ChoiceGroupProps<V>) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const current = choices.findIndex((c) => c.value === selected);
  const focusable = current >= 0 ? current : 0;
  const move = (to: number) => {
    const i = (to + choices.length) % choices.length;
    const choice = choices[i];
    if (!choice) return;
    onSelect(choice.value);
    refs.current[i]?.focus();
  };
  const onKeyDown = (index: number) => (event: KeyboardEvent) => {
    const keys: Record<string, () => void> = {
      ArrowRight: () => move(index + 1),
      ArrowDown: () => move(index + 1),
      ArrowLeft: () => move(index - 1),
      ArrowUp: () => move(index - 1),
      Home: () => move(0),
      End: () => move(choices.length - 1),
    };
    const action = keys[event.key];
    if (!action || disabled) return;
    event.preventDefault();
    event.stopPropagation();
    action();
  };
  return (
    <fieldset class="choice-group" disabled={disabled}>
      <legend>{legend}</legend>
      {hint && <p class="choice-hint muted">{hint}</p>}
      <div class="choice-buttons" role="radiogroup" aria-label={legend}>
        {choices.map((c, i) => {
          const checked = c.value === selected;
          const isRight = right !== undefined && c.value === right;
          const isWrong = right !== undefined && checked && !isRight;
          const key = numbered ? choiceKey(i) : null;
          return (
            // biome-ignore lint/a11y/useSemanticElements: big buttons with number keys and marks; native radios cannot show them
            <button
              key={String(c.value)}
              ref={(el) => {
                refs.current[i] = el;
              }}
              type="button"
              role="radio"
              aria-checked={checked}
              tabIndex={i === focusable ? 0 : -1}
              class={`choice-btn${checked ? ' is-checked' : ''}${isRight ? ' is-right' : ''}${isWrong ? ' is-wrong' : ''}`}
              onClick={() => !disabled && onSelect(c.value)}
              onKeyDown={onKeyDown(i)}
            >
              {key && (
                <span class="kbd choice-key" aria-hidden="true">
                  {key}
                </span>
              )}
              <span>{c.label}</span>
              {isRight && <span class="choice-mark"> ✓ right</span>}
              {isWrong && <span class="choice-mark"> ✗ yours</span>}
            </button>
          );
        })}
      </div>
    </fieldset>
  );
}
