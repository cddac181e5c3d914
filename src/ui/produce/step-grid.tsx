import { useRef, useState } from 'preact/hooks';
import { trackColor } from '../mixer/track-colors';

/** One row of the step grid as the view shows it. */
export interface StepRow {
  /** Drum name ("Kick", "Shaker"): the row's label and the start of each step's accessible name. */
  label: string;
  /** Track the row plays on (for its colour). */
  track: string;
  /** 16 velocities, 0 = off. */
  steps: readonly number[];
}

/** Names a velocity for the step's tooltip and description. */
export type LevelName = (velocity: number) => string;

interface Props {
  rows: readonly StepRow[];
  /** Plain click, Space or Enter: on (normal) / off. */
  onToggle(row: number, step: number): void;
  /** Shift with click, Space or Enter: one level louder. */
  onCycle(row: number, step: number): void;
  levelName: LevelName;
  label?: string;
}

const STEPS = 16;

/**
 * A drum step grid: one toggle button per sixteenth (aria-pressed), named "Kick step 5". One tab stop
 * for the whole grid; arrow keys move between steps and rows, Home/End jump to a row's ends, Space or
 * Enter toggles, with Shift they make the step louder (soft → medium → normal → accent).
 */
export function StepGrid({ rows, onToggle, onCycle, levelName, label = 'Drum pattern' }: Props) {
  const [focus, setFocus] = useState<[number, number]>([0, 0]);
  const root = useRef<HTMLFieldSetElement>(null);
  const [fr, fc] = [Math.min(focus[0], rows.length - 1), focus[1]];

  const moveTo = (r: number, c: number) => {
    const row = Math.max(0, Math.min(rows.length - 1, r));
    const col = Math.max(0, Math.min(STEPS - 1, c));
    setFocus([row, col]);
    root.current?.querySelector<HTMLButtonElement>(`[data-cell="${row}-${col}"]`)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent, r: number, c: number) => {
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [r, c - 1],
      ArrowRight: [r, c + 1],
      ArrowUp: [r - 1, c],
      ArrowDown: [r + 1, c],
      Home: [r, 0],
      End: [r, STEPS - 1],
    };
    const to = moves[event.key];
    if (to) {
      event.preventDefault();
      moveTo(to[0], to[1]);
    } else if (event.key === ' ' || event.key === 'Enter') {
      // Handled here (not by the button's click) so Shift reliably means "louder" from the keyboard too.
      event.preventDefault();
      if (!event.repeat) (event.shiftKey ? onCycle : onToggle)(r, c);
    }
  };

  return (
    <fieldset class="step-grid" ref={root}>
      <legend class="arr-visually-hidden">{label}</legend>
      <div class="step-row step-ruler" aria-hidden="true">
        <span class="step-label" />
        {Array.from({ length: STEPS }, (_, c) => (
          <span key={c} class={`step-num${c % 4 === 0 ? ' is-beat' : ''}`}>
            {c % 4 === 0 ? c / 4 + 1 : '·'}
          </span>
        ))}
      </div>
      {rows.map((row, r) => (
        <div key={`${row.label}-${r}`} class="step-row" style={{ '--track-color': trackColor(row.track) }}>
          <span class="step-label">{row.label}</span>
          {row.steps.map((velocity, c) => {
            const on = velocity > 0;
            const level = on ? levelName(velocity) : 'off';
            return (
              <button
                key={c}
                type="button"
                data-cell={`${r}-${c}`}
                class={`step${on ? ' is-on' : ''}${c % 4 === 0 ? ' is-beat' : ''}`}
                style={on ? { '--velocity': String(0.3 + 0.7 * velocity) } : undefined}
                aria-pressed={on}
                aria-label={`${row.label} step ${c + 1}`}
                title={`${row.label} step ${c + 1}: ${level}`}
                tabIndex={r === fr && c === fc ? 0 : -1}
                onFocus={() => setFocus([r, c])}
                onKeyDown={(e) => onKeyDown(e, r, c)}
                onKeyUp={(e) => {
                  if (e.key === ' ') e.preventDefault();
                }}
                onClick={(e) => (e.shiftKey ? onCycle : onToggle)(r, c)}
              >
                <span class="step-fill" />
              </button>
            );
          })}
        </div>
      ))}
    </fieldset>
  );
}
