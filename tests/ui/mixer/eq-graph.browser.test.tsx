import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { biquadCoefficients, biquadMagnitudeDb } from '../../../src/dsp/biquad';
import type { EqBandSettings } from '../../../src/state/mixer/mixer-model';
import { EqGraph } from '../../../src/ui/mixer/EqGraph';
import { drawnGainAt, EQ_FRAME, hzToX } from '../../../src/ui/mixer/eq-geometry';

const RATE = 44100;
let root: HTMLDivElement;
beforeEach(() => {
  root = document.createElement('div');
  root.style.width = '600px';
  document.body.appendChild(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const bands = (): EqBandSettings[] => [
  { enabled: true, type: 'lowshelf', frequency: 100, gainDb: 0, q: Math.SQRT1_2 },
  { enabled: true, type: 'peaking', frequency: 1200, gainDb: 6, q: 1.4 },
  { enabled: false, type: 'peaking', frequency: 2500, gainDb: 9, q: 1 },
  { enabled: true, type: 'highshelf', frequency: 8000, gainDb: -4, q: Math.SQRT1_2 },
];

function draw(
  list: EqBandSettings[],
  patches: [number, Partial<EqBandSettings>][] = [],
  resets: number[] = [],
) {
  return act(() =>
    render(
      <EqGraph
        name="Vocal"
        bands={list}
        highPass={{ enabled: false, frequency: 80 }}
        sampleRate={RATE}
        color="#ff7eb6"
        onBand={(band, patch) => patches.push([band, patch])}
        onResetBand={(band) => resets.push(band)}
      />,
      root,
    ),
  );
}

describe('EqGraph', () => {
  it('draws the response so that the gain read off the curve at a band centre is biquadMagnitudeDb', async () => {
    const list = bands();
    await draw(list);
    const d = root.querySelector('[data-testid="eq-curve"]')!.getAttribute('d')!;
    const peak = list[1]!;
    const c = biquadCoefficients('peaking', peak.frequency, peak.q, peak.gainDb, RATE);
    const shelf = biquadCoefficients('highshelf', 8000, 1, -4, RATE);
    const lowShelf = biquadCoefficients('lowshelf', 100, 1, 0, RATE);
    const expected =
      biquadMagnitudeDb(c, 1200, RATE) +
      biquadMagnitudeDb(shelf, 1200, RATE) +
      biquadMagnitudeDb(lowShelf, 1200, RATE);
    expect(Math.abs(drawnGainAt(d, 1200) - expected)).toBeLessThan(0.1);
    // The disabled +9 dB band at 2.5 kHz is not in the curve.
    const withoutIt = biquadMagnitudeDb(c, 2500, RATE) + biquadMagnitudeDb(shelf, 2500, RATE);
    expect(Math.abs(drawnGainAt(d, 2500) - withoutIt)).toBeLessThan(0.1);
  });

  it('places each node at its band and reads it out: frequency, gain, Q', async () => {
    await draw(bands());
    const node = root.querySelector<HTMLElement>('[aria-label="Vocal EQ band 2"]')!;
    expect(node.getAttribute('role')).toBe('slider');
    expect(node.getAttribute('aria-valuetext')).toBe('Peak: 1.2 kHz, +6.0 dB, Q 1.4');
    expect(Number.parseFloat(node.style.left)).toBeCloseTo((hzToX(1200) / EQ_FRAME.width) * 100, 3);
    expect(Number.parseFloat(node.style.top)).toBeCloseTo(
      ((EQ_FRAME.height / 2 - (6 / 18) * (EQ_FRAME.height / 2)) / EQ_FRAME.height) * 100,
      3,
    );
    const off = root.querySelector<HTMLElement>('[aria-label="Vocal EQ band 3"]')!;
    expect(off.getAttribute('aria-valuetext')).toBe('Peak: 2.5 kHz, +9.0 dB, Q 1.0 (off)');
  });

  it('keys move a node: ←/→ frequency by a semitone, ↑/↓ gain by 0.5 dB, PageUp/PageDown Q, Enter resets', async () => {
    const patches: [number, Partial<EqBandSettings>][] = [];
    const resets: number[] = [];
    await draw(bands(), patches, resets);
    const node = root.querySelector<HTMLElement>('[aria-label="Vocal EQ band 2"]')!;
    const press = (key: string, shiftKey = false) =>
      node.dispatchEvent(new KeyboardEvent('keydown', { key, shiftKey, bubbles: true, cancelable: true }));
    press('ArrowRight');
    press('ArrowUp');
    press('ArrowDown', true);
    press('PageUp');
    press('Enter');
    expect(patches[0]![0]).toBe(1);
    expect(patches[0]![1].frequency).toBeCloseTo(1200 * 2 ** (1 / 12), 6);
    expect(patches[1]![1].gainDb).toBeCloseTo(6.5, 9);
    expect(patches[2]![1].gainDb).toBeCloseTo(5.9, 9);
    expect(patches[3]![1].q).toBeCloseTo(1.4 * 1.1, 9);
    expect(resets).toEqual([1]);
  });

  it('dragging a node moves its frequency and gain together', async () => {
    const patches: [number, Partial<EqBandSettings>][] = [];
    await draw(bands(), patches);
    const graph = root.querySelector<HTMLElement>('.eq-graph')!;
    const rect = graph.getBoundingClientRect();
    const node = root.querySelector<HTMLElement>('[aria-label="Vocal EQ band 2"]')!;
    const n = node.getBoundingClientRect();
    const [cx, cy] = [n.left + n.width / 2, n.top + n.height / 2];
    const fire = (el: HTMLElement, type: string, x: number, y: number) =>
      el.dispatchEvent(
        new PointerEvent(type, { pointerId: 3, button: 0, clientX: x, clientY: y, bubbles: true }),
      );
    fire(node, 'pointerdown', cx, cy);
    // One octave up is width·log(2)/log(1000) to the right; 6 dB down is a sixth of the half-height.
    const dx = (rect.width * Math.log(2)) / Math.log(1000);
    const dy = rect.height / 2 / 3;
    fire(graph, 'pointermove', cx + dx, cy + dy);
    fire(graph, 'pointerup', cx + dx, cy + dy);
    const last = patches[patches.length - 1]!;
    expect(last[1].frequency).toBeGreaterThan(2400 * 0.98);
    expect(last[1].frequency).toBeLessThan(2400 * 1.02);
    expect(last[1].gainDb).toBeCloseTo(0, 0);
  });
});
