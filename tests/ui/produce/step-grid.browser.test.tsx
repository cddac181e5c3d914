import { render } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { nextVelocity, stepLevel } from '../../../src/state/produce/arrangement';
import { StepGrid, type StepRow } from '../../../src/ui/produce/step-grid';

let root: HTMLDivElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.appendChild(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const empty = () => Array.from({ length: 16 }, () => 0);
let latest: StepRow[] = [];

/** The grid with its own state, edited the way the arranger edits a pattern. */
function Harness() {
  const [rows, setRows] = useState<StepRow[]>([
    { label: 'Kick', track: 'kick', steps: [1, ...empty().slice(1)] },
    { label: 'Snare', track: 'snare', steps: empty() },
    { label: 'Hi-hat', track: 'hats', steps: empty() },
  ]);
  latest = rows;
  const edit = (r: number, c: number, next: (v: number) => number) =>
    setRows((old) =>
      old.map((row, i) =>
        i === r ? { ...row, steps: row.steps.map((v, k) => (k === c ? next(v) : v)) } : row,
      ),
    );
  return (
    <StepGrid
      rows={rows}
      levelName={(v) => stepLevel(v)?.name ?? 'off'}
      onToggle={(r, c) => edit(r, c, (v) => (v > 0 ? 0 : 0.85))}
      onCycle={(r, c) => edit(r, c, nextVelocity)}
    />
  );
}

const step = (name: string) => root.querySelector<HTMLButtonElement>(`button[aria-label="${name}"]`)!;
const focused = () => (document.activeElement as HTMLElement | null)?.getAttribute('aria-label');

describe('drum step grid', () => {
  it('is a labelled group of 16 toggle buttons per row, with one tab stop', async () => {
    await act(() => render(<Harness />, root));
    const group = root.querySelector('fieldset')!;
    expect(group.querySelector('legend')?.textContent).toBe('Drum pattern');
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('button')];
    expect(buttons).toHaveLength(48);
    expect(buttons.map((b) => b.getAttribute('aria-label')).slice(0, 3)).toEqual([
      'Kick step 1',
      'Kick step 2',
      'Kick step 3',
    ]);
    expect(step('Snare step 16')).toBeTruthy();
    expect(buttons.filter((b) => b.tabIndex === 0)).toHaveLength(1);
    expect(step('Kick step 1').getAttribute('aria-pressed')).toBe('true');
    expect(step('Kick step 2').getAttribute('aria-pressed')).toBe('false');
  });

  it('moves with arrow keys and toggles with Space and Enter (once per press)', async () => {
    await act(() => render(<Harness />, root));
    step('Kick step 1').focus();
    await userEvent.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}');
    expect(focused()).toBe('Kick step 5');
    await userEvent.keyboard('{ArrowDown}');
    expect(focused()).toBe('Snare step 5');
    await userEvent.keyboard(' ');
    expect(step('Snare step 5').getAttribute('aria-pressed')).toBe('true');
    expect(latest[1]!.steps).toEqual([0, 0, 0, 0, 0.85, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    await userEvent.keyboard('{Enter}');
    expect(step('Snare step 5').getAttribute('aria-pressed')).toBe('false');
    expect(latest[1]!.steps.every((v) => v === 0)).toBe(true);
    // The roving tab stop follows focus; edges stop the arrows.
    expect(step('Snare step 5').tabIndex).toBe(0);
    expect(step('Kick step 1').tabIndex).toBe(-1);
    await userEvent.keyboard('{End}');
    expect(focused()).toBe('Snare step 16');
    await userEvent.keyboard('{ArrowRight}{ArrowDown}{ArrowDown}');
    expect(focused()).toBe('Hi-hat step 16');
    await userEvent.keyboard('{Home}{ArrowUp}{ArrowUp}{ArrowUp}');
    expect(focused()).toBe('Kick step 1');
    expect(latest[0]!.steps[0]).toBe(1); // moving never edits
  });

  it('Shift+Enter and Shift-click make a step louder, wrapping from accent to soft', async () => {
    await act(() => render(<Harness />, root));
    step('Hi-hat step 3').focus();
    await userEvent.keyboard('{Shift>}{Enter}{/Shift}');
    expect(latest[2]!.steps[2]).toBe(0.35);
    expect(step('Hi-hat step 3').title).toBe('Hi-hat step 3: soft');
    await userEvent.keyboard('{Shift>}{Enter}{Enter}{Enter}{/Shift}');
    expect(latest[2]!.steps[2]).toBe(1);
    await userEvent.keyboard('{Shift>}{Enter}{/Shift}');
    expect(latest[2]!.steps[2]).toBe(0.35);
    await userEvent.click(step('Kick step 9'), { modifiers: ['Shift'] });
    expect(latest[0]!.steps[8]).toBe(0.35);
    await userEvent.click(step('Kick step 9'));
    expect(latest[0]!.steps[8]).toBe(0);
    expect(step('Kick step 9').getAttribute('aria-pressed')).toBe('false');
  });
});
