import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { biquadCoefficients, biquadMagnitudeDb } from '../../../src/dsp/biquad';
import { generate } from '../../../src/exercises/filters/generate';
import { EqBandsCurves } from '../../../src/ui/drill/eq-review-curves';
import { FilterReview } from '../../../src/ui/drill/filter-review';
import { dbToY, EQ_FRAME, EQ_GRID_DB, EQ_GRID_HZ, hzToX } from '../../../src/ui/mixer/eq-geometry';

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

/** The y of a path's point nearest x (paths are "M x,y L x,y …"). */
function yAt(d: string, x: number): number {
  const points = [...d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
  const best = points.reduce((a, b) => (Math.abs(b[0]! - x) < Math.abs(a[0]! - x) ? b : a));
  return best[1]!;
}

describe('EQ review figures share one grid', () => {
  it('two-band curves: the grid, both curves where the bands put them, and the legend', async () => {
    await act(() =>
      render(
        <EqBandsCurves
          label="Right and yours"
          right={[{ enabled: true, type: 'peaking', frequency: 1000, gainDb: 6, q: 1.4 }]}
          yours={[{ enabled: true, type: 'peaking', frequency: 4000, gainDb: -6, q: 1.4 }]}
        />,
        root,
      ),
    );
    const grid = root.querySelectorAll('.eq-grid > g, .eq-grid > line');
    expect(grid.length).toBe(EQ_GRID_HZ.length + EQ_GRID_DB.length);
    const right = root.querySelector('.review-right')!.getAttribute('d')!;
    const yours = root.querySelector('.review-yours')!.getAttribute('d')!;
    expect(yAt(right, hzToX(1000))).toBeCloseTo(dbToY(6), 0);
    expect(yAt(yours, hzToX(4000))).toBeCloseTo(dbToY(-6), 0);
    expect(root.querySelector('figcaption')?.textContent).toBe('Right and yours');
    expect(root.querySelector('.review-legend')?.textContent).toContain('right answer');
  });

  it("a filter's review adds the −3 dB line and draws each filter's response", async () => {
    const q = generate(11, 2);
    const yoursHz = Number(q.choices.find((c) => c !== q.correct));
    const answer = { choice: q.subtype === 'cutoff' ? String(yoursHz) : q.correct === 'A' ? 'B' : 'A' };
    await act(() => render(<FilterReview q={q} a={answer as never} />, root));
    expect(root.querySelector('.filter-3db')?.getAttribute('y1')).toBe(String(dbToY(-3)));
    const right = q.subtype === 'which' ? (q.correct === 'A' ? q.filterA : q.filterB) : q.filterB;
    const c = biquadCoefficients(right!.type, right!.frequencyHz, Math.SQRT1_2, 0, 48000);
    const hz = right!.frequencyHz;
    const want = Math.max(-EQ_FRAME.rangeDb, biquadMagnitudeDb(c, hz, 48000));
    const d = root.querySelector('.review-right')!.getAttribute('d')!;
    expect(Math.abs(yAt(d, hzToX(hz)) - dbToY(want))).toBeLessThan(2);
    expect(root.querySelector('figcaption')?.textContent).toMatch(/^Right: .+\. Yours: .+\.$/);
  });
});
