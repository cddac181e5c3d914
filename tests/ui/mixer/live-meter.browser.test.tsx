import { signal } from '@preact/signals';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveMeter } from '../../../src/ui/mixer/LiveMeter';
import { Meter } from '../../../src/ui/mixer/Meter';
import { METER_WORDS_EVERY_MS, meterFace, meterPainter } from '../../../src/ui/mixer/meter-paint';
import '../../../src/ui/mixer/mixer-console.css';

let root: HTMLDivElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.appendChild(root);
});
afterEach(() => {
  vi.useRealTimers();
  render(null, root);
  root.remove();
});

const SILENT = {
  peakDb: Number.NEGATIVE_INFINITY,
  rmsDb: Number.NEGATIVE_INFINITY,
  holdDb: Number.NEGATIVE_INFINITY,
};

/** Counts DOM changes under `el` while `work` runs. */
function mutationsDuring(el: Element, work: () => void): MutationRecord[] {
  const observer = new MutationObserver(() => undefined);
  observer.observe(el, { subtree: true, attributes: true, characterData: true, childList: true });
  work();
  const records = observer.takeRecords();
  observer.disconnect();
  return records;
}

describe('meterFace', () => {
  it('puts a level at its pixel on the −60 … +6 dBFS scale and says it in words', () => {
    const face = meterFace({ peakDb: -27, rmsDb: -60, holdDb: 1.2 }, 132);
    expect(face.peakPx).toBe(66);
    expect(face.rmsPx).toBe(0);
    expect(face.holdPx).toBe(Math.round(((1.2 + 60) / 66) * 132));
    expect(face.zone).toBe('red');
    expect(face.over).toBe(true);
    expect(face.readout).toBe('+1.2');
    expect(meterFace(SILENT, 132).holdPx).toBe(-1);
  });
});

describe('meterPainter', () => {
  it('moves only what changed, by transforms, and never re-lays out the bar', async () => {
    await act(() => render(<Meter label="Vocal level" {...SILENT} height={132} />, root));
    let now = 0;
    const painter = meterPainter(root.querySelector<HTMLElement>('.meter')!, 132, () => now);
    painter.draw({ peakDb: -27, rmsDb: -33, holdDb: -27 });
    const peak = root.querySelector<HTMLElement>('.meter-peak')!;
    expect(peak.style.transform).toBe('translateY(66px)');
    expect((peak.firstElementChild as HTMLElement).style.transform).toBe('translateY(-66px)');
    expect(root.querySelector<HTMLElement>('.meter-hold')!.style.visibility).toBe('');
    // The same pixels again, 50 ms on (the words wait their 250 ms): nothing is touched.
    now = 50;
    expect(
      mutationsDuring(root, () => painter.draw({ peakDb: -27.1, rmsDb: -33.1, holdDb: -27 })),
    ).toHaveLength(0);
    // Only the peak moved: the peak window and its zones change (two style writes), nothing else.
    const moved = mutationsDuring(root, () => painter.draw({ peakDb: -20, rmsDb: -33.1, holdDb: -27 }));
    expect(moved.map((r) => (r.target as Element).className).sort()).toEqual([
      'meter-window meter-peak',
      'meter-zones',
    ]);
    // The lit part's top edge is where −20 dBFS is (40 of 66 dB up a 132 px bar: 52 px from the top).
    const bar = root.querySelector('.meter-bar')!.getBoundingClientRect();
    expect(peak.getBoundingClientRect().top - bar.top).toBeCloseTo(132 - 80, 0);
    painter.dispose();
  });

  it('changes the readout and the accessible value at most four times a second, and lands the last one', async () => {
    vi.useFakeTimers();
    await act(() => render(<Meter label="Vocal level" {...SILENT} height={132} />, root));
    let now = 1000;
    const painter = meterPainter(root.querySelector<HTMLElement>('.meter')!, 132, () => now);
    const readout = root.querySelector('.meter-readout')!;
    const bar = root.querySelector('[role="meter"]')!;
    painter.draw({ peakDb: -10, rmsDb: -16, holdDb: -10 });
    expect(readout.textContent).toBe('−10.0');
    now += 30;
    painter.draw({ peakDb: -8, rmsDb: -14, holdDb: -8 });
    now += 30;
    painter.draw({ peakDb: -2, rmsDb: -8, holdDb: -2 });
    expect(readout.textContent).toBe('−10.0');
    expect(bar.getAttribute('aria-valuetext')).toBe('peak −10.0 dBFS, RMS −16.0 dBFS, held −10.0 dBFS');
    now += METER_WORDS_EVERY_MS;
    vi.advanceTimersByTime(METER_WORDS_EVERY_MS);
    expect(readout.textContent).toBe('−2.0');
    expect(readout.classList.contains('zone-red')).toBe(true);
    expect(bar.getAttribute('aria-valuetext')).toBe('peak −2.0 dBFS, RMS −8.0 dBFS, held −2.0 dBFS');
    painter.dispose();
  });
});

describe('LiveMeter', () => {
  it('draws each new reading without rendering again, its bar a canvas a Worker draws', async () => {
    const meter = signal({ ...SILENT, holdAt: 0, clipped: false });
    let renders = 0;
    function Counted() {
      renders++;
      return <LiveMeter label="Master level" meter={meter} height={132} />;
    }
    await act(() => render(<Counted />, root));
    const rendersAfterMount = renders;
    const canvas = root.querySelector<HTMLCanvasElement>('.meter-canvas')!;
    expect(canvas).not.toBeNull();
    expect(root.querySelector('.meter-peak')).toBeNull();
    // −6 dBFS: 54 of 66 dB up the 132 px bar, so lit from 24 px below the top.
    meter.value = { peakDb: -6, rmsDb: -6, holdDb: -6, holdAt: 1, clipped: false };
    expect(renders).toBe(rendersAfterMount);
    // What the Worker drew reaches the page's canvas: read it back once it has been shown.
    const lit = async () => {
      const bitmap = await createImageBitmap(canvas);
      const probe = new OffscreenCanvas(bitmap.width, bitmap.height);
      const g = probe.getContext('2d')!;
      g.drawImage(bitmap, 0, 0);
      const scale = bitmap.height / 132;
      const at = (y: number) =>
        g.getImageData(Math.floor(bitmap.width / 2), Math.round(y * scale), 1, 1).data;
      // Well below the level: a bright zone colour (green ends at −12 dBFS, 48 px up); above it: the groove.
      return { below: at(120), above: at(10) };
    };
    await expect
      .poll(async () => {
        const { below } = await lit();
        return below[1]! > 150 && below[1]! > below[2]!;
      })
      .toBe(true);
    const { above } = await lit();
    expect(above[1]!).toBeLessThan(60);
    expect(renders).toBe(rendersAfterMount);
  });
});
