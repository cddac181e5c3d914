import { render } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { faderScale, panScale } from '../../../src/ui/mixer/control-scale';
import { Fader } from '../../../src/ui/mixer/Fader';
import { Knob } from '../../../src/ui/mixer/Knob';
import { Meter } from '../../../src/ui/mixer/Meter';

let root: HTMLDivElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.appendChild(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

/** A fader that keeps its own value, resetting to 0 dB like a strip's default. */
function FaderHarness({ initial, height = 200 }: { initial: number; height?: number }) {
  const [value, setValue] = useState(initial);
  return (
    <Fader
      label="Vocal fader"
      value={value}
      height={height}
      onChange={setValue}
      onReset={() => setValue(0)}
    />
  );
}

function PanHarness({ initial }: { initial: number }) {
  const [value, setValue] = useState(initial);
  return (
    <Knob
      label="Vocal pan"
      value={value}
      scale={panScale}
      bipolar
      onChange={setValue}
      onReset={() => setValue(0)}
    />
  );
}

const slider = (name: string) => root.querySelector<HTMLElement>(`[role="slider"][aria-label="${name}"]`)!;

async function key(el: HTMLElement, k: string, shiftKey = false) {
  await act(() => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key: k, shiftKey, bubbles: true, cancelable: true }));
  });
}

async function pointer(el: HTMLElement, type: string, clientY: number) {
  await act(() => {
    el.dispatchEvent(
      new PointerEvent(type, {
        pointerId: 7,
        pointerType: 'mouse',
        button: 0,
        clientY,
        bubbles: true,
        cancelable: true,
      }),
    );
  });
}

describe('Fader', () => {
  it('has an accessible name and a readable value', async () => {
    await act(() => render(<FaderHarness initial={-6} />, root));
    const el = slider('Vocal fader');
    expect(el.getAttribute('aria-valuetext')).toBe('−6.0 dB');
    expect(el.getAttribute('aria-valuenow')).toBe('-6');
    expect(el.getAttribute('aria-orientation')).toBe('vertical');
    expect(el.tabIndex).toBe(0);
    expect(root.querySelector('.fader-readout')?.textContent).toBe('−6.0 dB');
  });

  it('arrow keys move it by 1 dB, Shift+arrows by 0.1 dB, and Enter resets it', async () => {
    await act(() => render(<FaderHarness initial={0} />, root));
    const el = slider('Vocal fader');
    await key(el, 'ArrowUp');
    expect(el.getAttribute('aria-valuetext')).toBe('+1.0 dB');
    await key(el, 'ArrowDown');
    await key(el, 'ArrowDown');
    expect(el.getAttribute('aria-valuetext')).toBe('−1.0 dB');
    await key(el, 'ArrowDown', true);
    expect(el.getAttribute('aria-valuetext')).toBe('−1.1 dB');
    await key(el, 'End');
    expect(el.getAttribute('aria-valuetext')).toBe('−∞ dB');
    await key(el, 'Enter');
    expect(el.getAttribute('aria-valuetext')).toBe('0.0 dB');
  });

  it('double-click resets it', async () => {
    await act(() => render(<FaderHarness initial={-12} />, root));
    const el = slider('Vocal fader');
    await act(() => {
      el.dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
    });
    expect(el.getAttribute('aria-valuetext')).toBe('0.0 dB');
  });

  it('dragging moves the cap by exactly the distance dragged (value ↔ position round-trip)', async () => {
    await act(() => render(<FaderHarness initial={-10} height={200} />, root));
    const el = slider('Vocal fader');
    await pointer(el, 'pointerdown', 300);
    await pointer(el, 'pointermove', 280);
    await pointer(el, 'pointermove', 250);
    await pointer(el, 'pointerup', 250);
    const expected = faderScale.fromPosition(faderScale.toPosition(-10) + 50 / 200);
    expect(Number(el.getAttribute('aria-valuenow'))).toBeCloseTo(expected, 1);
    expect(el.getAttribute('aria-valuetext')).toBe(faderScale.format(expected));
    // The cap is drawn where the value maps to.
    const cap = root.querySelector<HTMLElement>('.fader-cap')!;
    expect(Number.parseFloat(cap.style.bottom)).toBeCloseTo(faderScale.toPosition(expected) * 100, 3);
  });
});

describe('Knob', () => {
  it('reads pan like a console and nudges 5 (Shift: 1) per arrow', async () => {
    await act(() => render(<PanHarness initial={-0.3} />, root));
    const el = slider('Vocal pan');
    expect(el.getAttribute('aria-valuetext')).toBe('L 30');
    await key(el, 'ArrowRight');
    expect(el.getAttribute('aria-valuetext')).toBe('L 25');
    await key(el, 'ArrowRight', true);
    expect(el.getAttribute('aria-valuetext')).toBe('L 24');
    await key(el, 'Enter');
    expect(el.getAttribute('aria-valuetext')).toBe('C');
    await key(el, 'Home');
    expect(el.getAttribute('aria-valuetext')).toBe('R 100');
  });

  it('dragging up 160 px turns it through its whole range', async () => {
    await act(() => render(<PanHarness initial={-1} />, root));
    const el = slider('Vocal pan');
    await pointer(el, 'pointerdown', 400);
    await pointer(el, 'pointermove', 320);
    expect(Number(el.getAttribute('aria-valuenow'))).toBeCloseTo(0, 6);
    await pointer(el, 'pointermove', 200);
    await pointer(el, 'pointerup', 200);
    expect(el.getAttribute('aria-valuetext')).toBe('R 100');
  });

  it('a fixed knob (set by the exercise) turns neither by drag, arrows nor reset, and says "fixed"', async () => {
    const changes: number[] = [];
    await act(() =>
      render(
        <Knob
          label="Ratio (fixed)"
          value={-0.3}
          scale={panScale}
          fixed
          onChange={(v) => changes.push(v)}
          onReset={() => changes.push(0)}
        />,
        root,
      ),
    );
    const el = slider('Ratio (fixed)');
    await pointer(el, 'pointerdown', 400);
    await pointer(el, 'pointermove', 200);
    await pointer(el, 'pointerup', 200);
    await key(el, 'ArrowUp');
    await key(el, 'Enter');
    await act(() => {
      el.dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
    });
    expect(changes).toEqual([]);
    expect(el.getAttribute('aria-valuetext')).toBe('L 30');
    expect(el.getAttribute('aria-readonly')).toBe('true');
    expect(root.querySelector('.knob-fixed')?.textContent).toBe('fixed');
    expect(root.querySelector('.knob')?.classList.contains('is-fixed')).toBe(true);
  });
});

describe('Meter', () => {
  it('says its level in numbers, not only in colour', async () => {
    await act(() => render(<Meter label="Vocal level" peakDb={-12.34} rmsDb={-20} holdDb={-2.5} />, root));
    const el = root.querySelector<HTMLElement>('[role="meter"]')!;
    expect(el.getAttribute('aria-label')).toBe('Vocal level');
    expect(el.getAttribute('aria-valuetext')).toBe('peak −12.3 dBFS, RMS −20.0 dBFS, held −2.5 dBFS');
    const readout = root.querySelector('.meter-readout')!;
    expect(readout.textContent).toBe('−2.5');
    expect(readout.classList.contains('zone-red')).toBe(true);
  });

  it('lights the bar in proportion to the level on a −60 … +6 dBFS scale', async () => {
    await act(() => render(<Meter label="Master level" peakDb={-27} rmsDb={-60} holdDb={-27} />, root));
    // −27 dBFS is half way up the 180 px bar: the window moves down 90 px, the zones back up 90 px.
    const peak = root.querySelector<HTMLElement>('.meter-peak')!;
    expect(peak.style.transform).toBe('translateY(90px)');
    expect((peak.firstElementChild as HTMLElement).style.transform).toBe('translateY(-90px)');
    const rms = root.querySelector<HTMLElement>('.meter-rms')!;
    expect(rms.style.transform).toBe('translateY(180px)');
    const hold = root.querySelector<HTMLElement>('.meter-hold')!;
    expect(hold.style.transform).toBe('translateY(-90px)');
    // What shows: the lit part of the peak bar ends where the level is.
    const bar = root.querySelector<HTMLElement>('.meter-bar')!.getBoundingClientRect();
    const lit = peak.getBoundingClientRect();
    expect(lit.top - bar.top).toBeCloseTo(90, 0);
  });
});
